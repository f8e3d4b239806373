import { describe, expect, it } from 'vitest';
import { semesterLabel } from './semester';

describe('semesterLabel', () => {
  it('reads the form’s shape in words, in either language; anything else as typed', () => {
    expect(semesterLabel('2025-2026-2')).toBe('2025—2026 学年第二学期');
    expect(semesterLabel('2026-2027-1')).toBe('2026—2027 学年第一学期');
    expect(semesterLabel('2025-2026-2', 'en-US')).toBe('2025–2026, term 2');
    for (const s of ['2025-2026-3', '2025秋季', '2025-2026', '']) expect(semesterLabel(s)).toBe(s);
  });
});
