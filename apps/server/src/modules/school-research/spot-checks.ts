/**
 * End-of-term spot checks (R3-S04): the 进修学校 draws schools of its county at a ratio with core's seeded
 * `spotCheckDraw`. The candidates (the schools that submitted a plan for the year), the ratio and the seed are
 * stored with the picks, so the draw can be re-run by anyone and gives the same schools; results per drawn school.
 */
import { randomBytes } from 'node:crypto';
import type { DrawSpotCheck, RecordSpotCheck, SpotCheck } from '@yanxun/contracts';
import { schoolYearLabel, spotCheckDraw } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { SchoolResearchContext } from './context';
import { loadCounty, yearRules } from './school-access';
import type { DrawRow } from './school-research.repository';

async function views(ctx: SchoolResearchContext, draws: DrawRow[]): Promise<SpotCheck[]> {
  const checks = await ctx.repo.checksOf(draws.map((d) => d.id));
  const names = new Map(
    (await ctx.orgs.findByIds([...new Set(draws.flatMap((d) => d.picks))])).map((o) => [o.id, o.name]),
  );
  return draws.map((d) => {
    const again = spotCheckDraw(d.candidates, d.ratio, d.seed, d.rule_id);
    return {
      id: d.id,
      countyId: d.county_id,
      schoolYear: d.school_year,
      semester: d.semester === 2 ? 2 : 1,
      ratio: d.ratio,
      seed: d.seed,
      rule: d.rule_id,
      note: d.note,
      candidateCount: d.candidates.length,
      drawnAt: d.drawn_at.toISOString(),
      picks: d.picks.map((schoolId) => {
        const c = checks.find((x) => x.draw_id === d.id && x.school_id === schoolId);
        return {
          schoolId,
          schoolName: names.get(schoolId) ?? '',
          result: (c?.result ?? null) as SpotCheck['picks'][number]['result'],
          comment: c?.comment ?? null,
        };
      }),
      reproducible: again.picks.join(',') === d.picks.join(','),
    };
  });
}

export async function drawSpotCheck(
  ctx: SchoolResearchContext,
  actor: Actor,
  req: DrawSpotCheck,
): Promise<SpotCheck> {
  const county = await loadCounty(ctx, actor, req.countyId, 'school_research.review');
  const rules = await yearRules(ctx, county.path, req.schoolYear);
  const ratio = req.ratio ?? rules.community.schoolBased.spotCheckRatio.value;
  const rule = rules.community.schoolBased.spotCheckRatio.ruleId;
  // a seed nobody chose: today's date and random bytes, shown and stored with the draw
  const seed = req.seed ?? `${dateOf(ctx.now())}-${randomBytes(4).toString('hex')}`;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const candidates = await ctx.repo.submittingSchools(county.id, req.schoolYear, trx);
    if (candidates.length === 0)
      throw new AppError(
        'CONFLICT',
        `${county.name}在 ${schoolYearLabel(req.schoolYear)}还没有学校提交校本研修方案，无可抽查的学校`,
        {
          ruleId: rule,
        },
      );
    const d = spotCheckDraw(candidates, ratio, seed, rule);
    const drawId = await ctx.repo.insertDraw(
      {
        county_id: county.id,
        school_year: req.schoolYear,
        semester: req.semester,
        ratio,
        seed,
        rule_id: rule,
        note: d.note,
        candidates,
        picks: d.picks,
        drawn_by: actor.accountId,
        drawn_at: ctx.now(),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.spot_check_draw',
        entity: 'school_research_draw',
        entityId: drawId,
        orgId: county.id,
        details: { ruleId: rule, ratio, seed, candidates: candidates.length, picks: d.picks },
      },
      trx,
    );
    return drawId;
  });
  const row = await ctx.repo.drawById(id);
  if (!row) throw new AppError('INTERNAL', '抽查记录未找到');
  const [view] = await views(ctx, [row]);
  if (!view) throw new AppError('INTERNAL', '抽查记录未找到');
  return view;
}

export async function listSpotChecks(
  ctx: SchoolResearchContext,
  actor: Actor,
  q: { countyId: string; schoolYear: string },
): Promise<SpotCheck[]> {
  const county = await loadCounty(ctx, actor, q.countyId, 'school_research.review');
  return views(ctx, await ctx.repo.drawsOf(county.id, q.schoolYear));
}

export async function recordSpotCheck(
  ctx: SchoolResearchContext,
  actor: Actor,
  drawId: string,
  schoolId: string,
  req: RecordSpotCheck,
): Promise<SpotCheck> {
  requirePermission(actor, 'school_research.review');
  const found = /^\d{1,19}$/.test(drawId) ? await ctx.repo.drawById(drawId) : undefined;
  const county = found ? await ctx.orgs.findById(found.county_id) : undefined;
  const draw = visibleOr404(
    found,
    () => county !== undefined && can(actor, 'school_research.read', county.path),
    '抽查记录',
  );
  if (county) requirePermission(actor, 'school_research.review', county.path);
  if (!draw.picks.includes(schoolId)) throw notFound('抽中的学校');
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.upsertCheck(
      {
        county_id: draw.county_id,
        draw_id: draw.id,
        school_id: schoolId,
        result: req.result,
        comment: req.comment,
        recorded_by: actor.accountId,
        recorded_at: ctx.now(),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.spot_check_result',
        entity: 'school_research_draw',
        entityId: draw.id,
        orgId: schoolId,
        details: { result: req.result, ruleId: draw.rule_id },
      },
      trx,
    );
  });
  const [view] = await views(ctx, [draw]);
  if (!view) throw new AppError('INTERNAL', '抽查记录未找到');
  return view;
}
