/**
 * Early warnings (R-002-12 问题预警) over the exams of a monitoring cycle: core `earlyWarnings` per exam against the
 * previous one, in words for people, for the monitoring office only (R-002-58).
 */
import type { ExamWarning } from '@yanxun/contracts';
import { earlyWarnings, indicator } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { scopeOf } from '../../../shared/permissions';
import { cacheOf, type ExamCache, schoolInfo } from '../analysis/analysis-cache';
import type { ExamsContext } from '../context';
import { accessTo, ancestorPaths, minGroupNOf, POLICY } from '../exam-access';
import type { ExamRow } from '../exams/exams.repository';

const METRIC_NAME: Record<string, string> = {
  score_rate: '得分率',
  pass_rate: '及格率',
  excellent_rate: '优秀率',
  standardised: '标准分',
};

/** A warning in words, with the values rounded for people (the exact values stay in value/reference). */
export function warningMessage(
  school: string,
  rule: string,
  metric: string,
  value: number,
  reference: number,
  dropMargin: number,
): string {
  const rate = metric !== 'standardised';
  const f = (x: number) => (rate ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));
  const m = METRIC_NAME[metric] ?? metric;
  return rule === 'EW-DROP'
    ? `${school}${m}从 ${f(reference)} 降到 ${f(value)}，降幅超过 ${rate ? `${dropMargin * 100} 个百分点` : dropMargin}`
    : `${school}${m} ${f(value)}，低于预警线 ${f(reference)}`;
}

/** Every warning of the cycle's exams with data, each exam judged against the one before it. */
export async function cycleWarnings(ctx: ExamsContext, cycleId: string): Promise<ExamWarning[]> {
  const exams = (await ctx.repo.examsOfCycle(cycleId)).filter((e) => e.items);
  const out: ExamWarning[] = [];
  let previous: Map<string, number> | undefined;
  const cfg = POLICY.warning;
  const allIds = new Set<string>();
  const caches: Array<[ExamRow, ExamCache]> = [];
  for (const e of exams) {
    const c = await cacheOf(ctx, e);
    if (!c) continue;
    caches.push([e, c]);
    for (const s of c.analysis.schools) allIds.add(s.school);
  }
  const info = await schoolInfo(ctx, [...allIds]);
  for (const [e, c] of caches) {
    const fm = c.analysis.fullMarks;
    const minN = Math.max(cfg.minN, minGroupNOf(e));
    for (const w of earlyWarnings(c.analysis.schools, fm, { ...cfg, minN }, previous)) {
      const name = info.get(w.group)?.name ?? w.group;
      out.push({
        rule: w.rule,
        examId: e.id,
        examName: e.name,
        schoolId: w.group,
        school: name,
        metric: w.metric,
        value: w.value,
        reference: w.reference,
        ...(w.rule === 'EW-DROP' ? { margin: cfg.dropMargin } : {}),
        n: w.n,
        message: warningMessage(name, w.rule, w.metric, w.value, w.reference, cfg.dropMargin),
      });
    }
    previous = new Map();
    for (const g of c.analysis.schools) {
      const v = indicator(g, cfg.metric, fm);
      if (v !== null) previous.set(g.school, v);
    }
  }
  return out;
}

/** Early warnings (R-002-12) of the schools in the monitoring office's scope, over the cycle's exams. */
export async function warnings(ctx: ExamsContext, actor: Actor, id: string): Promise<ExamWarning[]> {
  if (!isId(id)) throw notFound('监测周期');
  const c = await ctx.repo.findCycle(id);
  if (!c) throw notFound('监测周期');
  const access = accessTo(actor, c.owner_path, '监测周期');
  if (access.audience !== 'monitoring')
    throw new AppError('FORBIDDEN', '预警信息仅向监测部门提供', {
      permission: 'exam.diagnose',
      ruleId: 'R-002-58',
    });
  const all = await cycleWarnings(ctx, c.id);
  const info = await schoolInfo(ctx, [...new Set(all.map((w) => w.schoolId))]);
  return all.filter((w) => {
    const p = info.get(w.schoolId)?.path;
    return p !== undefined && access.roots.some((r) => p.startsWith(r));
  });
}

/**
 * The newest monitoring cycle the actor reads as the monitoring office, with its warnings in the actor's scope
 * (the landing page's 质量预警); null for an actor without `exam.diagnose` or without a cycle.
 */
export async function latestWarnings(
  ctx: ExamsContext,
  actor: Actor,
): Promise<{ cycleId: string; cycleName: string; warnings: ExamWarning[] } | null> {
  const roots = scopeOf(actor, 'exam.diagnose');
  if (roots.length === 0) return null;
  const newest = (await ctx.repo.listCycles(roots, [...new Set(roots.flatMap(ancestorPaths))]))[0];
  if (!newest) return null;
  return { cycleId: newest.id, cycleName: newest.name, warnings: await warnings(ctx, actor, newest.id) };
}
