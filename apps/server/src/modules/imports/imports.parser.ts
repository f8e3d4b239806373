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

/**
 * Read the first worksheet of an .xlsx (streaming, so a 100,000-row file stays small in memory) or a .csv.
 * The first non-blank row is the header. Unreadable, truncated and empty files get a clear AppError.
 */
export async function readSheet(
  buf: Buffer,
  fileName: string,
  onRow?: (n: number) => void,
): Promise<ParsedSheet> {
  if (buf.length === 0) throw new AppError('FILE_EMPTY', '文件是空的（0 字节）');
  const isZip = buf.subarray(0, 4).equals(ZIP_MAGIC);
  const lower = fileName.toLowerCase();
  let rows: SheetRow[];
  if (isZip) {
    rows = await readXlsx(buf, onRow);
  } else if (buf.subarray(0, 4).equals(OLE_MAGIC) || lower.endsWith('.xls')) {
    throw new AppError('FILE_UNREADABLE', '不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再导入');
  } else if (lower.endsWith('.xlsx')) {
    throw new AppError('FILE_UNREADABLE', '文件不是有效的 .xlsx 工作簿（可能已损坏或只是改了扩展名）');
  } else {
    rows = readCsvRows(buf);
  }
  const firstIndex = rows.findIndex((r) =>
    r.values.some((v) => v !== null && v !== undefined && String(v).trim() !== ''),
  );
  const header = rows[firstIndex];
  if (firstIndex < 0 || !header) throw new AppError('FILE_EMPTY', '文件中没有任何内容：第一行应为表头');
  const data = rows.slice(firstIndex + 1);
  return { header, rows: data };
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

async function readXlsx(buf: Buffer, onRow?: (n: number) => void): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
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
        rows.push({ row: r.number, values: raw.map(cellValue) });
        if (onRow && rows.length % 1000 === 0) onRow(rows.length);
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
  return rows;
}
