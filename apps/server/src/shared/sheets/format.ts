/**
 * Which kind of sheet an upload is (.xlsx or .csv), told apart by content: a module of its own, so that a caller
 * that reads CSV (the exam command line) loads the .xlsx reader only for a workbook.
 */
import { SheetError } from './limits';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export type SheetFormat = 'xlsx' | 'csv';

/** What kind of sheet these bytes are, or the SheetError a user should read. */
export function sheetFormat(buf: Uint8Array, fileName: string): SheetFormat {
  if (buf.length === 0) throw new SheetError('FILE_EMPTY', '文件是空的（0 字节）');
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(4, buf.byteLength));
  const lower = fileName.toLowerCase();
  if (head.equals(ZIP_MAGIC)) return 'xlsx';
  if (head.equals(OLE_MAGIC) || lower.endsWith('.xls'))
    throw new SheetError('FILE_UNREADABLE', '不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再导入');
  if (lower.endsWith('.xlsx'))
    throw new SheetError('FILE_UNREADABLE', '文件不是有效的 .xlsx 工作簿（可能已损坏或只是改了扩展名）');
  return 'csv';
}
