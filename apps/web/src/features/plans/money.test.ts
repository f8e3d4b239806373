import { describe, expect, it } from 'vitest';
import { formatHours, formatYuan, parseYuan } from './money';

describe('money shown in 元, stored in fen', () => {
  it('formats fen exactly with thousands separators', () => {
    expect(formatYuan(335_400_000)).toBe('3,354,000.00');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatYuan(-10_050)).toBe('-100.50');
    expect(formatYuan(0)).toBe('0.00');
  });

  it('parses 元 typed by a user into fen; more than 2 decimals or text is refused', () => {
    expect(parseYuan('400')).toBe(40_000);
    expect(parseYuan('1,234.5')).toBe(123_450);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('-3')).toBe(-300);
    expect(parseYuan('1.234')).toBeUndefined();
    expect(parseYuan('abc')).toBeUndefined();
  });

  it('formats tenths of 学时', () => {
    expect(formatHours(300)).toBe('30');
    expect(formatHours(299)).toBe('29.9');
  });
});
