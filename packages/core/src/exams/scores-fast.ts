/**
 * The fast path for a score sheet in CSV (bench: 100,000 students × 40 items in well under a second).
 * It scans the text's char codes once and parses each item score straight into the score matrix, without
 * making a string per cell (the general path, `parseCsv` + `readScoreSheet`, makes ~4 million of them).
 *
 * It only accepts what it can read exactly as the general path would, and gives up (returns null) at the first
 * thing out of the ordinary: any double quote in the file, a leading U+FEFF, a blank first line, a header with
 * any problem, an item cell that is not plain digits with at most one decimal point (signs, spaces, 缺考 markers,
 * words), more than 15 digits, a score above the item's maximum, cells beyond the header, a missing student id,
 * school or class, an id, school or class that breaks the identifier rules (../identifiers.ts), a duplicate
 * student, a school outside `knownSchools`, a sheet without any student. The caller then runs the general path,
 * which therefore produces every error message (same row, column, value and rule as ever); when the fast path
 * returns a result, it is the general path's result, field by field (scores-fast.test.ts checks both on tricky
 * inputs).
 *
 * Both take the decoded text or, to skip decoding a UTF-8 file (the command line: docs/PERFORMANCE.md section 5),
 * its bytes as a "binary" string, one char per byte (Node's latin1), with the bytes themselves in `utf8`. The
 * delimiters are ASCII and no byte of a multi-byte UTF-8 character is, so the fields are the same; a text field
 * holding a byte ≥ 0x80 is decoded from `utf8`, and a score cell with one is declined, as a non-digit is.
 */
import { IDENTIFIER_RULES, isValidIdentifier } from '../identifiers';
import { SeenIds } from './id-index';
import type { AbsentStudent, ClassRef, ExamScores, ItemSpec, ScoreMatrix } from './model';
import { checkPriorHeader, checkScoreHeader, type ReadScoresOptions } from './parse';
import type { PriorList } from './value-added';

const COMMA = 44;
const LF = 10;
const CR = 13;
const DOT = 46;
const QUOTE = '"';
/** Every whole number up to this is exactly a float32. */
const F32_EXACT_INT = 2 ** 24;

/** Role of a header column: an item's index (≥ 0), or one of these. */
const C_OTHER = -1;
const C_ID = -2;
const C_SCHOOL = -3;
const C_CLASS = -4;

const R = IDENTIFIER_RULES;

/**
 * 10^0 … 10^15, each exactly a double. The number written with the digits `mant` and `frac` of them after the
 * point is `mant / POW10[frac]`, exactly as `Number()` reads it: with at most 15 digits both are exact doubles,
 * so their one correctly rounded quotient is the correctly rounded decimal (Clinger's fast path, which `Number()`
 * itself takes for such strings). Written out where it is used: a call per cell costs while the loop still runs
 * unoptimised.
 */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Whether the `n` chars of the text from `a` equal those from `b`. */
function sameChars(text: string, a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** A student id rule that is the code charset: letters, digits, _ and - (identifiers.ts). */
const ID_IS_CODE = R.studentId.charset === 'code';

/**
 * Whether text[start, end) is a student id that passes its rule as it stands: within the rule's length, only
 * ASCII letters, digits, _ and - (nothing to trim or decode), so the rule's own test (a regex) is not needed.
 * False says nothing: the caller trims, decodes and tests the id as before.
 */
function plainCodeId(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (!ID_IS_CODE || n < R.studentId.min || n > R.studentId.max) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32; // A–Z to a–z; no other char lands on a–z
    if (!((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122) || c === 95 || c === 45)) return false;
  }
  return true;
}

let utf8Decoder: TextDecoder | undefined;

/** The field start…end of the text: sliced, or decoded from `utf8` when it holds a byte ≥ 0x80 (`high`). */
function fieldText(
  text: string,
  start: number,
  end: number,
  high: boolean,
  utf8: Uint8Array | undefined,
): string {
  if (!high || !utf8) return text.slice(start, end);
  utf8Decoder ??= new TextDecoder();
  return utf8Decoder.decode(utf8.subarray(start, end));
}

