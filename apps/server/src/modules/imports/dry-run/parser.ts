import { AppError } from '../../../shared/app-error';
import { sheetAppError } from '../../../shared/sheets/app-errors';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../../shared/sheets/limits';
import { readSheetRows } from '../../../shared/sheets/rows';
import type { SheetRow } from '../../../shared/sheets/xlsx';

export { decodeCsv } from '../../../shared/sheets/csv';
export type { SheetRow } from '../../../shared/sheets/xlsx';

export interface ParsedSheet {
  header: SheetRow;
  rows: SheetRow[];
}

/** Reads a file's rows in batches (the upload worker pool in the server; in-process in tools and tests). */
export type RowReader = (
  buf: Uint8Array,
  fileName: string,
  onBatch: (rows: SheetRow[]) => void,
) => Promise<number>;

/** A reader in the calling thread, for small files, tools and tests. */
export function inProcessReader(limits: SheetLimits): RowReader {
  return async (buf, fileName, onBatch) => {
    let n = 0;
    await readSheetRows(buf, fileName, limits, (r) => {
      n++;
      onBatch([r]);
    });
    return n;
  };
}

export interface SheetVisitor {
  /** The first row that holds a value. Throw here (e.g. HEADER_MISMATCH) to stop before reading the data. */
  header(row: SheetRow): void;
  /** Every later row that holds a value, in order, as it is read: nothing is kept unless the visitor keeps it. */
  row(row: SheetRow): void;
}

/**
 * Stream the first worksheet of an .xlsx (or a .csv) through a visitor, so a 100,000-row file is validated as
 * it is read instead of being held whole. The first row is the header. Unreadable, truncated, empty and
 * over-limit files get a clear AppError. Returns how many data rows were read.
 */
export async function visitSheet(
  read: RowReader,
  buf: Uint8Array,
  fileName: string,
  visitor: SheetVisitor,
): Promise<number> {
  let seenHeader = false;
  let count = 0;
  try {
    await read(buf, fileName, (rows) => {
      for (const r of rows) {
        if (seenHeader) {
          count++;
          visitor.row(r);
        } else {
          seenHeader = true;
          visitor.header(r);
        }
      }
    });
  } catch (err) {
    throw sheetAppError(err);
  }
  if (!seenHeader) throw new AppError('FILE_EMPTY', '文件中没有任何内容：第一行应为表头');
  return count;
}

/** The whole first worksheet in memory: header and data rows (small files, tests). */
export async function readSheet(
  buf: Uint8Array,
  fileName: string,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<ParsedSheet> {
  let header: SheetRow | undefined;
  const rows: SheetRow[] = [];
  await visitSheet(inProcessReader(limits), buf, fileName, {
    header: (r) => {
      header = r;
    },
    row: (r) => rows.push(r),
  });
  if (!header) throw new AppError('FILE_EMPTY', '文件中没有任何内容：第一行应为表头');
  return { header, rows };
}
