/**
 * A CSV or .xlsx file → cells, for the exam analysis (packages/core/src/exams validates them). CSV: UTF-8 with or
 * without BOM, UTF-16LE with BOM, otherwise GBK/GB18030 (as Excel on Chinese Windows saves it), parsed by core's
 * RFC 4180 parser. Excel: the first worksheet, through the bounded reader (shared/sheets/xlsx.ts), numbers kept
 * as numbers and each row's own number kept for error messages. Every read is held to SheetLimits: the server
 * passes its configured limits, the command line the generous local ones.
 */
import { isUtf8 } from 'node:buffer';
import {
  type Cell,
  CsvSyntaxError,
  type ExamInputError,
  type ExamScores,
  type ItemSpec,
  type PriorScores,
  parseCsv,
  type ReadScoresOptions,
  readPriorCsvFast,
  readPriorSheet,
  readScoreCsvFast,
  readScoreSheet,
  type SheetCells,
} from '@yanxun/core/exams';
import { assertCsvText, checkCsvBounds, decodeCsv } from './sheets/csv';
import { type SheetFormat, sheetFormat } from './sheets/format';
import { LOCAL_SHEET_LIMITS, SheetError, type SheetErrorCode, type SheetLimits } from './sheets/limits';
import type { SheetCell } from './sheets/xlsx';

/** A file that cannot be read as a sheet, or goes past a limit; `code` is the API error code it answers with. */
export class SheetReadError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly code: SheetErrorCode = 'FILE_UNREADABLE',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SheetReadError';
  }
}

export const decodeText = decodeCsv;

function excelCell(v: SheetCell): Cell {
  if (v === null) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return v.toISOString();
}

async function readXlsx(buf: Uint8Array, fileName: string, limits: SheetLimits): Promise<SheetCells> {
  const records: Cell[][] = [];
  const rowNumbers: number[] = [];
  try {
    // loaded for a workbook only: a CSV run (the exam command line, usually) skips the zip and XML readers
    const { readXlsxRows } = await import('./sheets/xlsx');
    await readXlsxRows(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), limits, (r) => {
      records.push(r.values.map(excelCell));
      rowNumbers.push(r.row);
    });
  } catch (err) {
    if (err instanceof SheetError)
      throw new SheetReadError(fileName, `${fileName}：${err.message}`, err.code, err.details);
    throw new SheetReadError(fileName, `无法读取 Excel 文件 ${fileName}：${(err as Error).message}`);
  }
  return { records, rowNumbers };
}

/**
 * A sheet as read from its bytes: cells, or (a CSV without any double quote, which cannot have a syntax error) the
 * decoded text, so that a score sheet can take core's fast path (`readScoreCsvFast`) without a string per cell;
 * or, for such a CSV in valid UTF-8, its bytes undecoded: `binary` holds them one char per byte (latin1), which
 * costs a copy instead of a decode and half the memory of the decoded text (core's fast paths read it so).
 */
export type SheetSource =
  | { kind: 'cells'; cells: SheetCells }
  | { kind: 'csv'; text: string }
  | { kind: 'utf8'; binary: string; bytes: Uint8Array };

/** Read a score, item or prior sheet (.csv or .xlsx, told apart by content, not by name). */
export async function readSheetSource(
  buf: Uint8Array,
  fileName: string,
  limits: SheetLimits = LOCAL_SHEET_LIMITS,
): Promise<SheetSource> {
  if (buf.length === 0) throw new SheetReadError(fileName, `文件 ${fileName} 是空的（0 字节）`, 'FILE_EMPTY');
  let format: SheetFormat;
  try {
    format = sheetFormat(buf, fileName);
  } catch (err) {
    if (!(err instanceof SheetError)) throw err;
    throw new SheetReadError(fileName, `${fileName}：${err.message}`, err.code, err.details);
  }
  if (format === 'xlsx') return { kind: 'cells', cells: await readXlsx(buf, fileName, limits) };
  const undecoded = utf8Source(buf, limits);
  if (undecoded) return undecoded;
  const text = decodeText(buf);
  try {
    assertCsvText(text);
    checkCsvBounds(text, limits);
  } catch (err) {
    if (!(err instanceof SheetError)) throw err;
    const message =
      err.code === 'FILE_UNREADABLE'
        ? `文件 ${fileName} 不是文本格式的 CSV，也不是 .xlsx 工作簿`
        : `${fileName}：${err.message}`;
    throw new SheetReadError(fileName, message, err.code, err.details);
  }
  if (!text.includes('"')) return { kind: 'csv', text };
  try {
    return { kind: 'cells', cells: { records: parseCsv(text) } };
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new SheetReadError(fileName, `${fileName}：${err.message}`);
    throw err;
  }
}

/**
 * The bytes of a valid UTF-8 CSV (after a byte-order mark) as a `utf8` source, when it has no double quote and no
 * NUL and is within `limits` even counted in bytes (a byte count is never below the char count, so the decoded
 * text is within them too); otherwise null, and the text is decoded and checked as before.
 */
function utf8Source(buf: Uint8Array, limits: SheetLimits): SheetSource | null {
  const bytes = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(b)) return null;
  const binary = b.toString('latin1');
  if (binary.includes('"') || binary.includes('\u0000')) return null;
  try {
    checkCsvBounds(binary, limits);
  } catch (err) {
    if (err instanceof SheetError) return null;
    throw err;
  }
  return { kind: 'utf8', binary, bytes };
}

/** The decoded text of a CSV source. */
function sourceText(source: { kind: 'csv'; text: string } | { kind: 'utf8'; bytes: Uint8Array }): string {
  return source.kind === 'csv' ? source.text : new TextDecoder().decode(source.bytes);
}

/** The cells of a sheet source (a CSV without quotes cannot fail to parse). */
export function sourceCells(source: SheetSource): SheetCells {
  return source.kind === 'cells' ? source.cells : { records: parseCsv(sourceText(source)) };
}

/** Read a score, item or prior sheet (.csv or .xlsx, told apart by content, not by name). */
export async function readSheetCells(
  buf: Uint8Array,
  fileName: string,
  limits: SheetLimits = LOCAL_SHEET_LIMITS,
): Promise<SheetCells> {
  return sourceCells(await readSheetSource(buf, fileName, limits));
}

/**
 * Validate a score sheet: core's CSV fast path when it applies, otherwise (and whenever the fast path meets
 * anything unusual, errors included) `readScoreSheet` on the cells — the same result either way.
 */
export function readScoreSource(
  source: SheetSource,
  items: ItemSpec[],
  options: ReadScoresOptions = {},
): { exam: ExamScores | null; errors: ExamInputError[] } {
  if (source.kind !== 'cells') {
    const exam =
      source.kind === 'csv'
        ? readScoreCsvFast(source.text, items, options)
        : readScoreCsvFast(source.binary, items, options, source.bytes);
    if (exam) return { exam, errors: [] };
  }
  return readScoreSheet(sourceCells(source), items, options);
}

/** Validate a prior-score sheet: core's CSV fast path when it applies, otherwise `readPriorSheet` on the cells. */
export function readPriorSource(source: SheetSource): { prior: PriorScores; errors: ExamInputError[] } {
  if (source.kind !== 'cells') {
    const prior =
      source.kind === 'csv' ? readPriorCsvFast(source.text) : readPriorCsvFast(source.binary, source.bytes);
    if (prior) return { prior, errors: [] };
  }
  return readPriorSheet(sourceCells(source));
}
