/**
 * A score sheet read in two parts, joined: the command line reads a large CSV on two threads (apps/server
 * exam-parts.ts), the first part (header and the first records) on one and the rest, behind a copy of the header,
 * on the other, each with `readScoreCsvFast`. `joinScoreParts` makes of the two results exactly what reading the
 * whole sheet at once gives, field by field (scores-join.test.ts cuts sheets at every line and compares), or null
 * when the whole sheet must be read at once to decide (a student in both parts: the general path reports the
 * duplicate with both rows).
 */
import { IdIndex } from './id-index';
import type { ClassRef, ExamScores, ScoreMatrix } from './model';

const LF = 10;

/**
 * Where to cut a CSV's bytes near `at`: just after the first LF at or after it (a record never spans the cut, a
 * CRLF stays whole), or −1 when there is none (one record, or lone CRs end the lines).
 */
export function cutAfterLine(bytes: Uint8Array, at: number): number {
  const lf = bytes.indexOf(LF, at);
  return lf < 0 || lf + 1 >= bytes.length ? -1 : lf + 1;
}

/** The records a text ends, as the fast readers count them: each LF, CRLF or lone CR ends one. */
export function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== LF) n++;
  return n;
}

function joinedMatrix(a: ScoreMatrix, b: ScoreMatrix): ScoreMatrix {
  const length = a.length + b.length;
  const out =
    a instanceof Float32Array && b instanceof Float32Array
      ? new Float32Array(length)
      : new Float64Array(length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The sheet whose first part was read as `a` and whose rest, behind the same header, as `b`; `breaksBefore` is
 * `lineBreaks` of the first part's text (its records, the header included). Null when a student id is in both.
 */
export function joinScoreParts(a: ExamScores, b: ExamScores, breaksBefore: number): ExamScores | null {
  const ids = new IdIndex(a.studentIds.length + a.absent.length + b.studentIds.length + b.absent.length);
  for (const id of a.studentIds) ids.add(id);
  for (const s of a.absent) ids.add(s.studentId);
  for (const id of b.studentIds) if (ids.add(id) >= 0) return null;
  for (const s of b.absent) if (ids.add(s.studentId) >= 0) return null;
  // b's first record is its row 2 (behind its header) and the whole sheet's row breaksBefore + 1
  const rowShift = breaksBefore - 1;

  const schools = [...a.schools];
  const schoolOf = new Map<string, number>();
  for (const [s, name] of a.schools.entries()) schoolOf.set(name, s);
  const schoolMap = b.schools.map((name) => {
    let s = schoolOf.get(name);
    if (s === undefined) {
      s = schools.length;
      schools.push(name);
      schoolOf.set(name, s);
    }
    return s;
  });
  const classes: ClassRef[] = [...a.classes];
  const classesOf = schools.map(() => new Map<string, number>()); // per school: class name → index
  for (const [k, c] of a.classes.entries()) classesOf[c.school]?.set(c.name, k);
  const classMap = b.classes.map((c) => {
    const school = schoolMap[c.school] ?? 0;
    const byName = classesOf[school] as Map<string, number>;
    let k = byName.get(c.name);
    if (k === undefined) {
      k = classes.length;
      classes.push({ school, name: c.name });
      byName.set(c.name, k);
    }
    return k;
  });

  const na = a.studentIds.length;
  const n = na + b.studentIds.length;
  const rows = new Int32Array(n);
  const school = new Int32Array(n);
  const klass = new Int32Array(n);
  rows.set(a.rows);
  school.set(a.school);
  klass.set(a.klass);
  for (let i = 0; i < b.studentIds.length; i++) {
    rows[na + i] = (b.rows[i] ?? 0) + rowShift;
    school[na + i] = schoolMap[b.school[i] ?? 0] ?? 0;
    klass[na + i] = classMap[b.klass[i] ?? 0] ?? 0;
  }
  return {
    items: a.items,
    fullMarks: a.fullMarks,
    studentIds: a.studentIds.concat(b.studentIds),
    rows,
    schools,
    school,
    classes,
    klass,
    scores: joinedMatrix(a.scores, b.scores),
    absent: a.absent.concat(b.absent.map((s) => ({ ...s, row: s.row + rowShift }))),
    blankCells: a.blankCells + b.blankCells,
  };
}
