/**
 * The rotating check-in code of a class slot (注册, 报到 or a timetable session): a token for the QR code
 * and a 6-digit short code beside it, both HMAC-SHA256 of (server secret, class id, slot, time window).
 * Nothing is stored: the server recomputes them. A token names its class, slot and window, so it can be
 * checked without a look-up; the short code is matched against the teacher's own classes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SLOT = /^(register|arrive|s\d{1,18})$/;

export interface TokenParts {
  classId: string;
  slot: string;
  window: number;
}

function mac(secret: Buffer, p: TokenParts): Buffer {
  return createHmac('sha256', secret)
    .update(`qr|${p.classId}|${p.slot}|${p.window}`)
    .digest()
    .subarray(0, 16);
}

/** `<class id>.<slot>.<window>.<mac>`: URL-safe as it is. */
export function makeToken(secret: Buffer, p: TokenParts): string {
  return `${p.classId}.${p.slot}.${p.window}.${mac(secret, p).toString('base64url')}`;
}

/** The parts of a genuine token, or undefined (malformed or forged). The window is not judged here. */
export function readToken(secret: Buffer, token: string): TokenParts | undefined {
  const m = /^(\d{1,18})\.([a-z0-9]{1,20})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m || !SLOT.test(m[2] ?? '')) return undefined;
  const parts = { classId: m[1] ?? '', slot: m[2] ?? '', window: Number(m[3]) };
  const given = Buffer.from(m[4] ?? '', 'base64url');
  const want = mac(secret, parts);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return undefined;
  return parts;
}

/** The 6-digit short code of a class slot in a window. */
export function shortCode(secret: Buffer, p: TokenParts): string {
  const d = createHmac('sha256', secret).update(`code|${p.classId}|${p.slot}|${p.window}`).digest();
  return String(d.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
