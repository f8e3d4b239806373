/**
 * A rule value: one number or setting with the rule it comes from. Its own file so that pack sections declared
 * beside their rules (the 学时 ledger's `hours/types.ts`) can use it without importing the whole pack model,
 * which imports them back.
 */

/** One number (or setting) of a pack with the rule it comes from. */
export interface PolicyValue<T> {
  value: T;
  /** 'R-004-56' for rules of the spec digests; 'Y-004-…' for rules Yanxun adds where the digest has no ID. */
  ruleId: string;
  /** Where the value is written: 'S004:L128' (seed and line), or 'issue 3' for product rules. */
  source: string;
  /** The reading chosen where the seed is ambiguous, or anything else an officer should know. */
  note?: string;
}

/** Shorthand for building pack values. */
export function pv<T>(value: T, ruleId: string, source: string, note?: string): PolicyValue<T> {
  return note === undefined ? { value, ruleId, source } : { value, ruleId, source, note };
}
