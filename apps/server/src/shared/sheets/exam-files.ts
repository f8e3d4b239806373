/**
 * The three sheets of an exam upload (items, scores, optional prior scores), read within the limits and checked
 * by core: the items first, the scores against them (core's CSV fast path where it applies: the same result
 * either way), the prior scores. Runs in an upload worker (sheets/worker.ts) or in-process (sheets/in-process.ts).
 */
import {
  type ExamInputError,
  type ExamScores,
  type ItemSpec,
  readItemSheet,
  readPriorSheet,
  readScoreSheet,
} from '@yanxun/core/exams';
import { readScoreSource, readSheetSource, sourceCells } from '../sheet-cells';
import type { SheetLimits } from './limits';

export interface ExamFile {
  name: string;
  buf: Uint8Array;
}

export interface ExamRead {
  items: { items: ItemSpec[]; errors: ExamInputError[] };
  /** null when the item sheet has errors (the scores cannot be checked against it) */
  scores: { exam: ExamScores | null; errors: ExamInputError[] } | null;
  prior: { prior: Map<string, number>; errors: ExamInputError[] } | null;
}

export async function readExamFiles(
  files: { items: ExamFile; scores: ExamFile; prior?: ExamFile | undefined },
  limits: SheetLimits,
  knownSchools: string[],
  fastPath: boolean,
): Promise<ExamRead> {
  const items = readItemSheet(sourceCells(await readSheetSource(files.items.buf, files.items.name, limits)));
  let scores: ExamRead['scores'] = null;
  if (items.errors.length === 0) {
    const src = await readSheetSource(files.scores.buf, files.scores.name, limits);
    const options = { knownSchools: new Set(knownSchools) };
    scores = fastPath
      ? readScoreSource(src, items.items, options)
      : readScoreSheet(sourceCells(src), items.items, options);
  }
  let prior: ExamRead['prior'] = null;
  if (files.prior) {
    const src = await readSheetSource(files.prior.buf, files.prior.name, limits);
    prior = readPriorSheet(sourceCells(src));
  }
  return { items, scores, prior };
}
