/**
 * PostgreSQL cannot store U+0000 in text: a NUL that reached a query failed there as a 500 (a login name, a search,
 * an integrity record's evidence, found by a probe). No field of this API has a use for it, so every request's path
 * parameters, query and JSON body are refused up front when any string in them (or any key) holds one: 400 naming
 * the field, before a route's own validation runs (`app.ts` preValidation hook).
 */
import { AppError } from './app-error';

const NUL = '\u0000';
/** Deeper than any body of this API; past it a value is not looked into (the route's schema refuses such shapes). */
const MAX_DEPTH = 32;

/** The path of the first string or key holding a NUL (`q`, `rows[3].name`), or null. */
export function nulField(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path || '(请求体)' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = nulField(value[i], `${path}[${i}]`, depth + 1);
      if (f) return f;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (k.includes(NUL)) return at;
    const f = nulField(v, at, depth + 1);
    if (f) return f;
  }
  return null;
}

/** Throws 400 VALIDATION_FAILED when the request's params, query or body hold a NUL. */
export function refuseNul(req: { params?: unknown; query?: unknown; body?: unknown }): void {
  const field = nulField(req.params) ?? nulField(req.query) ?? nulField(req.body);
  if (field === null) return;
  const shown = field.replaceAll(NUL, '\\u0000');
  const message = `「${shown}」含有空字符（U+0000），请删去后重试`;
  // `issues` as a schema refusal gives them (a JSON pointer: rows/1/name)
  const path = `/${shown.replace(/\[(\d+)\]/g, '.$1').replaceAll('.', '/')}`;
  throw new AppError('VALIDATION_FAILED', message, { field: shown, issues: [{ path, message }] });
}
