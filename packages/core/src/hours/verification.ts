/**
 * Verification codes of issued documents (学时证明, 结业证书) and what the public verification page shows of a
 * name. A code (Y-VERIFY-CODE) is 19 random characters of Crockford's base32 (digits and letters without I, L, O,
 * U: 95 bits) and one check character, printed in groups of four: XXXX-XXXX-XXXX-XXXX-XXXX. What a verifier types
 * is normalised (case, spaces, dashes; O read as 0, I and L as 1); the check character tells a mistyped code
 * (malformed) from one that was never issued (not found) before the database is asked.
 */

/** Crockford's base32: 0–9 and A–Z without I, L, O, U. */
export const VERIFICATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_RULE = 'Y-VERIFY-CODE';
/** random characters; with the check character the code has 20 */
export const VERIFICATION_CODE_RANDOM = 19;
export const VERIFICATION_CODE_LENGTH = VERIFICATION_CODE_RANDOM + 1;

/** Weighted sum mod 32 with odd weights: any single wrong character changes it (odd weights are invertible). */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++)
    sum += VERIFICATION_CODE_ALPHABET.indexOf(body[i] ?? '') * (2 * i + 1);
  return VERIFICATION_CODE_ALPHABET[sum % 32] ?? '0';
}

/** A code from at least 19 random bytes (5 bits of each: 32 divides 256, so no byte is wasted or biased). */
export function verificationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < VERIFICATION_CODE_RANDOM) throw new Error('verification code: too few random bytes');
  let body = '';
  for (let i = 0; i < VERIFICATION_CODE_RANDOM; i++) body += VERIFICATION_CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  return body + checkChar(body);
}

/** What a verifier typed or scanned → the stored form (20 characters), or null when it cannot be a code. */
export function normaliseVerificationCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const ch of s) if (!VERIFICATION_CODE_ALPHABET.includes(ch)) return null;
  const body = s.slice(0, VERIFICATION_CODE_RANDOM);
  return checkChar(body) === s.slice(VERIFICATION_CODE_RANDOM) ? s : null;
}

/** The printed form: groups of four joined by dashes. */
export function formatVerificationCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * A name as the public page shows it (Y-VERIFY-MASK): the first and last character kept and every one between
 * starred (罗小燕 → 罗*燕, 欧阳明华 → 欧**华); a two-character name keeps the first (王芳 → 王*); one character → *.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** An ID number with only its last four characters visible (the 学时证明, Y-VERIFY-MASK). */
export function maskIdTail(idNumber: string): string {
  const tail = idNumber.slice(-4);
  return `${'*'.repeat(Math.max(0, 18 - tail.length))}${tail}`;
}

/**
 * The public page's guard against enumeration (Y-VERIFY-THROTTLE), per client address: `maxFailures` codes not
 * found start a wait of `lockMinutes`, doubled by each further miss up to `maxLockHours`; a streak is forgotten
 * `windowMinutes` after its last miss or wait. A code found (valid or revoked) gives its miss back, and an address
 * that has opened a code before opens it again without counting. Malformed codes are answered without a lookup.
 */
export const VERIFY_THROTTLE = {
  ruleId: 'Y-VERIFY-THROTTLE',
  maxFailures: 10,
  lockMinutes: 15,
  maxLockHours: 24,
  windowMinutes: 60,
} as const;
