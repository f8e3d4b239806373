/**
 * The rule values (`{ value, ruleId, source, note? }`) of a pack body, found by walking it, and the groups and
 * sections the pack view puts them in.
 */
/** One rule value of the pack. `path` is the pack path validatePack and the what-if preview use. */
export interface RuleEntry {
  path: string;
  /** The key path below its group, for the label: 'eligibility.age.max', 'centralizedDaysTotal'. */
  key: string;
  ruleId: string;
  source: string;
  note?: string;
  value: unknown;
}

export interface RuleGroup {
  id: string;
  title: string;
  entries: RuleEntry[];
}

export interface RuleSection {
  id: string;
  title: string;
  /** Shorter, for a tab: the name without its "项目" suffix. */
  tabTitle?: string;
  /** For a project type: its level, cycle … as a subtitle. */
  subtitle?: string;
  groups: RuleGroup[];
  /** the pack paths the section holds (for counting edits and problems per tab). */
  prefixes: string[];
}

/** whether a rule path lies under one of a section's prefixes. */
export function inSection(section: Pick<RuleSection, 'prefixes'>, path: string): boolean {
  return section.prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isRuleValue(
  v: unknown,
): v is { value: unknown; ruleId: string; source: string; note?: string } {
  return isRecord(v) && 'value' in v && typeof v.ruleId === 'string' && typeof v.source === 'string';
}

/** Every rule value under `node`, depth first, in the pack's own order. */
export function collectRules(node: unknown, path = ''): RuleEntry[] {
  if (isRuleValue(node)) {
    return [
      {
        path,
        key: path,
        ruleId: node.ruleId,
        source: node.source,
        ...(typeof node.note === 'string' ? { note: node.note } : {}),
        value: node.value,
      },
    ];
  }
  if (Array.isArray(node)) return node.flatMap((child, i) => collectRules(child, `${path}[${i}]`));
  if (isRecord(node)) {
    return Object.entries(node).flatMap(([k, child]) => collectRules(child, path ? `${path}.${k}` : k));
  }
  return [];
}

export function relative(entries: RuleEntry[], prefix: string): RuleEntry[] {
  return entries.map((e) => ({ ...e, key: e.path.slice(prefix.length).replace(/^\./, '') }));
}
