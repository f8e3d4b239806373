/**
 * `yanxun exam …`: the one command of the CLI that needs neither the database nor the server's modules. Kept in
 * its own entry so that apps/server/bin/yanxun.mjs can run it from a cached bundle without tsx (bin/exam-bundle.mjs;
 * docs/PERFORMANCE.md section 5); cli.ts calls it too.
 */
import { EXAM_HELP, ExamInputFailure, runExamAnalyze } from './exam-analyze';

/** Runs `exam <sub> …`; returns the exit code (0, or 2 for bad input or an unknown sub-command). */
export async function examCommand(sub: string | undefined, rest: string[]): Promise<number> {
  if (sub === 'analyze' && (rest.includes('--help') || rest.includes('-h'))) {
    console.log(EXAM_HELP);
    return 0;
  }
  if (sub !== 'analyze') {
    console.log(EXAM_HELP);
    return sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' ? 0 : 2;
  }
  try {
    const r = await runExamAnalyze(rest);
    console.log(r.text.trimEnd());
    return 0;
  } catch (err) {
    if (!(err instanceof ExamInputFailure)) throw err;
    for (const p of err.problems) console.error(p);
    return 2;
  }
}
