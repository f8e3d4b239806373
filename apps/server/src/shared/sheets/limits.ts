/**
 * What one uploaded sheet may make the server hold, and the one error a reader throws when a file goes past it.
 * Plain data and a plain Error subclass (no AppError, no config): readers run in the upload worker threads too,
 * and a SheetError crosses to the main thread as `{ code, message, details }`.
 */

export interface SheetLimits {
  /** uncompressed bytes of all the parts of an .xlsx that are read (sheet, shared strings, styles, workbook) */
  maxUnzippedBytes: number;
  /** uncompressed ÷ compressed size of one zip entry, checked once an entry is over ZIP_RATIO_GRACE_BYTES */
  maxZipRatio: number;
  /** entries in the zip directory */
  maxZipEntries: number;
  /** uncompressed bytes of xl/sharedStrings.xml (all of it is held while the sheet is read) */
  maxSharedStringsBytes: number;
  /** characters in one cell */
  maxCellChars: number;
  /** rows that hold a value, the header included; as many empty rows again are allowed, no more */
  maxRows: number;
  /** the last column that holds a value */
  maxColumns: number;
}

/** The settings a limit is configured by (named in messages, so an officer can tell the administrator). */
export const LIMIT_SETTINGS = {
  maxUploadBytes: 'MAX_UPLOAD_MB',
  maxUnzippedBytes: 'MAX_UNZIPPED_MB',
  maxZipRatio: 'MAX_ZIP_RATIO',
  maxZipEntries: 'MAX_ZIP_ENTRIES',
  maxSharedStringsBytes: 'MAX_SHARED_STRINGS_MB',
  maxCellChars: 'MAX_CELL_CHARS',
  maxRows: 'MAX_SHEET_ROWS',
  maxColumns: 'MAX_SHEET_COLUMNS',
  maxErrorsKept: 'MAX_ERRORS_KEPT',
  workerMemoryMb: 'UPLOAD_WORKER_MEMORY_MB',
  parseSeconds: 'UPLOAD_PARSE_SECONDS',
} as const;

export type LimitName = keyof typeof LIMIT_SETTINGS;

/** Entries smaller than this are not held to the ratio (tiny XML parts compress very well and cost nothing). */
export const ZIP_RATIO_GRACE_BYTES = 1024 * 1024;

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxZipRatio: 100,
  maxZipEntries: 1000,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxCellChars: 1000,
  maxRows: 200_000,
  maxColumns: 300,
};

/** Limits for the command line, where the file is the user's own: only what keeps the reader sane. */
export const LOCAL_SHEET_LIMITS: SheetLimits = {
  maxUnzippedBytes: 4 * 1024 * 1024 * 1024,
  maxZipRatio: 1000,
  maxZipEntries: 100_000,
  maxSharedStringsBytes: 1024 * 1024 * 1024,
  maxCellChars: 32_767,
  maxRows: 50_000_000,
  maxColumns: 16_384,
};

export type SheetErrorCode = 'FILE_TOO_LARGE' | 'FILE_LIMIT_EXCEEDED' | 'FILE_UNREADABLE' | 'FILE_EMPTY';

export interface SheetErrorDetails {
  /** which limit applied, its value and the setting it comes from */
  limit?: LimitName;
  max?: number;
  setting?: string;
  /** where in the file: row (as Excel numbers it) and column letter, the zip entry */
  row?: number;
  column?: string;
  entry?: string;
  actual?: number;
  /** the limit was reached by empty records (blank) or by empty cells of one record (empty) */
  blank?: boolean;
  empty?: boolean;
}

export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    message: string,
    readonly details?: SheetErrorDetails,
  ) {
    super(message);
    this.name = 'SheetError';
  }
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
const num = (n: number) => n.toLocaleString('en-US');

/** Column number (1-based) → Excel letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function limitError(
  code: SheetErrorCode,
  message: string,
  limit: LimitName,
  max: number,
  more: Omit<SheetErrorDetails, 'limit' | 'max' | 'setting'> = {},
) {
  const setting = LIMIT_SETTINGS[limit];
  return new SheetError(code, `${message}（上限由 ${setting} 设定）`, { limit, max, setting, ...more });
}

/** The errors of each limit, worded for the person who uploaded the file. */
export const limitErrors = {
  uploadBytes: (max: number) =>
    limitError('FILE_TOO_LARGE', `文件过大：上限 ${mb(max)}，请拆分后再上传`, 'maxUploadBytes', max),
  unzipped: (max: number, entry: string, actual: number) =>
    limitError(
      'FILE_TOO_LARGE',
      `工作簿解压后过大：读取的内容超过 ${mb(max)}，请拆分后再上传`,
      'maxUnzippedBytes',
      max,
      { entry, actual },
    ),
  ratio: (max: number, entry: string, actual: number) =>
    limitError(
      'FILE_TOO_LARGE',
      `工作簿的压缩比异常（${entry} 解压后是压缩时的 ${Math.round(actual)} 倍，上限 ${max} 倍），疑似恶意构造的文件，已拒绝`,
      'maxZipRatio',
      max,
      { entry, actual },
    ),
  entries: (max: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `工作簿内部文件过多（超过 ${num(max)} 个），不是正常的 Excel 文件`,
      'maxZipEntries',
      max,
    ),
  sharedStrings: (max: number, actual: number) =>
    limitError(
      'FILE_TOO_LARGE',
      `工作簿的共享文本表过大（解压后 ${mb(actual)}，上限 ${mb(max)}），请拆分后再上传`,
      'maxSharedStringsBytes',
      max,
      { entry: 'xl/sharedStrings.xml', actual },
    ),
  cell: (max: number, row: number, column: number, actual: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `第 ${row} 行 ${columnLetter(column)} 列：单元格内容有 ${num(actual)} 个字符，超过上限 ${num(max)} 个`,
      'maxCellChars',
      max,
      { row, column: columnLetter(column), actual },
    ),
  rows: (max: number, row: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `文件行数过多：最多 ${num(max)} 行（含表头），第 ${num(row)} 行已超出，请拆分后再上传`,
      'maxRows',
      max,
      { row },
    ),
  /** Records that hold nothing are not rows, but as many of them as the rows allowed is all a file may have. */
  blankRows: (max: number, row: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `文件中的空行过多：超过 ${num(max)} 行不含任何内容（到第 ${num(row)} 行），请删去空行后再上传`,
      'maxRows',
      max,
      { row, blank: true },
    ),
  /** Empty cells past the last column are not columns, but a record may not have more than twice the columns. */
  emptyCells: (max: number, row: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `第 ${num(row)} 行的单元格过多：超过 ${num(2 * max)} 个（多为空单元格），请删去多余的分隔符后再上传`,
      'maxColumns',
      max,
      { row, empty: true },
    ),
  columns: (max: number, row: number, column: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `第 ${row} 行在第 ${num(column)} 列（${columnLetter(column)} 列）有内容，超过列数上限 ${num(max)} 列`,
      'maxColumns',
      max,
      { row, column: columnLetter(column), actual: column },
    ),
  memory: (maxMb: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `读取这个文件所需的内存超过 ${maxMb} MB，已停止；请拆分后再上传`,
      'workerMemoryMb',
      maxMb,
    ),
  time: (seconds: number) =>
    limitError(
      'FILE_LIMIT_EXCEEDED',
      `读取这个文件超过 ${seconds} 秒，已停止；请拆分后再上传`,
      'parseSeconds',
      seconds,
    ),
};
