/**
 * Each metric key's reading for one subject and year: the numbers in plain Chinese and a share of the unit's points
 * or counted deductions. Shares follow Y-EVAL-LIVE-SHARE: at or over the threshold 1, below it value ÷ threshold
 * (a rate against 100 % is the rate itself); two conditions of one unit (A3.3) count half each.
 */
import { PROJECT_COUNTY_KPI_TARGETS, percentCut, STUDIO_RATIO_MIN, yuanText } from '@yanxun/core';
import type { MetricReading, MetricSubject } from '../ports';
import type { MetricSources, TrainerTeam } from './definitions';

/** A percentage with at most one decimal: 0.895 → "89.5%", 0.9 → "90%". */
const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The share earned toward a threshold: 1 when met, else value ÷ threshold (0 for a threshold of 0 not met). */
const toward = (value: number, threshold: number, met: boolean) =>
  met ? 1 : threshold > 0 ? Math.max(0, Math.min(1, value / threshold)) : 0;

const county = (s: MetricSubject) => ({ id: s.refId, path: s.orgPath });

async function selectionQualityDeduction(src: MetricSources, s: MetricSubject, year: number) {
  const c = await src.selectionCounts(county(s), year);
  const total = c.underReported + c.missed + c.notCompleted + c.ineligible;
  return {
    detail: `${total} 人次：少报 ${c.underReported}、缺培 ${c.missed}、未结业 ${c.notCompleted}、不符合遴选条件 ${c.ineligible}（${year} 年 ${c.programmes} 个培训项目）`,
    deductions: [
      { reason: 'under_reported', count: c.underReported },
      { reason: 'missed_training', count: c.missed },
      { reason: 'not_completed', count: c.notCompleted },
      { reason: 'ineligible', count: c.ineligible },
    ],
    facts: {
      code: 'selection_quality_deduction',
      values: {
        total,
        underReported: c.underReported,
        missed: c.missed,
        notCompleted: c.notCompleted,
        ineligible: c.ineligible,
        year,
        programmes: c.programmes,
      },
    },
  };
}

/**
 * R3-B02 over the same counts as R3-B03: 选送率 = seats filled ÷ seats allotted, 参训率 = selected who came (not
 * 缺培) ÷ selected, 结业率 = those not recorded 未结业 ÷ those who came. The share is the lowest of the rates; a
 * deduction unit takes the person-times short of 100 % instead (−1 each, R3-B03).
 */
async function selectionRates(src: MetricSources, s: MetricSubject, year: number): Promise<MetricReading> {
  const c = await src.selectionCounts(county(s), year);
  const came = Math.max(0, c.selected - c.missed);
  const rates = [
    { label: '选送率', n: c.seats - c.underReported, d: c.seats },
    { label: '参训率', n: came, d: c.selected },
    { label: '结业率', n: Math.max(0, came - c.notCompleted), d: came },
  ];
  const known = rates.filter((r) => r.d > 0).map((r) => r.n / r.d);
  const words = rates
    .map((r) => `${r.label} ${r.d > 0 ? `${percent(r.n / r.d)}（${r.n}/${r.d}）` : '—'}`)
    .join('，');
  const targets = PROJECT_COUNTY_KPI_TARGETS;
  const target = Math.min(targets.arrivalRate?.value ?? 1, targets.completionRate?.value ?? 1);
  return {
    detail: `${words}（${year} 年 ${c.programmes} 个培训项目，目标均为 ${percent(target)}）`,
    deductions: [
      { reason: 'under_reported', count: c.underReported },
      { reason: 'missed_training', count: c.missed },
      { reason: 'not_completed', count: c.notCompleted },
    ],
    ...(known.length > 0 ? { share: toward(Math.min(...known), target, Math.min(...known) >= target) } : {}),
  };
}

/** R3-P01: the team's size toward its minimum. */
const sizeShare = (t: TrainerTeam) => toward(t.size, t.teamMin, t.size >= t.teamMin);

/** R3-P02: active members' share toward its minimum; met exactly at the line (45 of 50), compared in integers. */
function activeShare(t: TrainerTeam): number {
  if (t.size === 0) return 0;
  const met = t.active * 1000 >= Math.round(t.activeShareMin * 1000) * t.size;
  return toward(t.active / t.size, t.activeShareMin, met);
}

const teamWords = (t: TrainerTeam) =>
  `县级教师培训师队伍 ${t.size} 人（要求不少于 ${t.teamMin} 人，${t.size >= t.teamMin ? '达标' : '未达标'}）`;
const activeWords = (t: TrainerTeam, year: number) =>
  `${year} 年参与项目发挥作用 ${t.active} 人，占 ${t.size > 0 ? percent(t.active / t.size) : '—'}（要求不低于 ${percent(t.activeShareMin)}，${activeShare(t) >= 1 ? '达标' : '未达标'}）`;

async function trainerReading(
  key: 'trainer_team' | 'trainer_team_size' | 'trainer_active_share',
  src: MetricSources,
  s: MetricSubject,
  year: number,
): Promise<MetricReading> {
  const t = await src.trainerTeam(county(s), year);
  const asOf = `（${t.asOf} 在聘）`;
  if (key === 'trainer_team_size') return { detail: `${teamWords(t)}${asOf}`, share: sizeShare(t) };
  if (key === 'trainer_active_share')
    return { detail: `${activeWords(t, year)}，队伍 ${t.size} 人${asOf}`, share: activeShare(t) };
  return {
    detail: `${teamWords(t)}；${activeWords(t, year)}${asOf}`,
    share: (sizeShare(t) + activeShare(t)) / 2,
  };
}

