import { describe, expect, it } from 'vitest';
import {
  formatVerificationCode,
  maskIdTail,
  maskName,
  normaliseVerificationCode,
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  verificationCodeFromBytes,
} from './verification';

const bytes = (...xs: number[]) => Uint8Array.from({ length: 19 }, (_, i) => xs[i % xs.length] ?? 0);

describe('Y-VERIFY-CODE: verification codes', () => {
  it('19 random characters of 32 (95 bits) and a check character; no I, L, O or U', () => {
    expect(VERIFICATION_CODE_ALPHABET).toHaveLength(32);
    expect(VERIFICATION_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    const c = verificationCodeFromBytes(bytes(0, 31, 255, 7));
    expect(c).toHaveLength(VERIFICATION_CODE_LENGTH);
    expect(c.slice(0, 4)).toBe('0ZZ7');
    expect(normaliseVerificationCode(c)).toBe(c);
    expect(() => verificationCodeFromBytes(new Uint8Array(18))).toThrow();
  });

  it('what a verifier types is normalised: case, spaces, dashes, O for 0, I and L for 1', () => {
    const c = verificationCodeFromBytes(bytes(0, 1, 2, 3, 4));
    const printed = formatVerificationCode(c);
    expect(printed).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(normaliseVerificationCode(printed.toLowerCase())).toBe(c);
    expect(normaliseVerificationCode(` ${printed.replace(/-/g, ' ')} `)).toBe(c);
    expect(normaliseVerificationCode(c.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(c);
  });

  it('every single wrong character and a wrong length are malformed, not a lookup', () => {
    const c = verificationCodeFromBytes(bytes(9, 200, 17, 3, 88));
    for (let i = 0; i < c.length; i++)
      for (const ch of VERIFICATION_CODE_ALPHABET) {
        if (ch === c[i]) continue;
        expect(normaliseVerificationCode(c.slice(0, i) + ch + c.slice(i + 1))).toBeNull();
      }
    expect(normaliseVerificationCode(c.slice(1))).toBeNull();
    expect(normaliseVerificationCode(`${c}0`)).toBeNull();
    expect(normaliseVerificationCode('')).toBeNull();
    expect(normaliseVerificationCode(`${c.slice(0, 19)}U`)).toBeNull();
  });
});

describe('Y-VERIFY-MASK: what the public page shows of a name, what a transcript shows of an ID number', () => {
  it('first and last character kept', () => {
    expect(maskName('罗小燕')).toBe('罗*燕');
    expect(maskName('欧阳明华')).toBe('欧**华');
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('王')).toBe('*');
  });
  it('only the last four of an ID number', () => {
    expect(maskIdTail('44180219800101123X')).toBe('**************123X');
  });
});
