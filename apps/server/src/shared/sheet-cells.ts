/**
 * A CSV or .xlsx file → cells, for the exam analysis (packages/core/src/exams validates them). CSV: UTF-8 with or
 * without BOM, UTF-16LE with BOM, otherwise GBK/GB18030 (as Excel on Chinese Windows saves it), parsed by core's
 * RFC 4180 parser. Excel: the first worksheet, through the bounded reader (shared/sheets/xlsx.ts), numbers kept
 * as numbers and each row's own number kept for error messages. Every read is held to SheetLimits: the server
 * passes its configured limits, the command line the generous local ones.
 */
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
import { LOCAL_SHEET_LIMITS, SheetError, type SheetErrorCode, type SheetLimits } from './sheets/limits';
import { type SheetFormat, sheetFormat } from './sheets/rows';
import { readXlsxRows, type SheetCell } from './sheets/xlsx';

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
 * decoded text, so that a score sheet can take core's fast path (`readScoreCsvFast`) without a string per cell.
 */
export type SheetSource = { kind: 'cells'; cells: SheetCells } | { kind: 'csv'; text: string };

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

/** The cells of a sheet source (a CSV without quotes cannot fail to parse). */
export function sourceCells(source: SheetSource): SheetCells {
  return source.kind === 'cells' ? source.cells : { records: parseCsv(source.text) };
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
  if (source.kind === 'csv') {
    const exam = readScoreCsvFast(source.text, items, options);
    if (exam) return { exam, errors: [] };
  }
  return readScoreSheet(sourceCells(source), items, options);
}

/** Validate a prior-score sheet: core's CSV fast path when it applies, otherwise `readPriorSheet` on the cells. */
export function readPriorSource(source: SheetSource): { prior: PriorScores; errors: ExamInputError[] } {
  if (source.kind === 'csv') {
    const prior = readPriorCsvFast(source.text);
    if (prior) return { prior, errors: [] };
  }
  return readPriorSheet(sourceCells(source));
}
