/**
 * The upload worker: reads a sheet within its limits in a thread of its own (sheets/pool.ts runs it under a heap
 * limit and a time limit), so a hostile file costs that thread, never the event loop that answers everyone else.
 * Two tasks: the rows of an import file, streamed back in batches with flow control; the three sheets of an exam
 * upload, read and validated by core into compact results.
 */
import type { MessagePort } from 'node:worker_threads';
import { SheetReadError } from '../sheet-cells';
import { type ExamFile, type ExamRead, readExamFiles } from './exam-files';
import { SheetError, type SheetLimits } from './limits';
import { readSheetRows } from './rows';
import type { SheetRow } from './xlsx';

export type { ExamFile, ExamRead } from './exam-files';

/** What a failed task reports: the API error code, the user's message and where it applies. */
export interface SheetFailure {
  code: SheetError['code'];
  message: string;
  details?: unknown;
}

export interface RowsTask {
  kind: 'rows';
  buf: Uint8Array;
  fileName: string;
  limits: SheetLimits;
  port: MessagePort;
  batchRows: number;
  /** [batches the main thread has taken]: the worker stays at most `window` batches ahead */
  acked: Int32Array;
  window: number;
}

/** Messages of a rows task on its port, in order: batches, then one end. */
export type RowsMessage =
  | { rows: SheetRow[] }
  | { end: true; rows: number }
  | { end: true; failure: SheetFailure };

export interface ExamTask {
  kind: 'exam';
  items: ExamFile;
  scores: ExamFile;
  prior?: ExamFile | undefined;
  limits: SheetLimits;
  /** schools the uploader may name (学校标识码 or full name) */
  knownSchools: string[];
  /** take core's CSV fast path where it applies (the same result either way) */
  fastPath: boolean;
}

export type ExamResult = { ok: true; read: ExamRead } | { ok: false; failure: SheetFailure };

function failureOf(err: unknown): SheetFailure {
  if (err instanceof SheetError || err instanceof SheetReadError)
    return { code: err.code, message: err.message, details: err.details };
  return { code: 'FILE_UNREADABLE', message: `无法读取文件：${(err as Error)?.message ?? String(err)}` };
}

async function rows(task: RowsTask): Promise<void> {
  try {
    let count = 0;
    let batch: SheetRow[] = [];
    let sent = 0;
    const flush = () => {
      task.port.postMessage({ rows: batch } satisfies RowsMessage);
      batch = [];
      sent++;
      for (
        let seen = Atomics.load(task.acked, 0);
        sent - seen > task.window;
        seen = Atomics.load(task.acked, 0)
      )
        Atomics.wait(task.acked, 0, seen, 1000);
    };
    await readSheetRows(task.buf, task.fileName, task.limits, (row) => {
      batch.push(row);
      count++;
      if (batch.length >= task.batchRows) flush();
    });
    if (batch.length > 0) flush();
    task.port.postMessage({ end: true, rows: count } satisfies RowsMessage);
  } catch (err) {
    task.port.postMessage({ end: true, failure: failureOf(err) } satisfies RowsMessage);
  }
}

async function exam(task: ExamTask): Promise<ExamResult> {
  try {
    return { ok: true, read: await readExamFiles(task, task.limits, task.knownSchools, task.fastPath) };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

/** The task piscina runs (named in sheets/pool.ts). */
export function readSheetTask(task: RowsTask | ExamTask): Promise<unknown> {
  return task.kind === 'rows' ? rows(task) : exam(task);
}
