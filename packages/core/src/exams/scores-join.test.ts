/**
 * A score sheet read in two parts and joined (joinScoreParts, what the command line does on two threads) equals
 * the whole sheet read at once (readScoreCsvFast), field by field, wherever it is cut: row numbers of present and
 * absent students, schools and classes interned in order of first appearance, the matrix and its type, blank cells.
 * A student in both parts gives null (the whole sheet is then read at once and the general path reports it).
 * (bench: 100,000 × 40) and R-002-13 质量分析 input validation.
 */
import { describe, expect, it } from 'vitest';
import type { ExamScores } from './model';
import { readScoreCsvFast } from './scores-fast';
import { cutAfterLine, joinScoreParts, lineBreaks } from './scores-join';
import { THREE_ITEMS, THREE_ITEMS_HEADER } from './test-helpers';

const ITEMS = THREE_ITEMS;
const H = THREE_ITEMS_HEADER;

/** The bytes as one char per byte (what the command line parses, with the bytes beside it). */
function binary(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const SHEETS: Record<string, string> = {
  'schools and classes met again after others, absent students on both sides': `${H}\ns1,一中,1班,5,10,2.5\ns2,二中,1班,0,3,1\ns3,一中,2班,,,\ns4,三中,1班,4,7.5,0\ns5,一中,1班,1,1,1\ns6,二中,2班,,,\ns7,二中,1班,2,2,2\ns8,四中,3班,1,,1\n`,
  'CRLF, blank lines, no final line break': `${H}\r\ns1,一中,1班,5,10,2\r\n\r\ns2,二中,1班,1,2,0\r\n,,,,,\r\ns3,一中,1班,3,3,1\r\ns4,三中,9班,1,1,1`,
  'a class name shared by two schools': `${H}\ns1,一中,1班,1,1,1\ns2,二中,1班,2,2,2\ns3,二中,1班,3,3,0\ns4,一中,1班,4,4,1\n`,
  'one part widens the matrix to Float64 (0.1)': `${H}\ns1,一中,1班,1,1,1\ns2,一中,1班,2,2,2\ns3,二中,1班,0.1,3,1\ns4,二中,2班,4,4,1\n`,
};

function whole(text: string, compact: boolean): ExamScores | null {
  const bytes = new TextEncoder().encode(text);
  return readScoreCsvFast(binary(bytes), ITEMS, { compactScores: compact }, bytes);
}

/** Every cut of the sheet's bytes after a line: the two parts read apart and joined, as the command line does. */
function everyCut(text: string, compact: boolean): { cut: number; joined: ExamScores | null }[] {
  const bytes = new TextEncoder().encode(text);
  const headerEnd = cutAfterLine(bytes, 0);
  const out: { cut: number; joined: ExamScores | null }[] = [];
  for (let at = headerEnd; at >= 0 && at < bytes.length; ) {
    const cut = cutAfterLine(bytes, at);
    if (cut < 0) break;
    const first = bytes.subarray(0, cut);
    const rest = concat(bytes.subarray(0, headerEnd), bytes.subarray(cut));
    const firstText = binary(first);
    const a = readScoreCsvFast(firstText, ITEMS, { compactScores: compact }, first);
    const b = readScoreCsvFast(binary(rest), ITEMS, { compactScores: compact }, rest);
    out.push({ cut, joined: a && b ? joinScoreParts(a, b, lineBreaks(firstText)) : null });
    at = cut;
  }
  return out;
}

describe('a score sheet read in two parts and joined (the command line on two threads)', () => {
  for (const [name, text] of Object.entries(SHEETS))
    for (const compact of [false, true])
      it(`equals the whole sheet read at once, cut after every line: ${name}${compact ? ' (compact matrix)' : ''}`, () => {
        const expected = whole(text, compact);
        expect(expected).not.toBeNull();
        const cuts = everyCut(text, compact);
        const joined = cuts.filter((c) => c.joined !== null);
        // every cut with students on both sides joins (only a part without any student declines)
        expect(joined.length).toBeGreaterThanOrEqual(cuts.length - 2);
        for (const { cut, joined: j } of joined) {
          expect({ cut, ...j }).toEqual({ cut, ...expected });
          expect({ cut, type: j?.scores.constructor.name }).toEqual({
            cut,
            type: expected?.scores.constructor.name,
          });
        }
      });

  it('gives null when a student is in both parts, present or absent', () => {
    for (const text of [
      `${H}\ns1,一中,1班,1,1,1\ns2,一中,1班,2,2,2\ns1,二中,1班,3,3,1\n`,
      `${H}\ns1,一中,1班,,,\ns2,一中,1班,2,2,2\ns1,二中,1班,3,3,1\n`,
      `${H}\ns1,一中,1班,1,1,1\ns2,一中,1班,2,2,2\ns1,二中,1班,,,\n`,
    ]) {
      expect(whole(text, true)).toBeNull(); // the whole sheet at once declines too: the general path reports it
      const bytes = new TextEncoder().encode(text);
      const cut = cutAfterLine(bytes, bytes.indexOf(10, cutAfterLine(bytes, 0)) + 1);
      const first = bytes.subarray(0, cut);
      const headerEnd = cutAfterLine(bytes, 0);
      const rest = concat(bytes.subarray(0, headerEnd), bytes.subarray(cut));
      const a = readScoreCsvFast(binary(first), ITEMS, {}, first);
      const b = readScoreCsvFast(binary(rest), ITEMS, {}, rest);
      expect(a && b).not.toBeNull();
      expect(a && b && joinScoreParts(a, b, lineBreaks(binary(first)))).toBeNull();
    }
  });

  it('cuts only after a line feed, never inside a CRLF, and not at the very end', () => {
    const bytes = new TextEncoder().encode('a,b\r\nc,d\r\ne,f\r\n');
    expect(cutAfterLine(bytes, 0)).toBe(5);
    expect(cutAfterLine(bytes, 4)).toBe(5);
    expect(cutAfterLine(bytes, 5)).toBe(10);
    expect(cutAfterLine(bytes, 11)).toBe(-1); // the last LF ends the text: nothing after it
    expect(cutAfterLine(new TextEncoder().encode('a,b\rc,d\r'), 0)).toBe(-1); // lone CRs
  });

  it('counts the records a text ends as the readers do: LF, CRLF and a lone CR each end one', () => {
    expect(lineBreaks('a\nb\r\nc\rd')).toBe(3);
    expect(lineBreaks('a\r\n\r\n\n')).toBe(3);
    expect(lineBreaks('abc')).toBe(0);
  });
});
