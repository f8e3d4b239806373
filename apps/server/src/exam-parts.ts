/**
 * `yanxun exam analyze` reads a large CSV score sheet on two threads (docs/PERFORMANCE.md section 5): the file is
 * read into shared memory, cut after the line nearest its middle, and a worker thread reads the second part (behind
 * a copy of the header) with core's fast reader while this thread reads the first; `joinScoreParts` makes of the two
 * exactly what reading the whole sheet gives (core scores-join.test.ts). The worker is started before the files are
 * read, so that its start-up overlaps the reading.
 *
 * Only for what the fast path reads itself, checked on the bytes as sheet-cells' `utf8Source` checks its text:
 * a valid UTF-8 CSV without a double quote or NUL, its lines within the local sheet limits. Anything else, a part
 * the fast reader declines, a student in both parts, or a worker that fails, gives null: the caller then reads the
 * same bytes the one-thread way, which reports every error as before. The worker is the bundled command itself
 * (bin/exam-bundle.mjs), so this runs only from the bundle; under tsx (tests, YANXUN_NO_BUNDLE) it is never started.
 * YANXUN_EXAM_SPLIT_BYTES: the smallest sheet read so (4 MiB; 0 turns it off).
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  cutAfterLine,
  type ExamScores,
  type ItemSpec,
  joinScoreParts,
  lineBreaks,
  type ReadScoresOptions,
  readScoreCsvFast,
} from '@yanxun/core/exams';
import { type CsvLines, csvLines, linesWithin } from './shared/sheets/csv';
import { LOCAL_SHEET_LIMITS } from './shared/sheets/limits';
import { sheetFormat } from './shared/sheets/rows';

const PART_WORKER = 'yanxun exam: the second part of a score sheet';
const SPLIT_BYTES = Number(process.env.YANXUN_EXAM_SPLIT_BYTES ?? 4 << 20);

interface PartJob {
  /** The sheet's bytes (shared memory, no byte-order mark), the header's end and the cut. */
  bytes: Uint8Array;
  headerEnd: number;
  cut: number;
  items: ItemSpec[];
  options: ReadScoresOptions;
}

interface PartDone {
  exam: ExamScores | null;
  /** The line figures of the part after the cut. */
  lines: CsvLines;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The worker's job: the header and the part after the cut, read as a sheet of their own. */
function readSecondPart({ bytes, headerEnd, cut, items, options }: PartJob): PartDone {
  const part = new Uint8Array(headerEnd + bytes.length - cut);
  part.set(bytes.subarray(0, headerEnd));
  part.set(bytes.subarray(cut), headerEnd);
  const text = latin1(part);
  return { exam: readScoreCsvFast(text, items, options, part), lines: csvLines(text.slice(headerEnd)) };
}

if (!isMainThread && workerData === PART_WORKER)
  parentPort?.once('message', (job: PartJob) => {
    const done = readSecondPart(job);
    const e = done.exam;
    // the typed arrays move to the other thread instead of being copied
    const moved = e ? [e.scores.buffer, e.rows.buffer, e.school.buffer, e.klass.buffer] : [];
    parentPort?.postMessage(done, moved as ArrayBuffer[]);
  });

/** A worker thread waiting for the second part of a score sheet. */
export class ScorePartWorker {
  private readonly done: Promise<PartDone | null>;

  private constructor(private readonly worker: Worker) {
    this.done = new Promise((resolve) => {
      worker.once('message', (d: PartDone) => resolve(d));
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
  }

  /** Started for a sheet of `size` bytes when it is large enough and this runs from the bundle; else null. */
  static start(size: number): ScorePartWorker | null {
    if (!(SPLIT_BYTES > 0 && size >= SPLIT_BYTES) || !import.meta.url.endsWith('.mjs')) return null;
    try {
      return new ScorePartWorker(new Worker(new URL(import.meta.url), { workerData: PART_WORKER }));
    } catch {
      return null;
    }
  }

  async read(job: PartJob): Promise<PartDone | null> {
    this.worker.postMessage(job);
    return this.done;
  }

  /** Let the process end without waiting for the worker. */
  release(): void {
    this.worker.unref();
    void this.worker.terminate();
  }
}

/** A file's bytes in memory another thread can read without a copy. */
export async function readShared(file: string): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await fh.close();
  }
}

/** The score sheet in `bytes` read on two threads (see above), or null: read it the one-thread way. */
export async function readScoresInParts(
  bytes: Uint8Array,
  fileName: string,
  items: ItemSpec[],
  options: ReadScoresOptions,
  worker: ScorePartWorker,
): Promise<ExamScores | null> {
  try {
    if (sheetFormat(bytes, fileName) !== 'csv') return null;
  } catch {
    return null;
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.indexOf(0x22) >= 0 || body.indexOf(0) >= 0 || !isUtf8(body)) return null;
  const headerEnd = cutAfterLine(body, 0);
  const cut = headerEnd < 0 ? -1 : cutAfterLine(body, Math.max(headerEnd, body.length >> 1));
  if (cut < 0) return null;
  const second = worker.read({ bytes: body, headerEnd, cut, items, options });
  const first = body.subarray(0, cut);
  const text = latin1(first);
  const a = readScoreCsvFast(text, items, options, first);
  if (!a) return null; // one thread decides: no need to wait for the other part
  const lines = csvLines(text);
  const b = await second;
  if (!b?.exam) return null;
  const whole = {
    lf: lines.lf + b.lines.lf,
    cr: lines.cr + b.lines.cr,
    longest: Math.max(lines.longest, b.lines.longest),
  };
  if (!linesWithin(whole, LOCAL_SHEET_LIMITS)) return null;
  return joinScoreParts(a, b.exam, lineBreaks(text));
}
