/** Per school, across the exams of a cycle: score rate, pass rate, value-added — or grades where due (SZ-12). */
import type { SchoolTrend } from '@yanxun/contracts';
import { reportModeFor, suppressed } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { cacheOf, type ExamCache, schoolInfo } from '../analysis/analysis-cache';
import type { ExamsContext } from '../context';
import { accessTo, minGroupNOf, POLICY, toExam } from '../exam-access';
import type { ExamRow } from '../exams/exams.repository';
import { getCycle } from './cycles.service';

export async function trends(ctx: ExamsContext, actor: Actor, id: string): Promise<SchoolTrend[]> {
  const cycle = await getCycle(ctx, actor, id);
  const c = await ctx.repo.findCycle(id);
  const access = accessTo(actor, c?.owner_path ?? '', '监测周期');
  const rule = POLICY.audiences[access.audience];
  const exams = (await ctx.repo.examsOfCycle(cycle.id)).filter((e) => e.items);
  const caches: Array<[ExamRow, ExamCache]> = [];
  const ids = new Set<string>();
  for (const e of exams) {
    const cache = await cacheOf(ctx, e);
    if (!cache) continue;
    caches.push([e, cache]);
    for (const s of cache.analysis.schools) ids.add(s.school);
  }
  const info = await schoolInfo(ctx, [...ids]);
  const out = new Map<string, SchoolTrend>();
  for (const [e, cache] of caches) {
    const mode = reportModeFor(access.audience, toExam(e));
    const minN = minGroupNOf(e);
    const vaOf = new Map((cache.va?.schools ?? []).map((s) => [s.school, s]));
    for (const g of cache.analysis.schools) {
      const si = info.get(g.school);
      if (!si || !access.roots.some((r) => si.path.startsWith(r))) continue;
      let t = out.get(g.school);
      if (!t) {
        t = { schoolId: g.school, school: si.name, points: [] };
        out.set(g.school, t);
      }
      const small = suppressed(g.total.n, minN);
      const va = vaOf.get(g.school);
      const showVa = !small && rule.valueAdded && mode === 'full' && va && !suppressed(va.n, minN);
      t.points.push({
        examId: e.id,
        examName: e.name,
        examDate: e.exam_date,
        mode,
        suppressed: small,
        n: small ? null : g.total.n,
        scoreRate:
          small || mode === 'grades' || g.total.mean === null
            ? null
            : g.total.mean / cache.analysis.fullMarks,
        passRate: small || mode === 'grades' ? null : g.total.passRate,
        va: showVa ? va.va : null,
        vaLow: showVa ? va.ciLow : null,
        vaHigh: showVa ? va.ciHigh : null,
        grades: small ? null : (cache.grades.bySchool[g.school] ?? null),
      });
    }
  }
  return [...out.values()].sort((a, b) => a.school.localeCompare(b.school, 'zh-CN'));
}
