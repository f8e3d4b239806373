import { describe, expect, it } from 'vitest';
import { countLabel, schoolYearLabel } from './figures';
import { semesterLabel } from './semester';

describe('schoolYearLabel', () => {
  it('writes the API’s 2025-2026 as 2025—2026 学年, the same dash as a semester’s label', () => {
    expect(schoolYearLabel('2025-2026')).toBe('2025—2026 学年');
    expect(schoolYearLabel('2025—2026')).toBe('2025—2026 学年');
    expect(semesterLabel('2025-2026-1').startsWith(schoolYearLabel('2025-2026'))).toBe(true);
  });
  it('in English 2025–2026; anything else as it came', () => {
    expect(schoolYearLabel('2025-2026', 'en-US')).toBe('2025–2026');
    expect(schoolYearLabel('本学年')).toBe('本学年');
  });
});

describe('countLabel', () => {
  it('groups thousands as antd’s Statistic does', () => {
    expect(countLabel(2000)).toBe('2,000');
    expect(countLabel(133)).toBe('133');
    expect(countLabel(1234567)).toBe('1,234,567');
  });
  it('no count is a dash', () => {
    expect(countLabel(null)).toBe('—');
  });
});
