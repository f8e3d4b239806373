/**
 * `npx yanxun exam analyze --scores scores.csv --items items.csv [--prior prior.csv] [--json out.json]`:
 * read and validate the files, run core's exam analysis (and value-added with a prior), write the JSON of
 * `examReportJson` (full double precision; rates as fractions 0..1). Bad input: every problem on stderr as
 * `file:row:column: [RULE] message (value)` and exit code 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyzeExam,
  DEFAULT_EXAM_THRESHOLDS,
  type ExamInputError,
  examReportJson,
  readItemSheet,
  studentTotals,
  type ValueAddedResult,
  valueAdded,
} from '@yanxun/core/exams';
import {
  readPriorSource,
  readScoreSource,
  readSheetSource,
  SheetReadError,
  type SheetSource,
  sourceCells,
} from './shared/sheet-cells';

export const EXAM_HELP = `yanxun exam analyze — analyse one exam paper (one subject)

  npx yanxun exam analyze --scores scores.csv --items items.csv [--prior prior.csv] [--json out.json]
      [--excellent 0.85] [--pass 0.6] [--low 0.4] [--bands 0,60,72,84,96,108,120] [--full]

  scores.csv   student_id,school,class,<item ids…>   (.csv UTF-8/GBK or .xlsx; a row with every item blank
                                                      or marked 缺考 is an absent student, kept apart)
  items.csv    item_id,max_score[,type,knowledge_point,ability_level]
  prior.csv    student_id,prior_score                 (value-added by school)
  --json       output file (default: standard output); rates are fractions 0..1
  --full       also write "detail": bands, classes, knowledge points, ability levels, absent count …

Exit code 2 on bad input, with one line per problem (file, row, column, rule, value).`;

/**
 * YANXUN_EXAM_TIMINGS=1: each stage's wall and CPU time on stderr (docs/PERFORMANCE.md section 5), from the
 * process start (start-up and bundle loading) to the JSON written.
 */
const TIMINGS = process.env.YANXUN_EXAM_TIMINGS === '1';
let lastLap = { wall: 0, cpu: { user: 0, system: 0 }, faults: 0 };
function lap(stage: string): void {
  if (!TIMINGS) return;
  const wall = performance.now();
  const cpu = process.cpuUsage(lastLap.cpu);
  const faults = process.resourceUsage().minorPageFault;
  process.stderr.write(
    `timing ${stage.padEnd(12)} wall ${(wall - lastLap.wall).toFixed(1).padStart(7)} ms  cpu ${((cpu.user + cpu.system) / 1000).toFixed(1).padStart(7)} ms  page faults ${String(faults - lastLap.faults).padStart(6)}\n`,
  );
  lastLap = { wall, cpu: process.cpuUsage(), faults };
}
if (TIMINGS) {
  // how malloc was asked to map memory (bin/yanxun.mjs asks for huge pages: docs/PERFORMANCE.md section 5)
  process.stderr.write(`timing env GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES ?? '(unset)'}\n`);
  // the first lap: from the process start (node, the bundle) to this module
  lap('start-up');
}

export class ExamInputFailure extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ExamInputFailure';
  }
}

function fraction(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!(x >= 0 && x <= 1))
    throw new ExamInputFailure([`--${name} must be a fraction between 0 and 1 (got ${v})`]);
  return x;
}

function formatErrors(fileName: string, errors: ExamInputError[]): string[] {
  return errors.map(
    (e) =>
      `${fileName}:${e.row}${e.column ? `:${e.column}` : ''}: [${e.rule}] ${e.message}${e.value !== null ? ` (值: ${JSON.stringify(e.value)})` : ''}`,
  );
}

