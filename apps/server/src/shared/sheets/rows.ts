/**
 * The rows of an uploaded sheet (.xlsx or .csv, told apart by content), held to SheetLimits, in the thread that
 * calls it. The server calls it from an upload worker (sheets/pool.ts); tests and tools may call it directly.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { assertCsvText, checkCsvBounds, decodeCsv } from './csv';
import { sheetFormat } from './format';
import { SheetError, type SheetLimits } from './limits';
import { checkXlsxEnvelope, readXlsxRows, type SheetRow } from './xlsx';

function csvRows(buf: Uint8Array, limits: SheetLimits, onRow: (row: SheetRow) => void): void {
  const text = decodeCsv(buf);
  assertCsvText(text);
  checkCsvBounds(text, limits);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (err) {
    throw new SheetError('FILE_UNREADABLE', `CSV 文件格式错误：${(err as Error).message}`);
  }
  records.forEach((values, i) => {
    if (values.some((v) => v !== '')) onRow({ row: i + 1, values });
  });
}

/**
 * Every row of the first worksheet that holds a value, in order, to `onRow`. Throws a SheetError for an empty,
 * unreadable or over-limit file.
 */
export async function readSheetRows(
  buf: Uint8Array,
  fileName: string,
  limits: SheetLimits,
  onRow: (row: SheetRow) => void,
): Promise<void> {
  if (sheetFormat(buf, fileName) === 'xlsx') {
    await readXlsxRows(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), limits, onRow);
  } else {
    csvRows(buf, limits, onRow);
  }
}

/**
 * The checks that need no reading of the content: empty, not a sheet, too many zip entries, an entry declaring
 * more than the unzipped budget or a ratio over the limit. Cheap enough for the request thread, so that an upload
 * such as a zip bomb is refused in the answer to the upload itself; the content is read later, in a worker.
 */
export async function checkSheetEnvelope(
  buf: Uint8Array,
  fileName: string,
  limits: SheetLimits,
): Promise<void> {
  if (sheetFormat(buf, fileName) === 'xlsx')
    await checkXlsxEnvelope(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), limits);
}
