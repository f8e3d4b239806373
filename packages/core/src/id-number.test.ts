import { describe, expect, it } from 'vitest';
import {
  crossCheckIdNumber,
  idCheckChar,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  PROVINCE_CODES,
  parseIdNumber,
} from './id-number';

const TODAY = { today: '2024-06-15' };
const EXAMPLE = '11010519491231002X';

function ruleOf(raw: string, options: { today?: string } = TODAY): string {
  const result = parseIdNumber(raw, options);
  return result.ok ? 'OK' : result.rule;
}

/** First 17 characters + the correct check character, bypassing makeIdNumber's input checks. */
function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

describe('parseIdNumber', () => {
  it('accepts the well-known example 11010519491231002X and decodes region, birth date and gender', () => {
    expect(parseIdNumber(EXAMPLE, TODAY)).toEqual({
      ok: true,
      value: { idNumber: EXAMPLE, regionCode: '110105', birthDate: '1949-12-31', gender: 'F' },
    });
  });

  it('normalises a lower-case x check character to X', () => {
    const result = parseIdNumber('11010519491231002x', TODAY);
    expect(result.ok && result.value.idNumber).toBe(EXAMPLE);
  });

  it('tolerates full-width digits and spaces', () => {
    expect(ruleOf('１１０１０５ １９４９１２３１ ００２Ｘ')).toBe('OK');
    expect(ruleOf(' 11010519491231002X ')).toBe('OK');
  });

  it('GB11643.CHECKSUM: rejects the example with a wrong check digit, naming expected and actual', () => {
    expect(parseIdNumber('110105194912310025', TODAY)).toEqual({
      ok: false,
      rule: 'GB11643.CHECKSUM',
      message: '身份证号校验位错误：应为 X，实为 5',
    });
  });

  it('GB11643.CHECKSUM: exactly one of the 11 possible check characters is accepted', () => {
    const first17 = makeIdNumber('441802', '1985-07-09', '123').slice(0, 17);
    const accepted = [...'0123456789X'].filter((c) => ruleOf(first17 + c) === 'OK');
    expect(accepted).toEqual([idCheckChar(first17)]);
  });

  it('GB11643.CHECKSUM: agrees with the textbook formula (weights 2^(17-i) mod 11, check (12 - sum mod 11) mod 11) for all 11 check characters', () => {
    const textbook = (first17: string): string => {
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
      const check = (12 - (sum % 11)) % 11;
      return check === 10 ? 'X' : String(check);
    };
    const seen = new Set<string>();
    for (let seq = 0; seq < 60; seq++) {
      const first17 = `44140219850709${String(seq).padStart(3, '0')}`;
      const expected = textbook(first17);
      seen.add(expected);
      expect(ruleOf(first17 + expected), first17).toBe('OK');
    }
    expect(seen.size).toBe(11);
  });

  it('GB11643.CHECKSUM: a swapped pair of digits is caught', () => {
    const valid = makeIdNumber('441802', '1985-07-09', '123');
    const swapped = `${valid.slice(0, 14)}213${valid.slice(17)}`;
    expect(ruleOf(valid)).toBe('OK');
    expect(ruleOf(swapped)).toBe('GB11643.CHECKSUM');
  });

  it('GB11643.LENGTH: 17 and 19 characters are rejected, 18 accepted', () => {
    expect(ruleOf(EXAMPLE.slice(0, 17))).toBe('GB11643.LENGTH');
    expect(ruleOf(`${EXAMPLE}0`)).toBe('GB11643.LENGTH');
    expect(ruleOf('')).toBe('GB11643.LENGTH');
    expect(ruleOf(EXAMPLE)).toBe('OK');
    const result = parseIdNumber(EXAMPLE.slice(0, 17), TODAY);
    expect(result.ok ? '' : result.message).toBe('身份证号应为 18 位，实为 17 位');
  });

  it('GB11643.LEGACY_15: a 15-digit first-generation number is rejected with its own message', () => {
    const result = parseIdNumber('110105491231002', TODAY);
    expect(result).toEqual({
      ok: false,
      rule: 'GB11643.LEGACY_15',
      message: '不支持 15 位旧身份证号，请填写 18 位身份证号',
    });
  });

  it('GB11643.CHARSET: letters in the first 17 positions or a final letter other than X are rejected', () => {
    expect(ruleOf('1101051949123100XX')).toBe('GB11643.CHARSET');
    expect(ruleOf('11010519491231002Y')).toBe('GB11643.CHARSET');
    expect(ruleOf('11010519A91231002X')).toBe('GB11643.CHARSET');
  });

  it('GB11643.REGION: province codes on both sides of the valid ranges', () => {
    const id = (province: string): string => makeIdNumber(`${province}0102`, '1980-01-01', '011');
    expect(ruleOf(id('10'))).toBe('GB11643.REGION');
    expect(ruleOf(id('11'))).toBe('OK');
    expect(ruleOf(id('15'))).toBe('OK');
    expect(ruleOf(id('16'))).toBe('GB11643.REGION');
    expect(ruleOf(id('20'))).toBe('GB11643.REGION');
    expect(ruleOf(id('47'))).toBe('GB11643.REGION');
    expect(ruleOf(id('50'))).toBe('OK');
    expect(ruleOf(id('65'))).toBe('OK');
    expect(ruleOf(id('66'))).toBe('GB11643.REGION');
    expect(ruleOf(id('71'))).toBe('OK');
    expect(ruleOf(id('81'))).toBe('OK');
    expect(ruleOf(id('82'))).toBe('OK');
    expect(ruleOf(id('83'))).toBe('OK');
    expect(ruleOf(id('84'))).toBe('GB11643.REGION');
    expect(ruleOf(id('00'))).toBe('GB11643.REGION');
  });

  it('GB11643.REGION: the province list has the 34 GB/T 2260 provinces plus 83', () => {
    expect(PROVINCE_CODES).toHaveLength(35);
    expect(new Set(PROVINCE_CODES).size).toBe(35);
  });

  it('GB11643.BIRTHDATE: 1900-01-01 is accepted, 1899-12-31 rejected', () => {
    expect(ruleOf(makeIdNumber('110105', '1900-01-01', '001'))).toBe('OK');
    expect(ruleOf(makeIdNumber('110105', '1899-12-31', '001'))).toBe('GB11643.BIRTHDATE');
  });

  it('GB11643.BIRTHDATE: born today is accepted, born tomorrow rejected', () => {
    expect(ruleOf(makeIdNumber('110105', '2024-06-15', '001'))).toBe('OK');
    expect(ruleOf(makeIdNumber('110105', '2024-06-16', '001'))).toBe('GB11643.BIRTHDATE');
  });

  it('GB11643.BIRTHDATE: 29 February only in leap years (2000 yes, 1900 and 2023 no)', () => {
    expect(ruleOf(makeIdNumber('110105', '2000-02-29', '001'))).toBe('OK');
    expect(ruleOf(makeIdNumber('110105', '2004-02-29', '001'))).toBe('OK');
    expect(ruleOf(withCheck('11010519000229001'))).toBe('GB11643.BIRTHDATE');
    expect(ruleOf(withCheck('11010520230229001'))).toBe('GB11643.BIRTHDATE');
  });

  it('GB11643.BIRTHDATE: month 13, month 00, day 32 and day 00 are rejected', () => {
    expect(ruleOf(withCheck('11010519801301001'))).toBe('GB11643.BIRTHDATE');
    expect(ruleOf(withCheck('11010519800001001'))).toBe('GB11643.BIRTHDATE');
    expect(ruleOf(withCheck('11010519800132001'))).toBe('GB11643.BIRTHDATE');
    expect(ruleOf(withCheck('11010519800100001'))).toBe('GB11643.BIRTHDATE');
    expect(ruleOf(withCheck('11010519800131001'))).toBe('OK');
    expect(ruleOf(withCheck('11010519800431001'))).toBe('GB11643.BIRTHDATE');
  });

  it('without a today option, a birth date in the future is still rejected', () => {
    expect(ruleOf(makeIdNumber('110105', '2999-01-01', '001'), {})).toBe('GB11643.BIRTHDATE');
    expect(ruleOf(EXAMPLE, {})).toBe('OK');
  });

  it('gender comes from the 17th digit: odd is M, even (including 0) is F', () => {
    const gender = (seq: string): string => {
      const result = parseIdNumber(makeIdNumber('320102', '1990-05-20', seq), TODAY);
      return result.ok ? result.value.gender : 'invalid';
    };
    expect(gender('001')).toBe('M');
    expect(gender('119')).toBe('M');
    expect(gender('002')).toBe('F');
    expect(gender('110')).toBe('F');
    expect(gender('000')).toBe('F');
  });
});