/** The first record (the header) of the text, decoded, and where it ends. */
function firstRecord(text: string, utf8: Uint8Array | undefined): { header: string; end: number } {
  const len = text.length;
  let pos = 0;
  let high = false;
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (c === LF || c === CR) break;
    if (c >= 128) high = true;
    pos++;
  }
  return { header: fieldText(text, 0, pos, high, utf8), end: pos };
}

/** A text the fast paths decline at once: empty, any double quote, a leading U+FEFF (as text or as UTF-8 bytes). */
function declined(text: string, utf8: Uint8Array | undefined): boolean {
  if (text.length === 0 || text.indexOf(QUOTE) >= 0) return true;
  return utf8 ? text.startsWith('\xef\xbb\xbf') : text.charCodeAt(0) === 0xfeff;
}

/**
 * Read a CSV score sheet (decoded text, or a binary string of UTF-8 bytes with `utf8`: see above) the fast way;
 * null when the general path must decide (see above). The result, when there is one, has no errors.
 */
export function readScoreCsvFast(
  text: string,
  items: ItemSpec[],
  options: ReadScoresOptions = {},
  utf8?: Uint8Array,
): ExamScores | null {
  const len = text.length;
  if (declined(text, utf8)) return null;
  // header: the first record
  const first = firstRecord(text, utf8);
  let pos = first.end;
  const header = first.header.split(',');
  if (header.every((h) => h.trim() === '')) return null;
  const layout = checkScoreHeader(header, items);
  if (!layout) return null;
  const { colOf, maxOf, cId, cSchool, cClass, width } = layout;
  const m = items.length;
  const role = new Int32Array(width).fill(C_OTHER);
  role[cId] = C_ID;
  role[cSchool] = C_SCHOOL;
  role[cClass] = C_CLASS;
  for (let j = 0; j < m; j++) role[colOf[j] ?? 0] = j;
  pos += text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;

  let capacity = 1; // records after the header: at most one per LF (more only with lone CRs, then it grows)
  for (let i = text.indexOf('\n', pos); i >= 0; i = text.indexOf('\n', i + 1)) capacity++;
  let compact = options.compactScores === true;
  let scores: ScoreMatrix = compact ? new Float32Array(capacity * m) : new Float64Array(capacity * m);
  let rows = new Int32Array(capacity);
  let school = new Int32Array(capacity);
  let klass = new Int32Array(capacity);
  const studentIds: string[] = [];
  const schools: string[] = [];
  const schoolIdx = new Map<string, number>();
  const classes: ClassRef[] = [];
  const classesOf: Map<string, number>[] = []; // per school: class name → index into classes
  let lastSchool: string | null = null;
  let lastS = 0;
  let lastClass: string | null = null;
  let lastK = 0;
  let schoolStart = 0; // the last school cell read: text[schoolStart, schoolEnd) (none yet: a negative length)
  let schoolEnd = -1;
  let schoolText = '';
  let classStart = 0;
  let classEnd = -1;
  let classText = '';
  const absent: AbsentStudent[] = [];
  const seen = new SeenIds(capacity); // every student id so far, absent ones too
  const known = options.knownSchools;
  let blankCells = 0;
  let n = 0;
  let record = 1; // index of the record being read (the header is record 0); its row number is record + 1

  while (pos < len) {
    if (n === capacity) {
      capacity *= 2;
      const s2 = compact ? new Float32Array(capacity * m) : new Float64Array(capacity * m);
      s2.set(scores);
      scores = s2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(capacity);
        b.set(a);
        return b;
      };
      rows = grow(rows);
      school = grow(school);
      klass = grow(klass);
    }
    const base = n * m;
    let id = '';
    let idPlain = false;
    let schoolName = '';
    let className = '';
    let numbers = 0;
    let otherText = false;
    let col = 0;
    // one record: fields until a line break or the end of the text
    for (;;) {
      const start = pos;
      const r = col < width ? (role[col] ?? C_OTHER) : C_OTHER;
      if (r >= 0) {
        let mant = 0;
        let digits = 0;
        let frac = -1;
        let c = 0;
        for (; pos < len; pos++) {
          c = text.charCodeAt(pos);
          if (c >= 48 && c <= 57) {
            digits++;
            mant = mant * 10 + (c - 48);
            if (frac >= 0) frac++;
          } else if (c === COMMA || c === LF || c === CR) break;
          else if (c === DOT && frac < 0) frac = 0;
          else return null;
        }
        if (pos > start) {
          if (digits === 0 || digits > 15) return null;
          const v = frac > 0 ? mant / (POW10[frac] ?? 1) : mant;
          if (v > (maxOf[r] ?? 0)) return null;
          if (compact && (frac > 0 || v > F32_EXACT_INT) && Math.fround(v) !== v) {
            // not a float32 (0.1): the matrix so far, widened
            compact = false;
            scores = Float64Array.from(scores);
          }
          scores[base + r] = v;
          numbers++;
        }
      } else {
        let high = false;
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === COMMA || c === LF || c === CR) break;
          if (c >= 128) high = true;
          pos++;
        }
        if (pos > start) {
          if (col >= width) return null; // cells beyond the header: EXTRA_CELLS (or a blank one: let it decide)
          if (r === C_ID) {
            idPlain = plainCodeId(text, start, pos);
            id = idPlain ? text.slice(start, pos) : fieldText(text, start, pos, high, utf8).trim();
          } else if (r === C_SCHOOL || r === C_CLASS) {
            // the same cell as the row before (rows of a school and class come together): the same name, without
            // trimming or decoding it again
            const n = pos - start;
            if (r === C_SCHOOL) {
              if (n !== schoolEnd - schoolStart || !sameChars(text, start, schoolStart, n)) {
                schoolStart = start;
                schoolEnd = pos;
                schoolText = fieldText(text, start, pos, high, utf8).trim();
              }
              schoolName = schoolText;
            } else {
              if (n !== classEnd - classStart || !sameChars(text, start, classStart, n)) {
                classStart = start;
                classEnd = pos;
                classText = fieldText(text, start, pos, high, utf8).trim();
              }
              className = classText;
            }
          } else if (!otherText && fieldText(text, start, pos, high, utf8).trim() !== '') otherText = true;
        }
      }
      col++;
      if (pos >= len) break;
      const c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        if (pos >= len) break; // a trailing comma: one more empty field
        continue;
      }
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      break;
    }
    const row = record + 1;
    record++;
    if (id === '' || schoolName === '' || className === '') {
      if (id === '' && schoolName === '' && className === '' && numbers === 0 && !otherText) continue; // blank
      return null;
    }
    // identifier rules: the id on every row; a school or class name when first met (the same text, the same
    // verdict), or on an absent row, which is not interned
    if (!idPlain && !isValidIdentifier(R.studentId, id)) return null;
    if (seen.seen(id)) return null;
    if (known && !known.has(schoolName)) return null;
    if (numbers === 0) {
      if (!isValidIdentifier(R.schoolRef, schoolName) || !isValidIdentifier(R.className, className))
        return null;
      absent.push({ studentId: id, school: schoolName, className, row });
      continue;
    }
    blankCells += m - numbers;
    // rows of one school (and class) usually come together: compare with the last row's before any Map lookup
    if (schoolName !== lastSchool) {
      let s = schoolIdx.get(schoolName);
      if (s === undefined) {
        if (!isValidIdentifier(R.schoolRef, schoolName)) return null;
        s = schools.length;
        schools.push(schoolName);
        schoolIdx.set(schoolName, s);
        classesOf.push(new Map());
      }
      lastSchool = schoolName;
      lastS = s;
      lastClass = null;
    }
    if (className !== lastClass) {
      const byName = classesOf[lastS] as Map<string, number>;
      let k = byName.get(className);
      if (k === undefined) {
        if (!isValidIdentifier(R.className, className)) return null;
        k = classes.length;
        classes.push({ school: lastS, name: className });
        byName.set(className, k);
      }
      lastClass = className;
      lastK = k;
    }
    const s = lastS;
    const k = lastK;
    rows[n] = row;
    school[n] = s;
    klass[n] = k;
    studentIds.push(id);
    n++;
  }
  if (n === 0 && absent.length === 0) return null; // header only: the general path says NO_STUDENTS
  const fullMarks = items.reduce((a, it) => a + it.maxScore, 0);
  return {
    items,
    fullMarks,
    studentIds,
    // views, not copies: the arrays were sized for every line (absent students and blank lines leave a tail)
    rows: rows.subarray(0, n),
    schools,
    school: school.subarray(0, n),
    classes,
    klass: klass.subarray(0, n),
    scores: scores.subarray(0, n * m),
    absent,
    blankCells,
  };
}

