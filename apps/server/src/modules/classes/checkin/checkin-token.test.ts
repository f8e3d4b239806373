import { describe, expect, it } from 'vitest';
import { makeToken, readToken, shortCode } from './checkin-token';

const SECRET = Buffer.from('test-secret-test-secret-test-sec');
const OTHER = Buffer.from('another-secret-another-secret-an');

describe('Y-004-QR-ROTATE: check-in tokens', () => {
  const p = { classId: '12', slot: 'arrive', window: 54_321 };
  it('round-trips class, slot and window', () => {
    expect(readToken(SECRET, makeToken(SECRET, p))).toEqual(p);
  });
  it('a token of another secret, or with any part changed, is not genuine', () => {
    const t = makeToken(SECRET, p);
    expect(readToken(OTHER, t)).toBeUndefined();
    expect(readToken(SECRET, t.replace('12.', '13.'))).toBeUndefined();
    expect(readToken(SECRET, t.replace('arrive', 'register'))).toBeUndefined();
    expect(readToken(SECRET, t.replace('54321', '54322'))).toBeUndefined();
    expect(readToken(SECRET, 'garbage')).toBeUndefined();
    expect(readToken(SECRET, `${t}x`)).toBeUndefined();
  });
  it('session slots are tokens too; unknown slots are refused', () => {
    const s = { classId: '12', slot: 's99', window: 1 };
    expect(readToken(SECRET, makeToken(SECRET, s))).toEqual(s);
    expect(readToken(SECRET, makeToken(SECRET, { ...s, slot: 'leave' }))).toBeUndefined();
  });
  it('short codes are 6 digits and change with the window, the slot and the class', () => {
    const a = shortCode(SECRET, p);
    expect(a).toMatch(/^\d{6}$/);
    const others = [
      shortCode(SECRET, { ...p, window: p.window + 1 }),
      shortCode(SECRET, { ...p, slot: 'register' }),
      shortCode(SECRET, { ...p, classId: '13' }),
    ];
    // a 1-in-a-million clash is possible in principle; these fixed inputs do not clash
    for (const o of others) expect(o).not.toBe(a);
    expect(shortCode(SECRET, p)).toBe(a);
  });
});
