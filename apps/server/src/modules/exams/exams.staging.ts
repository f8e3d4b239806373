/**
 * The rows a dry run will write, in a compact form that is stored in `exam_uploads.payload` (migration 0011) so
 * that the commit works on any server process and after a restart (issue 4 item 1).
 *
 * Columnar: the score matrix stays the Float64Array core produced (exact, no decimal round trip), the other
 * per-student values are typed arrays, the strings (student ids, class names, schools) one JSON header. The
 * whole is deflated (zlib level 1: 100,000 students × 40 items ≈ 35 MB raw → ≈ 4 MB in ≈ 0.1 s; see
 * docs/PERFORMANCE.md section 8).
 *
 * Layout before deflate: 'YXS1' | u32 header length | header JSON (UTF-8) | zero padding to 8 |
 * scores f64[present·m] | prior f64[n] (NaN = none) | school i32[n] | klass i32[n] | row i32[n].
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
  const header: Header = {
    m: s.m,
    present: s.present,
    n,
    studentIds: s.studentIds,
    classNames: s.classNames,
    schools: s.schools,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = pad8(8 + json.length);
  const parts: Array<ArrayBufferView> = [s.scores, s.prior, s.school, s.klass, s.row];
  const total = start + parts.reduce((a, p) => a + p.byteLength, 0);
  const raw = Buffer.alloc(total);
  raw.writeUInt32LE(MAGIC, 0);
  raw.writeUInt32LE(json.length, 4);
  json.copy(raw, 8);
  let at = start;
  for (const p of parts) {
    raw.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
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
  if (raw.length < pad8(8 + jsonLength) + h.present * h.m * 8 + h.n * 20)
    throw new Error('exams.staging: payload too short');
  const f64 = (len: number) => {
    const v = new Float64Array(raw.buffer, at, len);
    at += len * 8;
    return v;
  };
  const i32 = (len: number) => {
    const v = new Int32Array(raw.buffer, at, len);
    at += len * 4;
    return v;
  };
  const scores = f64(h.present * h.m);
  const prior = f64(h.n);
  const school = i32(h.n);
  const klass = i32(h.n);
  const row = i32(h.n);
  if (at !== raw.byteOffset + raw.length) throw new Error('exams.staging: payload length mismatch');
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