async function load(file: string): Promise<SheetSource> {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new ExamInputFailure([
      `${file}: 无法读取文件 (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    ]);
  }
  try {
    return await readSheetSource(buf, path.basename(file));
  } catch (err) {
    if (err instanceof SheetReadError) throw new ExamInputFailure([err.message]);
    throw err;
  }
}

/** The whole command, as a function (tests call it; the CLI prints and exits). Returns the JSON object. */
export async function runExamAnalyze(args: string[]): Promise<{ json: unknown; text: string; out?: string }> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        scores: { type: 'string' },
        items: { type: 'string' },
        prior: { type: 'string' },
        json: { type: 'string' },
        excellent: { type: 'string' },
        pass: { type: 'string' },
        low: { type: 'string' },
        bands: { type: 'string' },
        full: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new ExamInputFailure([(err as Error).message]);
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const scoresFile = str('scores');
  const itemsFile = str('items');
  if (!scoresFile || !itemsFile)
    throw new ExamInputFailure(['--scores and --items are required', '', EXAM_HELP]);
  const thresholds = {
    excellent: fraction('excellent', str('excellent'), DEFAULT_EXAM_THRESHOLDS.excellent),
    pass: fraction('pass', str('pass'), DEFAULT_EXAM_THRESHOLDS.pass),
    low: fraction('low', str('low'), DEFAULT_EXAM_THRESHOLDS.low),
  };
  let customBands: { edges: number[] } | undefined;
  const bandsArg = str('bands');
  if (bandsArg !== undefined) {
    const edges = bandsArg.split(',').map(Number);
    if (
      edges.length < 2 ||
      edges.some((e, i) => !Number.isFinite(e) || (i > 0 && !(e > (edges[i - 1] ?? 0))))
    )
      throw new ExamInputFailure([
        `--bands must be increasing numbers separated by commas (got ${bandsArg})`,
      ]);
    customBands = { edges };
  }
  const priorFile = str('prior');
  lap('arguments');
  const [itemCells, scoreCells, priorCells] = await Promise.all([
    load(itemsFile),
    load(scoresFile),
    priorFile ? load(priorFile) : Promise.resolve(null),
  ]);
  lap('read files');
  const { items, errors: itemErrors } = readItemSheet(sourceCells(itemCells));
  if (itemErrors.length) throw new ExamInputFailure(formatErrors(path.basename(itemsFile), itemErrors));
  // the matrix in half the memory when every score allows it (the same numbers: packages/core exams/model.ts)
  const { exam, errors } = readScoreSource(scoreCells, items, { compactScores: true });
  lap('scores');
  const priorRead = priorCells ? readPriorSource(priorCells) : null;
  lap('prior');
  const problems = [
    ...formatErrors(path.basename(scoresFile), errors),
    ...(priorRead && priorFile ? formatErrors(path.basename(priorFile), priorRead.errors) : []),
  ];
  if (problems.length || !exam) throw new ExamInputFailure(problems);

  // one total per student for the analysis and value-added; without --full the JSON reads only each school's
  // totals, so the schools' item statistics are left out (groupItems)
  const totals = studentTotals(exam);
  const full = values.full === true;
  const analysis = analyzeExam(exam, { thresholds, customBands, classes: full, groupItems: full, totals });
  lap('analysis');
  let va: ValueAddedResult | null | undefined;
  let vaNote: string | undefined;
  if (priorRead) {
    const r = valueAdded(totals, exam.studentIds, exam.school, exam.schools, priorRead.prior);
    if (r.ok) va = r.result;
    else {
      va = null;
      vaNote = r.message;
    }
  }
  lap('value-added');
  const report: Record<string, unknown> = { ...examReportJson(analysis, va) };
  if (full)
    report.detail = {
      absent: analysis.absent,
      blank_cells: analysis.blankCells,
      full_marks: analysis.fullMarks,
      thresholds: analysis.thresholds,
      ...(vaNote ? { value_added_note: vaNote } : {}),
      ...(va ? { value_added_model: { matched: va.matched, intercept: va.intercept, slope: va.slope } } : {}),
      overall: analysis.overall,
      bands10: analysis.bands10,
      custom_bands: analysis.customBands,
      schools: analysis.schools,
      classes: analysis.classes,
    };
  const text = `${JSON.stringify(report, null, 1)}\n`;
  const out = str('json');
  if (out) writeFileSync(out, text);
  lap('JSON');
  const summary = [
    `${analysis.students} students analysed, ${analysis.absent} absent, ${items.length} items, full marks ${analysis.fullMarks}`,
    ...(vaNote ? [`value-added not computed: ${vaNote}`] : []),
    ...(va ? [`value-added: ${va.matched} students with a prior score, ${va.schools.length} schools`] : []),
  ].join('\n');
  return { json: report, text: out ? summary : text, out };
}