describe('makeIdNumber', () => {
  it('reproduces the well-known example', () => {
    expect(makeIdNumber('110105', '1949-12-31', '002')).toBe(EXAMPLE);
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe(EXAMPLE);
  });

  it('rejects malformed input', () => {
    expect(() => makeIdNumber('11010', '1949-12-31', '002')).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-02-30', '002')).toThrow(RangeError);
    expect(() => makeIdNumber('110105', '1949-12-31', '1000')).toThrow(RangeError);
  });
});

describe('masking', () => {
  it('maskIdNumber keeps the first 4 characters and the last one', () => {
    expect(maskIdNumber('44180219850709123X')).toBe('4418*************X');
    expect(maskIdNumber('441802850709123')).toBe('4418**********3');
    expect(maskIdNumber('123456')).toBe('1234*6');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('hardening: a masked number beside the birth date, the gender and the county code does not give the number back', () => {
    /** Every valid 18-digit number that matches the mask, the birth date and the gender, within one county. */
    const candidates = (masked: string, birthDate: string, gender: 'M' | 'F', county: string) => {
      const out: string[] = [];
      for (let seq = 0; seq < 1000; seq++) {
        const id = makeIdNumber(county, birthDate, seq);
        const odd = Number(id[16]) % 2 === 1;
        if (maskIdNumber(id) === masked && odd === (gender === 'M')) out.push(id);
      }
      return out;
    };
    let fewest = Number.POSITIVE_INFINITY;
    for (let seq = 0; seq < 1000; seq += 37) {
      const id = makeIdNumber('441802', '1977-06-16', seq);
      const gender = Number(id[16]) % 2 === 1 ? 'M' : 'F';
      const found = candidates(maskIdNumber(id), '1977-06-16', gender, '441802');
      expect(found).toContain(id);
      fewest = Math.min(fewest, found.length);
    }
    expect(fewest).toBeGreaterThanOrEqual(30);
    // the first 4 and last 4, as before: only one number was left
    const id = makeIdNumber('441802', '1977-06-16', 958);
    const byOldMask = Array.from({ length: 100 }, (_, d) =>
      makeIdNumber(`4418${String(d).padStart(2, '0')}`, '1977-06-16', 958),
    ).filter((c) => c.slice(-4) === id.slice(-4));
    expect(byOldMask.length).toBeLessThanOrEqual(12);
    expect(byOldMask).toContain(id);
  });

  it('maskPhone keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345678')).toBe('123*5678');
    expect(maskPhone('1234567')).toBe('*******');
  });
});

