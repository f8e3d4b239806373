/**
 * A CSV or .xlsx file → cells, for the exam analysis (packages/core/src/exams validates them). CSV: UTF-8 with or
 * without BOM, UTF-16LE with BOM, otherwise GBK/GB18030 (as Excel on Chinese Windows saves it), parsed by core's
 * RFC 4180 parser. Excel: the first worksheet, through shared/exceljs (never exceljs directly), numbers kept as
 * numbers and each row's own number kept for error messages.
 */
import { Readable } from 'node:stream';
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
import type { CellValue, Row } from './exceljs';

export class SheetReadError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'SheetReadError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return new TextDecoder('utf-8').decode(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function excelCell(v: CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) {
      const r = v.result;
      return typeof r === 'number' || typeof r === 'string' ? r : null;
    }
  }
  return null;
}

async function readXlsx(buf: Uint8Array, fileName: string): Promise<SheetCells> {
  const records: Cell[][] = [];
  const rowNumbers: number[] = [];
  try {
    const { ExcelJS } = await import('./exceljs'); // loaded only for workbooks: it costs ~0.2 s of start-up
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(buf)), {
      entries: 'emit',
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const r = row as Row;
        records.push((r.values as CellValue[]).slice(1).map(excelCell));
        rowNumbers.push(r.number);
      }
      break; // the first worksheet only
    }
  } catch (err) {
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
export async function readSheetSource(buf: Uint8Array, fileName: string): Promise<SheetSource> {
  if (buf.length === 0) throw new SheetReadError(fileName, `文件 ${fileName} 是空的（0 字节）`);
  if (ZIP_MAGIC.every((b, i) => buf[i] === b)) return { kind: 'cells', cells: await readXlsx(buf, fileName) };
  if (fileName.toLowerCase().endsWith('.xls'))
    throw new SheetReadError(fileName, `不支持旧版 .xls 格式（${fileName}），请另存为 .xlsx 或 CSV`);
  const text = decodeText(buf);
  if (text.includes('\u0000'))
    throw new SheetReadError(fileName, `文件 ${fileName} 不是文本格式的 CSV，也不是 .xlsx 工作簿`);
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
export async function readSheetCells(buf: Uint8Array, fileName: string): Promise<SheetCells> {
  return sourceCells(await readSheetSource(buf, fileName));
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
