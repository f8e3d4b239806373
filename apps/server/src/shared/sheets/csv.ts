/**
 * CSV bytes → text, and a bounds check of the text before any parser builds cells from it: one pass over the
 * characters (RFC 4180 quotes understood) that counts records, fields per record and characters per field, so a
 * file of a million empty fields or one enormous field is refused by row and column before it is split.
 */
import { limitErrors, SheetError, type SheetLimits } from './limits';

/** UTF-8 (with or without BOM), UTF-16LE with BOM, otherwise GBK/GB18030 as Excel on Chinese Windows saves it. */
export function decodeCsv(buf: Uint8Array): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return new TextDecoder('utf-8').decode(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * Throw the SheetError of the first record, field or row count over `limits` (rows and columns as a spreadsheet
 * numbers them). Records that hold nothing do not count as rows, but a file may hold no more of them than of rows
 * (a header and millions of empty lines kept a reading thread busy until its time ran out; found by a probe), and
 * a record no more cells, empty ones included, than twice the columns allowed.
 * Malformed quoting is left to the parser.
 */
export function checkCsvBounds(text: string, limits: SheetLimits): void {
  if (withinBoundsByLines(text, limits)) return;
  const { maxCellChars, maxColumns, maxRows } = limits;
  let record = 1;
  let rows = 0;
  let blank = 0;
  let field = 1;
  let fieldStart = 0;
  let quoted = false;
  let recordHasValue = false;
  let quoteChars = 0;
  const n = text.length;
  const endField = (end: number) => {
    const length = end - fieldStart - quoteChars;
    if (length > maxCellChars) throw limitErrors.cell(maxCellChars, record, field, length);
    if (length > 0) {
      recordHasValue = true;
      if (field > maxColumns) throw limitErrors.columns(maxColumns, record, field);
    }
  };
  const endRecord = () => {
    if (recordHasValue && ++rows > maxRows) throw limitErrors.rows(maxRows, record);
    if (!recordHasValue && ++blank > maxRows) throw limitErrors.blankRows(maxRows, record);
    record++;
    field = 1;
    recordHasValue = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        // "" stands for one quote: one of the two is not content; a lone quote closes the field
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
        quoteChars++;
      }
      if (i - fieldStart - quoteChars > maxCellChars)
        throw limitErrors.cell(maxCellChars, record, field, i - fieldStart - quoteChars);
      continue;
    }
    if (c === QUOTE) {
      quoted = true;
      quoteChars++;
    } else if (c === COMMA) {
      endField(i);
      if (++field > 2 * maxColumns) throw limitErrors.emptyCells(maxColumns, record);
      fieldStart = i + 1;
      quoteChars = 0;
    } else if (c === LF || c === CR) {
      endField(i);
      endRecord();
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      fieldStart = i + 1;
      quoteChars = 0;
    } else if (i - fieldStart - quoteChars >= maxCellChars) {
      throw limitErrors.cell(maxCellChars, record, field, i - fieldStart - quoteChars + 1);
    }
  }
  endField(n);
  if (recordHasValue) endRecord();
}

/**
 * True when a text without double quotes is certainly within `limits`, found from its line lengths alone (native
 * indexOf, not a loop over every char): no field is longer than the longest line (split at LF) nor has a higher
 * number than its length + 1, and there are at most one record per LF or CR, plus one. False: check char by char.
 */
function withinBoundsByLines(text: string, limits: SheetLimits): boolean {
  if (text.includes('"')) return false;
  let breaks = 0;
  let longest = 0;
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i - from > longest) longest = i - from;
    from = i + 1;
    breaks++;
  }
  if (text.length - from > longest) longest = text.length - from;
  for (let i = text.indexOf('\r'); i >= 0 && breaks < limits.maxRows; i = text.indexOf('\r', i + 1)) breaks++;
  return longest <= limits.maxCellChars && longest + 1 <= limits.maxColumns && breaks + 1 <= limits.maxRows;
}

/** Refuse text that is not a CSV at all (a binary file with NUL bytes). */
export function assertCsvText(text: string): void {
  if (text.includes('\u0000'))
    throw new SheetError('FILE_UNREADABLE', '文件不是文本格式的 CSV，也不是 .xlsx 工作簿');
}
