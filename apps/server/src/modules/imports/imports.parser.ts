import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../shared/app-error';
import { type CellValue, ExcelJS, type Row } from '../../shared/exceljs';

export interface SheetRow {
  /** The row number the user sees in Excel (1-based; the header is usually row 1). */
  row: number;
  values: unknown[];
}

export interface ParsedSheet {
  header: SheetRow;
  rows: SheetRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Decode CSV bytes: UTF-8 (with or without BOM) when valid, otherwise GBK/GB18030 as Excel on Chinese Windows writes it. */
export function decodeCsv(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function cellValue(v: CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
    if ('result' in v) return v.result ?? null; // formula: its cached value
    if ('error' in v) return null;
    return null;
  }
  return v;
}

export interface SheetVisitor {
  /** The first non-blank row. Throw here (e.g. HEADER_MISMATCH) to stop before reading the data. */
  header(row: SheetRow): void;
  /** Every later row, in order, as it is read: nothing is kept unless the visitor keeps it. */
  row(row: SheetRow): void;
}

/**
 * Stream the first worksheet of an .xlsx (or a .csv) through a visitor, so a 100,000-row file is validated as
 * it is read instead of being held whole. The first non-blank row is the header. Unreadable, truncated and empty
 * files get a clear AppError. Returns how many data rows were read.
 */
export async function visitSheet(buf: Buffer, fileName: string, visitor: SheetVisitor): Promise<number> {
  if (buf.length === 0) throw new AppError('FILE_EMPTY', '文件是空的（0 字节）');
  const isZip = buf.subarray(0, 4).equals(ZIP_MAGIC);
  const lower = fileName.toLowerCase();
  let seenHeader = false;
  let count = 0;
  const feed = (r: SheetRow) => {
    if (seenHeader) {
      count++;
      visitor.row(r);
    } else if (r.values.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) {
      seenHeader = true;
      visitor.header(r);
    }
  };
  if (isZip) {
    await readXlsx(buf, feed);
  } else if (buf.subarray(0, 4).equals(OLE_MAGIC) || lower.endsWith('.xls')) {
    throw new AppError('FILE_UNREADABLE', '不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再导入');
  } else if (lower.endsWith('.xlsx')) {
    throw new AppError('FILE_UNREADABLE', '文件不是有效的 .xlsx 工作簿（可能已损坏或只是改了扩展名）');
  } else {
    for (const r of readCsvRows(buf)) feed(r);
  }
  if (!seenHeader) throw new AppError('FILE_EMPTY', '文件中没有任何内容：第一行应为表头');
  return count;
}

/** The whole first worksheet in memory: header and data rows (small files, tests). */
export async function readSheet(buf: Buffer, fileName: string): Promise<ParsedSheet> {
  let header: SheetRow | undefined;
  const rows: SheetRow[] = [];
  await visitSheet(buf, fileName, {
    header: (r) => {
      header = r;
    },
    row: (r) => rows.push(r),
  });
  if (!header) throw new AppError('FILE_EMPTY', '文件中没有任何内容：第一行应为表头');
  return { header, rows };
}

function readCsvRows(buf: Buffer): SheetRow[] {
  const text = decodeCsv(buf);
  if (text.includes('\u0000'))
    throw new AppError('FILE_UNREADABLE', '文件不是文本格式的 CSV，也不是 .xlsx 工作簿');
  try {
    const records = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
    return records.map((values, i) => ({ row: i + 1, values }));
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `CSV 文件格式错误：${(err as Error).message}`);
  }
}

async function readXlsx(buf: Buffer, feed: (row: SheetRow) => void): Promise<void> {
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
      entries: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const r = row as Row;
        // exceljs row.values is 1-based with a hole at 0
        const raw = (r.values as CellValue[]).slice(1);
        feed({ row: r.number, values: raw.map(cellValue) });
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'FILE_UNREADABLE',
      `无法读取 Excel 文件（文件可能已损坏或不完整）：${(err as Error).message}`,
    );
  }
}
