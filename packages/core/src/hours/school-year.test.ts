import { describe, expect, it } from 'vitest';
import { schoolYearLabel, schoolYearListLabel, schoolYearOf, schoolYearSpanLabel } from './types';

describe('schoolYearLabel', () => {
  it('writes the carried 2025-2026 with an em dash and 学年 (en-US: an en dash, no 学年)', () => {
    expect(schoolYearLabel('2025-2026')).toBe('2025—2026 学年');
    expect(schoolYearLabel('2025-2026', 'en-US')).toBe('2025–2026');
    expect(schoolYearLabel(schoolYearOf('2026-09-01'))).toBe('2026—2027 学年');
  });

  it('reads the other ways people write it the same', () => {
    for (const y of ['2025—2026', '2025–2026', '2025~2026', ' 2025 - 2026 ', '2025～2026']) {
      expect(schoolYearLabel(y)).toBe('2025—2026 学年');
    }
  });

  it('never writes a hyphen between the years', () => {
    expect(schoolYearLabel('2025-2026')).not.toContain('-');
  });

  it('shows anything that is not a school year as it came', () => {
    expect(schoolYearLabel('2025')).toBe('2025');
    expect(schoolYearLabel('')).toBe('');
    expect(schoolYearLabel('2025-2026-1')).toBe('2025-2026-1');
  });
});

describe('schoolYearSpanLabel', () => {
  it('writes a span with 学年 once, and one school year when first and last are the same', () => {
    expect(schoolYearSpanLabel('2026-2027', '2030-2031')).toBe('2026—2027 至 2030—2031 学年');
    expect(schoolYearSpanLabel('2026-2027', '2030-2031', 'en-US')).toBe('2026–2027 to 2030–2031');
    expect(schoolYearSpanLabel('2026-2027', '2026-2027')).toBe('2026—2027 学年');
  });
});

describe('schoolYearListLabel', () => {
  it('joins the school years with 、 and writes 学年 once; nothing for none', () => {
    expect(schoolYearListLabel(['2025-2026', '2026-2027'])).toBe('2025—2026、2026—2027 学年');
    expect(schoolYearListLabel(['2025-2026', '2026-2027'], 'en-US')).toBe('2025–2026, 2026–2027');
    expect(schoolYearListLabel(['2025-2026'])).toBe('2025—2026 学年');
    expect(schoolYearListLabel([])).toBe('');
  });
});
