/** The monitoring office's latest early warnings (R-002-12) on the landing page: the newest exam's first few. */
import type { HomeWarnings } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { HomeContext } from './context';

const LATEST_SHOWN = 5;

export async function latestWarnings(ctx: HomeContext, actor: Actor): Promise<HomeWarnings | null> {
  const found = await ctx.warnings.latestWarnings(actor);
  if (!found) return null;
  // the cycle's exams are judged in order; the last exam with a warning is the newest news
  const newestExam = found.warnings.at(-1)?.examId;
  return {
    cycleId: found.cycleId,
    cycleName: found.cycleName,
    total: found.warnings.length,
    latest: found.warnings
      .filter((w) => w.examId === newestExam)
      .slice(0, LATEST_SHOWN)
      .map((w) => ({
        rule: w.rule,
        examId: w.examId,
        examName: w.examName,
        schoolId: w.schoolId,
        school: w.school,
        metric: w.metric,
        value: w.value,
        reference: w.reference,
        ...(w.margin === undefined ? {} : { margin: w.margin }),
        message: w.message,
      })),
  };
}
