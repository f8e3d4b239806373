/**
 * Uploaded sheets are read in worker threads (piscina): at most `workers` at once and `queue` waiting, each thread
 * under a heap limit, each read under a time limit. A file that would exhaust memory or time kills only its own
 * thread and is refused with the limit that applied; the event loop that answers every other request only takes
 * the rows, in batches, as fast as it consumes them.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { limitErrors, SheetError, type SheetLimits } from './limits';
import { checkSheetEnvelope } from './rows';
import type { ExamFile, ExamRead, ExamResult, ExamTask, RowsMessage, RowsTask, SheetFailure } from './worker';
import type { SheetRow } from './xlsx';

export interface SheetPoolOptions {
  limits: SheetLimits;
  /** threads reading at once */
  workers: number;
  /** reads waiting for a thread before new ones are refused (503) */
  queue: number;
  /** heap of one reading thread */
  workerMemoryMb: number;
  /** one read's time */
  parseSeconds: number;
}

/** Thrown when every reading thread is busy and the queue is full. */
export class SheetPoolBusy extends Error {
  constructor() {
    super('服务器正在处理其他上传的文件，请稍后再试');
    this.name = 'SheetPoolBusy';
  }
}

const BATCH_ROWS = 1000;
/** batches the worker may run ahead of the main thread */
const WINDOW = 4;

/** A copy of the bytes in an ArrayBuffer of their own, to hand to a worker without copying again. */
function ownCopy(buf: Uint8Array): Uint8Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return copy;
}

function failureError(f: SheetFailure): SheetError {
  return new SheetError(f.code, f.message, f.details as SheetError['details']);
}

export function createSheetPool(options: SheetPoolOptions) {
  const { limits } = options;
  const pool = new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    name: 'readSheetTask',
    minThreads: 0,
    maxThreads: options.workers,
    idleTimeout: 60_000,
    resourceLimits: {
      maxOldGenerationSizeMb: options.workerMemoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(options.workerMemoryMb / 8))),
    },
  });

  /**
   * Reads admitted and not yet finished. Piscina does not count abortable tasks against its own queue limit, so
   * admission is counted here: `workers` reading and `queue` waiting, and any further read is refused at once.
   */
  let admitted = 0;

  function admit(): void {
    if (admitted >= options.workers + options.queue) throw new SheetPoolBusy();
    admitted += 1;
  }

  /** A worker's crash or the time limit, as the error the uploader reads. */
  function poolError(err: unknown, signal: AbortSignal): Error {
    if (err instanceof SheetError || err instanceof SheetPoolBusy) return err;
    const e = err as { code?: string; name?: string; message?: string };
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return limitErrors.memory(options.workerMemoryMb);
    if (signal.aborted && e.name === 'AbortError') return limitErrors.time(options.parseSeconds);
    return err instanceof Error ? err : new Error(String(err));
  }

  async function runTask<T>(task: RowsTask | ExamTask, transfer: Transferable[], signal: AbortSignal) {
    try {
      return (await pool.run(task, { transferList: transfer as never, signal })) as T;
    } catch (err) {
      throw poolError(err, signal);
    }
  }

  return {
    limits,

    /** The envelope checks (see checkSheetEnvelope), in the calling thread: a bomb is refused before it is queued. */
    checkEnvelope(buf: Uint8Array, fileName: string): Promise<void> {
      return checkSheetEnvelope(buf, fileName, limits);
    },

    /**
     * Read the rows of an import file (the first worksheet of an .xlsx, or a CSV) and hand them to `onBatch` in
     * order, a batch at a time. Resolves with the number of rows; rejects with a SheetError (file or limit),
     * SheetPoolBusy, or whatever `onBatch` throws (the read is stopped then).
     */
    async visitRows(buf: Uint8Array, fileName: string, onBatch: (rows: SheetRow[]) => void): Promise<number> {
      admit();
      const { port1, port2 } = new MessageChannel();
      const acked = new Int32Array(new SharedArrayBuffer(4));
      // a plain timer, held until the read ends (an AbortSignal.timeout inside AbortSignal.any is held only weakly
      // and may be collected before it fires)
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), options.parseSeconds * 1000);
      const { signal } = stop;
      const copy = ownCopy(buf);
      let consumerError: unknown;
      const ended = new Promise<number>((resolve, reject) => {
        port1.on('message', (m: RowsMessage) => {
          if ('rows' in m && !('end' in m)) {
            if (consumerError === undefined) {
              try {
                onBatch(m.rows);
              } catch (err) {
                consumerError = err;
                stop.abort();
                reject(err);
              }
            }
            // acknowledged after the event loop's next turn: otherwise Node keeps handing this port's messages
            // to this loop as fast as the worker sends them, and requests wait until the whole file is read
            setImmediate(() => {
              Atomics.add(acked, 0, 1);
              Atomics.notify(acked, 0);
            });
          } else if ('failure' in m) reject(failureError(m.failure));
          else resolve(m.rows);
        });
      });
      const task: RowsTask = {
        kind: 'rows',
        buf: copy,
        fileName,
        limits,
        port: port2,
        batchRows: BATCH_ROWS,
        acked,
        window: WINDOW,
      };
      try {
        const run = runTask<void>(task, [port2, copy.buffer], signal);
        const [, rows] = await Promise.all([run, ended]);
        return rows;
      } catch (err) {
        if (consumerError !== undefined) throw consumerError;
        throw err;
      } finally {
        clearTimeout(timer);
        admitted -= 1;
        ended.catch(() => undefined);
        port1.close();
      }
    },

    /** Read and validate the item, score and (optional) prior sheets of an exam upload. */
    async readExam(
      files: { items: ExamFile; scores: ExamFile; prior?: ExamFile | undefined },
      knownSchools: Iterable<string>,
      fastPath: boolean,
    ): Promise<ExamRead> {
      admit();
      try {
        return await examTask(files, knownSchools, fastPath);
      } finally {
        admitted -= 1;
      }
    },

    /** Stop the threads (tests, shutdown). */
    close(): Promise<void> {
      return pool.destroy();
    },
  };

  async function examTask(
    files: { items: ExamFile; scores: ExamFile; prior?: ExamFile | undefined },
    knownSchools: Iterable<string>,
    fastPath: boolean,
  ): Promise<ExamRead> {
    const own = (f: ExamFile): ExamFile => ({ name: f.name, buf: ownCopy(f.buf) });
    const task: ExamTask = {
      kind: 'exam',
      items: own(files.items),
      scores: own(files.scores),
      prior: files.prior ? own(files.prior) : undefined,
      limits,
      knownSchools: [...knownSchools],
      fastPath,
    };
    const transfer = [task.items.buf.buffer, task.scores.buf.buffer];
    if (task.prior) transfer.push(task.prior.buf.buffer);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), options.parseSeconds * 1000);
    try {
      const result = await runTask<ExamResult>(task, transfer, stop.signal);
      if (!result.ok) throw failureError(result.failure);
      return result.read;
    } finally {
      clearTimeout(timer);
    }
  }
}

export type SheetPool = ReturnType<typeof createSheetPool>;
