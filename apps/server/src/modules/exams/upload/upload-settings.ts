/** How long dry runs are kept and how many, and the files of an upload. */

/** A dry run can be committed for 2 hours (then it has expired: upload again). */
export const UPLOAD_TTL_MS = 2 * 3600_000;
/** An expired or committed dry run's row (without payload) is kept this long after expiry, to say so. */
export const UPLOAD_RETAIN_MS = 7 * 24 * 3600_000;
/** Errors kept per dry run for the error workbook (the response shows the first 200, and the count). */
export const UPLOAD_ERRORS_KEPT = 1000;
/** Uncommitted dry runs kept per exam; older ones lose their payload (superseded). */
export const UPLOADS_LIVE_PER_EXAM = 10;

export interface UploadFile {
  name: string;
  buf: Buffer;
}

export interface UploadFiles {
  scores?: UploadFile;
  items?: UploadFile;
  prior?: UploadFile;
}
