/**
 * The evaluation part of the demo (issue 14): the city's 项目县考核评估 over 清城 and 英德, as the city's officers,
 * the two counties and two experts would run it, through the evaluation service on the loader's clock. The city
 * first clones Rubric A (the 济源 template) into its own rubric, titled with the city's name, and runs both years on
 * it: the demo region's officers see their own city's standard, the template stays as it is in the library. Last
 * year's campaign is published (evidence, self-scores, two experts' sheets, an appeal upheld), so the
 * counties have a scorecard and the year-over-year has a year before; this year's is in scoring: 清城 has handed in
 * evidence and self-scores, the second expert has submitted both sheets and the demo `expert` login has saved
 * 清城's sheet half-way (its 评审任务 has work). Every live item Rubric A declares is bound (A2.2 to R3-B03's count of
 * the programme year's 少报/缺培/未结业/不符合遴选条件 person-times, A3.3 to the trainer team, …), and raters score
 * a unit with a suggestion at the suggestion. Every date is a script date (as-of.ts) moved to the
 * as-of, all before it.
 */
import type { CampaignDetail } from '@yanxun/contracts';
import { RUBRIC_A, rubricUnits } from '@yanxun/core';
import type { Database } from '../db/database';
import { createServices, type Services } from '../services';
import type { Actor } from '../shared/actor';
import { renderPdf } from '../shared/pdf';
import type { DemoCalendar } from './as-of';
import type { DemoClock } from './demo-clock';
import { DEMO_SERVICES_CONFIG } from './load-programmes';
import { type DemoProgrammeAccount, demoActorOf } from './programmes/context';

export interface DemoEvaluationLoaded {
  campaigns: number;
}

const UNITS = rubricUnits(RUBRIC_A).units;

/** A one-page PDF that reads as the document it is named after. */
async function evidencePdf(title: string, lines: string[]): Promise<Buffer> {
  return renderPdf({
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
      ...lines.map((l) => ({ text: l })),
    ],
    defaultStyle: { fontSize: 11 },
  });
}

/** A rater's score for a unit: between 70 % and 100 % of its points in half points, varied by rater and subject. */
function scoreOf(unitIndex: number, max: number, salt: number): number {
  const f = 0.7 + (((unitIndex * 7 + salt * 5) % 7) / 6) * 0.3;
  return Math.round(max * f * 2) / 2;
}

interface Cast {
  s: Services;
  /** The city's own copy of Rubric A ('rubric:<id>'), made once so both years share its lineage. */
  rubricRef: string;
  at: (scriptDay: string, time?: string) => Promise<void>;
  city: Actor;
  counties: { actor: Actor; orgId: string; name: string }[];
  experts: Actor[];
}

async function score(
  c: Cast,
  rater: Actor,
  subjectId: string,
  salt: number,
  submit: boolean,
  upTo = UNITS.length,
) {
  const sheet = await c.s.evaluation.sheet(rater, subjectId);
  const units: Record<string, { score: number; adjustReason?: string }> = {};
  UNITS.slice(0, upTo).forEach((u, i) => {
    const live = sheet.live.find((l) => l.unitId === u.id);
    units[u.id] =
      live && live.suggested !== null ? { score: live.suggested } : { score: scoreOf(i, u.max, salt) };
  });
  await c.s.evaluation.saveSheet(rater, subjectId, {
    units,
    vetoes: {},
    ...(submit ? { comment: '材料齐全，总体达到项目县要求。' } : {}),
  });
  if (submit) await c.s.evaluation.submitSheet(rater, subjectId);
}

async function handIn(c: Cast, county: Cast['counties'][number], subjectId: string, year: number) {
  const docs: Array<[string, string, string[]]> = [
    [
      'A1.1',
      `${county.name}${year} 年教师培训工作领导小组文件`,
      ['成立教师培训工作领导小组，局长任组长。', '明确教师发展中心、人事股、财务股职责分工。'],
    ],
    [
      'A2.2',
      `${county.name}${year} 年国培计划参训学员遴选工作总结`,
      ['按名额分配方案完成遴选，学员名单经学校、教育局两级审核。', '附：参训学员名单及资格审核表。'],
    ],
  ];
  for (const [unitId, title, lines] of docs) {
    if (!UNITS.some((u) => u.id === unitId)) continue;
    await c.s.evaluation.uploadEvidence(county.actor, subjectId, unitId, {
      name: `${title}.pdf`,
      content: await evidencePdf(title, lines),
    });
  }
  await c.s.evaluation.saveSelfScores(county.actor, subjectId, {
    scores: Object.fromEntries(UNITS.map((u, i) => [u.id, scoreOf(i, u.max, 3)])),
  });
}

