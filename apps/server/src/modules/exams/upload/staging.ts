/**
 * The rows a dry run will write, in a compact form that is stored in `exam_uploads.payload` (migration 0011) so
 * that the commit works on any server process and after a restart.
 *
 * Columnar: the score matrix is core's Float64Array, stored exactly: as u16 of twice the score when every score
 * is a whole or half point in 0..32767.5 (marking systems' usual scores: 4× smaller, and faster to deflate), else
 * as the f64 values themselves. The other per-student values are typed arrays, the strings (student ids, class
 * names, schools) one JSON header. The whole is deflated (zlib level 1; see docs/PERFORMANCE.md section 8).
 *
 * Layout before deflate: 'YXS1' | u32 header length | header JSON (UTF-8) | zero padding to 8 |
 * scores (f64[present·m], or u16[present·m] = 2·score, padded to 8) | prior f64[n] (NaN = none) |
 * school i32[n] | klass i32[n] | row i32[n].
 * Typed arrays are stored in the machine's byte order, which must be little-endian (checked).
 */
import os from 'node:os';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface StagedSchool {
  id: string;
  /** the school's region key (its county; the school's own id when it has none) */
  countyId: string;
  path: string;
}

export interface StagedRows {
  /** number of items */
  m: number;
  /** rows [0, present) are present students with scores; rows [present, n) are absent */
  present: number;
  studentIds: string[];
  classNames: string[];
  schools: StagedSchool[];
  /** per row: index into `schools` */
  school: Int32Array;
  /** per row: index into `classNames` */
  klass: Int32Array;
  /** per row: the row number in the source sheet */
  row: Int32Array;
  /** per row: the prior score, NaN when there is none */
  prior: Float64Array;
  /** present × m, row-major, in the item sheet's order */
  scores: Float64Array;
}

const MAGIC = 0x31535859; // 'YXS1' read as a little-endian u32

interface Header {
  /** how the scores are stored: 'f64' as they are, 'u16x2' as u16 of twice the score */
  scores: 'f64' | 'u16x2';
  m: number;
  present: number;
  n: number;
  studentIds: string[];
  classNames: string[];
  schools: StagedSchool[];
}

function assertLittleEndian() {
  if (os.endianness() !== 'LE') throw new Error('exams.staging: a little-endian machine is required');
}

const pad8 = (x: number) => (x + 7) & ~7;

/** The scores as u16 of twice their value, when that is exact for every one (no -0 either); else null. */
function halfPoints(scores: Float64Array): Uint16Array | null {
  const u = new Uint16Array(scores.length);
  for (let k = 0; k < scores.length; k++) {
    const v = scores[k] as number;
    const d = v * 2;
    if (!(d >= 0 && d <= 65535 && d === Math.floor(d)) || (v === 0 && 1 / v < 0)) return null;
    u[k] = d;
  }
  return u;
}

/** Encode and deflate (level 1: fast; the matrix of small numbers compresses ~9×). */
export function encodeStaged(s: StagedRows): Buffer {
  assertLittleEndian();
  const n = s.studentIds.length;
  if (
    s.school.length !== n ||
    s.klass.length !== n ||
    s.row.length !== n ||
    s.prior.length !== n ||
    s.scores.length !== s.present * s.m ||
    s.present > n
  )
    throw new Error('exams.staging: inconsistent staged rows');
  const halves = halfPoints(s.scores);
  const header: Header = {
    scores: halves ? 'u16x2' : 'f64',
    m: s.m,
    present: s.present,
    n,
    studentIds: s.studentIds,
    classNames: s.classNames,
    schools: s.schools,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = pad8(8 + json.length);
  const parts: Array<ArrayBufferView> = [halves ?? s.scores, s.prior, s.school, s.klass, s.row];
  const total = start + parts.reduce((a, p) => a + pad8(p.byteLength), 0);
  const raw = Buffer.alloc(total);
  raw.writeUInt32LE(MAGIC, 0);
  raw.writeUInt32LE(json.length, 4);
  json.copy(raw, 8);
  let at = start;
  for (const p of parts) {
    raw.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += pad8(p.byteLength);
  }
  return deflateRawSync(raw, { level: 1 });
}

/** Inflate and decode what `encodeStaged` made. */
export function decodeStaged(payload: Uint8Array): StagedRows {
  assertLittleEndian();
  const inflated = inflateRawSync(payload);
  // typed-array views need an aligned offset: copy into a fresh buffer when the inflated one is not
  let raw = inflated;
  if (inflated.byteOffset % 8 !== 0) {
    const copy = new Uint8Array(inflated.length);
    copy.set(inflated);
    raw = Buffer.from(copy.buffer);
  }
  if (raw.length < 8 || raw.readUInt32LE(0) !== MAGIC) throw new Error('exams.staging: not a staged payload');
  const jsonLength = raw.readUInt32LE(4);
  const h = JSON.parse(raw.toString('utf8', 8, 8 + jsonLength)) as Header;
  let at = raw.byteOffset + pad8(8 + jsonLength);
  const cells = h.present * h.m;
  const scoreBytes = pad8(cells * (h.scores === 'u16x2' ? 2 : 8));
  if (raw.length !== pad8(8 + jsonLength) + scoreBytes + h.n * 8 + 3 * pad8(h.n * 4))
    throw new Error('exams.staging: payload length mismatch');
  const f64 = (len: number) => {
    const v = new Float64Array(raw.buffer, at, len);
    at += len * 8;
    return v;
  };
  const i32 = (len: number) => {
    const v = new Int32Array(raw.buffer, at, len);
    at += pad8(len * 4);
    return v;
  };
  let scores: Float64Array;
  if (h.scores === 'u16x2') {
    const u = new Uint16Array(raw.buffer, at, cells);
    scores = new Float64Array(cells);
    for (let k = 0; k < cells; k++) scores[k] = (u[k] as number) / 2;
    at += scoreBytes;
  } else scores = f64(cells);
  const prior = f64(h.n);
  const school = i32(h.n);
  const klass = i32(h.n);
  const row = i32(h.n);
  return {
    m: h.m,
    present: h.present,
    studentIds: h.studentIds,
    classNames: h.classNames,
    schools: h.schools,
    school,
    klass,
    row,
    prior,
    scores,
  };
}

/** The totals of the present rows, summed item by item in order (the same arithmetic as core's studentTotals). */
export function stagedTotals(s: StagedRows): Float64Array {
  const { m, present, scores } = s;
  const totals = new Float64Array(present);
  for (let i = 0; i < present; i++) {
    let t = 0;
    const o = i * m;
    for (let j = 0; j < m; j++) t += scores[o + j] ?? 0;
    totals[i] = t;
  }
  return totals;
}

/** Whole and half points 0..256 as PostgreSQL reads them back exactly (String(v) is the shortest exact form). */
const HALF_POINTS = Array.from({ length: 513 }, (_, k) => String(k / 2));

/** One float8[] literal of scores[from, to): `{1,0.5,…}` (empty range: `{}`). Exact: String(v) round-trips. */
export function scoresArrayLiteral(scores: Float64Array, from: number, to: number): string {
  const parts: string[] = new Array(Math.max(0, to - from));
  for (let k = from; k < to; k++) {
    const v = scores[k] as number;
    const d = v * 2;
    parts[k - from] =
      d >= 0 && d <= 512 && d === Math.floor(d) && !(v === 0 && 1 / v < 0)
        ? (HALF_POINTS[d] as string)
        : String(v);
  }
  return `{${parts.join(',')}}`;
}