/** R3-B01: 三名 studios against ⌈10 % × backbone staff⌉; no share without any backbone teacher on record. */
async function studioRatio(src: MetricSources, s: MetricSubject, year: number): Promise<MetricReading> {
  const [{ studios }, backbone] = await Promise.all([
    src.threeNameStudios(s.orgPath, year),
    src.backboneCount(s.orgPath),
  ]);
  const min = STUDIO_RATIO_MIN.value;
  const needed = Math.ceil(Math.round(backbone * min * 1e6) / 1e6);
  const n = studios.length;
  if (backbone === 0)
    return { detail: `“三名”工作室 ${n} 个；未登记骨干教师，无法计算比例（要求不低于 ${percent(min)}）` };
  return {
    detail: `“三名”工作室 ${n} 个，参训骨干 ${backbone} 人，比例 ${percent(n / backbone)}（要求不低于 ${percent(min)}，即至少 ${needed} 个，${n >= needed ? '达标' : '未达标'}）`,
    share: toward(n, needed, n >= needed),
  };
}

/** R3-B07: a studio's teachers led toward 5; a county's share of its 三名 studios that led 5 or more. */
async function studioReach(
  src: MetricSources,
  s: MetricSubject,
  year: number,
): Promise<MetricReading | undefined> {
  if (s.kind === 'studio') {
    const r = await src.studioReach(s.refId, year);
    if (!r) return undefined;
    return {
      detail: `${year} 年引领教师 ${r.led} 名（要求至少 ${r.ledMin} 名，${r.led >= r.ledMin ? '达标' : '未达标'}）`,
      share: toward(r.led, r.ledMin, r.led >= r.ledMin),
    };
  }
  const { studios, ledMin } = await src.threeNameStudios(s.orgPath, year);
  if (studios.length === 0) return { detail: `${year} 年无“三名”工作室` };
  const met = studios.filter((x) => x.led >= ledMin);
  const short = studios.filter((x) => x.led < ledMin).map((x) => `${x.name} ${x.led} 名`);
  return {
    detail: `${year} 年“三名”工作室 ${studios.length} 个，引领教师达到 ${ledMin} 名的 ${met.length} 个${short.length > 0 ? `；未达到：${short.join('、')}` : ''}`,
    share: met.length / studios.length,
  };
}

async function workshopActivities(
  src: MetricSources,
  s: MetricSubject,
  year: number,
): Promise<MetricReading> {
  const a = await src.communityActivities(s.refId, `${year}-01-01`, `${year + 1}-01-01`);
  const share = a.planned > 0 ? Math.min(1, a.held / a.planned) : a.held > 0 ? 1 : 0;
  return { detail: `${year} 年计划研修活动 ${a.planned} 次，已开展 ${a.held} 次`, share };
}

/**
 * R3-B09: a school's training budget toward 5 % of its public-funds budget and its use toward 90 %, half each (as
 * A3.3); no record is numbers-free and suggests nothing. A county: the share of its schools meeting both (a school
 * without a record does not).
 */
async function schoolTrainingBudget(
  src: MetricSources,
  s: MetricSubject,
  year: number,
): Promise<MetricReading> {
  if (s.kind === 'county') {
    const c = await src.countyTrainingBudgets(s.orgPath, year);
    if (c.schools === 0) return { detail: `${year} 年无学校` };
    return {
      detail: `${year} 年学校 ${c.schools} 所，填报教师培训经费 ${c.entered} 所，两项均达标 ${c.metBoth} 所（占 ${percentCut(c.metBoth / c.schools)}）`,
      share: c.metBoth / c.schools,
    };
  }
  const b = await src.schoolTrainingBudget(s.refId, year);
  if (!b) return { detail: '本年度未填报教师培训经费' };
  const met = (ok: boolean) => (ok ? '达标' : '未达标');
  return {
    detail: `${year} 年公用经费预算 ${yuanText(b.publicFundsFen)}，教师培训经费 ${yuanText(b.budgetFen)}（占 ${percentCut(b.budgetShare)}，要求不低于 ${percentCut(b.shareMin)}，${met(b.budgetMet)}）；已使用 ${yuanText(b.usedFen)}（使用率 ${b.useShare === null ? '—' : percentCut(b.useShare)}，要求不低于 ${percentCut(b.useMin)}，${met(b.useMet)}）`,
    share: (toward(b.budgetShare, b.shareMin, b.budgetMet) + toward(b.useShare ?? 0, b.useMin, b.useMet)) / 2,
  };
}

/** The reading of a key for a subject of a kind it applies to; undefined otherwise. */
export async function readMetric(
  src: MetricSources,
  key: string,
  s: MetricSubject,
  year: number,
): Promise<MetricReading | undefined> {
  const isCounty = s.kind === 'county';
  if (key === 'selection_quality_deduction' && isCounty) return selectionQualityDeduction(src, s, year);
  if (key === 'selection_rates' && isCounty) return selectionRates(src, s, year);
  if ((key === 'trainer_team' || key === 'trainer_team_size' || key === 'trainer_active_share') && isCounty)
    return trainerReading(key, src, s, year);
  if (key === 'studio_ratio' && isCounty) return studioRatio(src, s, year);
  if (key === 'studio_reach' && (isCounty || s.kind === 'studio')) return studioReach(src, s, year);
  if (key === 'workshop_activities' && (s.kind === 'workshop' || s.kind === 'studio'))
    return workshopActivities(src, s, year);
  if (key === 'school_training_budget' && (s.kind === 'school' || isCounty))
    return schoolTrainingBudget(src, s, year);
  return undefined;
}