/**
 * The fast path for prior.csv (`student_id,prior_score`, decoded text): the students with a prior score and that
 * score as two lists in file order (what `readPriorSheet` puts in its Map), or null when the general path must
 * decide. Declines any double quote, a leading U+FEFF, a blank first line, a header
 * without both columns, a prior score that is not plain digits with at most one decimal point or has more than
 * 15 digits (signs, spaces, words: the general path reads or reports them), a line with text but no student id,
 * and a duplicate student. A blank prior score is "no prior", as in the general path.
 */
export function readPriorCsvFast(text: string, utf8?: Uint8Array): PriorList | null {
  const len = text.length;
  if (declined(text, utf8)) return null;
  const first = firstRecord(text, utf8);
  let pos = first.end;
  const cols = checkPriorHeader(first.header.split(','));
  if (!cols) return null;
  const { cId, cPrior } = cols;
  pos += text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
  let lines = 1;
  for (let i = text.indexOf('\n', pos); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const seen = new SeenIds(lines); // every student id so far, those without a prior score too
  const ids: string[] = [];
  let scores = new Float64Array(lines); // one record per LF at most, unless lone CRs end lines: then it grows
  while (pos < len) {
    let id = '';
    let idPlain = false;
    let value = 0;
    let hasValue = false;
    let anyText = false;
    let col = 0;
    for (;;) {
      const start = pos;
      if (col === cPrior) {
        let mant = 0;
        let digits = 0;
        let frac = -1;
        for (; pos < len; pos++) {
          const c = text.charCodeAt(pos);
          if (c >= 48 && c <= 57) {
            digits++;
            mant = mant * 10 + (c - 48);
            if (frac >= 0) frac++;
          } else if (c === COMMA || c === LF || c === CR) break;
          else if (c === DOT && frac < 0) frac = 0;
          else return null;
        }
        if (pos > start) {
          if (digits === 0 || digits > 15) return null;
          value = frac > 0 ? mant / (POW10[frac] ?? 1) : mant;
          hasValue = true;
        }
      } else {
        let high = false;
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === COMMA || c === LF || c === CR) break;
          if (c >= 128) high = true;
          pos++;
        }
        if (col === cId && pos > start) {
          idPlain = plainCodeId(text, start, pos);
          id = idPlain ? text.slice(start, pos) : fieldText(text, start, pos, high, utf8).trim();
        }
      }
      if (pos > start) anyText = true;
      col++;
      if (pos >= len) break;
      const c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        if (pos >= len) break;
        continue;
      }
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      break;
    }
    if (id === '') {
      if (!anyText) continue; // an empty line, or only commas: blank, skipped as in the general path
      return null;
    }
    if (!idPlain && !isValidIdentifier(R.studentId, id)) return null;
    if (seen.seen(id)) return null;
    if (hasValue) {
      if (ids.length === scores.length) {
        const grown = new Float64Array(scores.length * 2);
        grown.set(scores);
        scores = grown;
      }
      scores[ids.length] = value;
      ids.push(id);
    }
  }
  return { ids, scores: scores.subarray(0, ids.length) };
}
