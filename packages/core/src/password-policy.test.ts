import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './password-policy';

const rules = (
  pw: string,
  username = 'zhangsan',
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): string[] => checkPassword(pw, username, policy).map((v) => v.rule);

describe('checkPassword', () => {
  it('the default policy is 10 characters, 3 classes, username forbidden', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({ minLength: 10, requireClasses: 3, forbidUsername: true });
  });

  it('PASSWORD.TOO_SHORT: minLength - 1 characters fail, minLength pass', () => {
    expect(rules('Abcdefg12')).toEqual(['PASSWORD.TOO_SHORT']);
    expect(rules('Abcdefg123')).toEqual([]);
    expect(checkPassword('Abcdefg12', 'zhangsan', DEFAULT_PASSWORD_POLICY)[0]?.message).toBe(
      '密码长度至少 10 位，当前 9 位',
    );
  });

  it('PASSWORD.TOO_SHORT: counts characters, not UTF-16 units', () => {
    const policy = { minLength: 4, requireClasses: 0, forbidUsername: false };
    expect(rules('😀😀😀', 'u', policy)).toEqual(['PASSWORD.TOO_SHORT']);
    expect(rules('😀😀😀😀', 'u', policy)).toEqual([]);
  });

  it('PASSWORD.TOO_FEW_CLASSES: two classes fail, three pass', () => {
    expect(rules('abcdefghij12')).toEqual(['PASSWORD.TOO_FEW_CLASSES']);
    expect(rules('abcdefghIJ12')).toEqual([]);
    expect(rules('abcdefghij1!')).toEqual([]);
    expect(checkPassword('abcdefghij12', 'u', DEFAULT_PASSWORD_POLICY)[0]?.message).toBe(
      '密码须包含小写字母、大写字母、数字、符号中的至少 3 类，当前 2 类',
    );
  });

  it('PASSWORD.TOO_FEW_CLASSES: requireClasses 4 needs a symbol; spaces and CJK count as symbols', () => {
    const policy = { minLength: 1, requireClasses: 4, forbidUsername: false };
    expect(rules('Abc123', 'u', policy)).toEqual(['PASSWORD.TOO_FEW_CLASSES']);
    expect(rules('Abc123 ', 'u', policy)).toEqual([]);
    expect(rules('Abc123研', 'u', policy)).toEqual([]);
  });

  it('PASSWORD.CONTAINS_USERNAME: the username in any case is rejected', () => {
    expect(rules('ZhangSan#2024')).toEqual(['PASSWORD.CONTAINS_USERNAME']);
    expect(rules('x-zhangsan-2024X')).toEqual(['PASSWORD.CONTAINS_USERNAME']);
    expect(rules('Zhang#San2024')).toEqual([]);
  });

  it('PASSWORD.CONTAINS_USERNAME: not checked when forbidUsername is off or the username is under 3 characters', () => {
    expect(rules('ZhangSan#2024', 'zhangsan', { ...DEFAULT_PASSWORD_POLICY, forbidUsername: false })).toEqual(
      [],
    );
    expect(rules('Abcdefg#12', 'ab')).toEqual([]);
    expect(rules('Abcdefg#12', 'abc')).toEqual(['PASSWORD.CONTAINS_USERNAME']);
  });

  it('reports every violation at once', () => {
    expect(rules('zhangsan')).toEqual([
      'PASSWORD.TOO_SHORT',
      'PASSWORD.TOO_FEW_CLASSES',
      'PASSWORD.CONTAINS_USERNAME',
    ]);
    expect(rules('')).toEqual(['PASSWORD.TOO_SHORT', 'PASSWORD.TOO_FEW_CLASSES']);
  });
});