async function campaign(c: Cast, year: number, scriptDay: string): Promise<CampaignDetail> {
  await c.at(scriptDay);
  // every live item the rubric declares for a county (R3-B03 on A2.2, R3-P01/P02 on A3.3, …), as the page ticks them
  const rubric = (await c.s.evaluation.listRubrics(c.city)).find((r) => r.ref === c.rubricRef);
  const bindings = (rubric?.liveBindings ?? []).filter((b) => b.metric.subjectKinds.includes('county'));
  const created = await c.s.evaluation.createCampaign(c.city, {
    ownerOrgId: c.city.grants[0]?.orgId ?? '',
    name: `${year} 年度国培计划项目县考核评估`,
    year,
    subjectKind: 'county',
    rubricRef: c.rubricRef,
    normalisation: 'item_points',
    appealDays: 5,
    subjects: c.counties.map((k) => k.orgId),
    metricBindings: Object.fromEntries(bindings.map((b) => [b.unitId, b.metric.key])),
  });
  await c.s.evaluation.assignRaters(c.city, created.id, {
    assignments: created.subjects.map((x) => ({
      subjectId: x.id,
      usernames: c.experts.map((e) => e.username),
    })),
  });
  return c.s.evaluation.advance(c.city, created.id, { to: 'open' });
}

const subjectOf = (d: CampaignDetail, orgId: string) => d.subjects.find((x) => x.refId === orgId)?.id ?? '';

/** Last year's campaign, run to publication (an appeal of 清城's upheld on the way). */
async function lastYear(c: Cast, year: number) {
  const d = await campaign(c, year, '2025-12-01');
  await c.at('2025-12-05', '10:00');
  for (const k of c.counties) await handIn(c, k, subjectOf(d, k.orgId), year);
  await c.at('2025-12-15');
  await c.s.evaluation.advance(c.city, d.id, { to: 'scoring' });
  await c.at('2025-12-22', '15:00');
  for (const [i, e] of c.experts.entries())
    for (const [j, k] of c.counties.entries()) await score(c, e, subjectOf(d, k.orgId), i * 2 + j, true);
  await c.at('2025-12-23');
  await c.s.evaluation.advance(c.city, d.id, { to: 'appeal' });
  const [qc] = c.counties;
  const unit = UNITS.find((u) => u.id === 'A1.1') ?? UNITS[0];
  if (qc && unit) {
    await c.at('2025-12-24', '11:00');
    await c.s.evaluation.fileAppeal(qc.actor, subjectOf(d, qc.orgId), {
      unitId: unit.id,
      reason: '领导小组文件已上传，专家评分时未见该佐证材料，请复核。',
    });
    await c.at('2025-12-26');
    const appeal = (await c.s.evaluation.campaign(c.city, d.id)).appeals[0];
    if (appeal)
      await c.s.evaluation.decideAppeal(c.city, appeal.id, {
        decision: 'uphold',
        newScore: unit.max,
        reason: '经复核，领导小组文件齐全，按满分计。',
      });
  }
  await c.at('2026-01-05');
  await c.s.evaluation.advance(c.city, d.id, { to: 'published' });
}

/** This year's campaign, in scoring: one expert done, the demo `expert` half-way through 清城. */
async function thisYear(c: Cast, year: number) {
  const d = await campaign(c, year, '2026-11-02');
  await c.at('2026-11-04', '10:00');
  const [qc] = c.counties;
  if (qc) await handIn(c, qc, subjectOf(d, qc.orgId), year);
  await c.at('2026-11-13');
  await c.s.evaluation.advance(c.city, d.id, { to: 'scoring' });
  const [expert, second] = c.experts;
  await c.at('2026-11-17', '16:00');
  if (second)
    for (const [j, k] of c.counties.entries()) await score(c, second, subjectOf(d, k.orgId), j + 1, true);
  if (expert && qc) await score(c, expert, subjectOf(d, qc.orgId), 0, false, Math.ceil(UNITS.length / 2));
}

/** The city's own rubric: Rubric A cloned before last year's campaign, titled with the city's name by the clone. */
async function cityRubric(s: Services, city: Actor): Promise<string> {
  const cloned = await s.evaluation.cloneRubric(city, {
    from: 'builtin:A',
    ownerOrgId: city.grants[0]?.orgId ?? '',
  });
  return cloned.ref;
}

export async function loadDemoEvaluation(
  db: Database,
  opts: { accounts: DemoProgrammeAccount[]; cal: DemoCalendar; clock: DemoClock },
): Promise<DemoEvaluationLoaded> {
  const acc = (u: string) => opts.accounts.find((a) => a.username === u);
  const [city, qingcheng, yingde, expert, expert2] = ['city', 'qingcheng', 'yingde', 'expert', 'expert2'].map(
    acc,
  );
  if (!city || !qingcheng || !yingde || !expert || !expert2) return { campaigns: 0 };
  const { cal, clock } = opts;
  const s = createServices(db, DEMO_SERVICES_CONFIG, clock.now);
  // every script day used is on or before 2026-11-17, a week before the anchor Monday: before any as-of
  const at: Cast['at'] = (scriptDay, time = '09:00') => clock.at(cal.day(scriptDay), time);
  await at('2025-11-24');
  const cityActor = demoActorOf(city);
  const c: Cast = {
    s,
    rubricRef: await cityRubric(s, cityActor),
    at,
    city: cityActor,
    counties: [qingcheng, yingde].map((a) => ({ actor: demoActorOf(a), orgId: a.org.id, name: a.org.name })),
    experts: [demoActorOf(expert), demoActorOf(expert2)],
  };
  await lastYear(c, cal.packYear - 1);
  await thisYear(c, cal.packYear);
  return { campaigns: 2 };
}