describe('crossCheckIdNumber', () => {
  const parsed = parseIdNumber(EXAMPLE, TODAY);
  const info = parsed.ok ? parsed.value : undefined;

  it('GB11643.CROSSCHECK: agreeing or absent statements give no mismatch', () => {
    expect(info).toBeDefined();
    if (!info) return;
    expect(crossCheckIdNumber(info, {})).toEqual([]);
    expect(crossCheckIdNumber(info, { birthDate: '1949-12-31', gender: 'F' })).toEqual([]);
  });

  it('GB11643.CROSSCHECK: a birth date one day off is reported', () => {
    if (!info) throw new Error('example must parse');
    expect(crossCheckIdNumber(info, { birthDate: '1949-12-30' })).toEqual([
      {
        rule: 'GB11643.CROSSCHECK',
        field: 'birthDate',
        stated: '1949-12-30',
        fromIdNumber: '1949-12-31',
        message: '出生日期 1949-12-30 与身份证号中的出生日期 1949-12-31 不一致',
      },
    ]);
  });

  it('GB11643.CROSSCHECK: a wrong gender is reported, and both mismatches together', () => {
    if (!info) throw new Error('example must parse');
    const gender = crossCheckIdNumber(info, { gender: 'M' });
    expect(gender.map((m) => [m.field, m.message])).toEqual([
      ['gender', '性别"男"与身份证号显示的性别"女"不一致'],
    ]);
    expect(crossCheckIdNumber(info, { birthDate: '1950-01-01', gender: 'M' }).map((m) => m.field)).toEqual([
      'gender',
      'birthDate',
    ]);
  });
});
