/** Password rules for local accounts. The policy is data, so a bureau can tighten it in settings. */

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four character classes (lower-case, upper-case, digit, symbol) must appear. */
  requireClasses: number;
  /** Reject passwords that contain the username (case-insensitive). */
  forbidUsername: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 10,
  requireClasses: 3,
  forbidUsername: true,
};

export type PasswordRule = 'PASSWORD.TOO_SHORT' | 'PASSWORD.TOO_FEW_CLASSES' | 'PASSWORD.CONTAINS_USERNAME';

export interface PasswordViolation {
  rule: PasswordRule;
  message: string;
}

/**
 * Usernames shorter than this are not checked for containment: a 1–2 character username would forbid
 * almost every password.
 */
export const MIN_USERNAME_LENGTH_TO_FORBID = 3;

/** Which of the four classes a password uses. Anything that is not an ASCII letter or digit is a symbol. */
export function characterClasses(pw: string): {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
} {
  return {
    lower: /[a-z]/.test(pw),
    upper: /[A-Z]/.test(pw),
    digit: /\d/.test(pw),
    symbol: /[^a-zA-Z0-9]/.test(pw),
  };
}

/** Every rule the password breaks (empty when it is acceptable). Length counts characters, not bytes. */
export function checkPassword(
  pw: string,
  username: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...pw].length;
  if (length < policy.minLength) {
    violations.push({
      rule: 'PASSWORD.TOO_SHORT',
      message: `密码长度至少 ${policy.minLength} 位，当前 ${length} 位`,
    });
  }
  const classes = Object.values(characterClasses(pw)).filter(Boolean).length;
  if (classes < policy.requireClasses) {
    violations.push({
      rule: 'PASSWORD.TOO_FEW_CLASSES',
      message: `密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.requireClasses} 类，当前 ${classes} 类`,
    });
  }
  const name = username.trim().toLowerCase();
  if (
    policy.forbidUsername &&
    [...name].length >= MIN_USERNAME_LENGTH_TO_FORBID &&
    pw.toLowerCase().includes(name)
  ) {
    violations.push({ rule: 'PASSWORD.CONTAINS_USERNAME', message: '密码不能包含用户名' });
  }
  return violations;
}
