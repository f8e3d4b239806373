/**
 * Scoring one subject against a rubric: each scored unit from a raw score and/or counted deductions, each 一级
 * indicator, the total under the chosen normalisation, the grade band and the vetoes, every line saying how it was
 * reached. Points are whole tenths (Y-EVAL-ROUNDING): a score with a finer fraction, above its unit's points or
 * below 0 is refused, never clipped.
 */
import { type PolicyValue, pv } from '../programs/policy-value';
import { divHalfUp, fmt, fromTenths, tenthsOf } from './arithmetic';
import { declaredTotalOf } from './check';
import {
  type GradeBand,
  NORMALISATION_LABELS,
  type Normalisation,
  type Rubric,
  type RubricNode,
  type VetoRule,
} from './types';
import { rubricUnits, type ScoreUnit } from './units';

export interface UnitEntry {
  /** The rater's score for the unit; absent with deductions, the deductions start from the unit's points. */
  score?: number;
  /** Person-times per reason of the unit's deduction rule. */
  deductions?: readonly { reason: string; count: number }[];
}

export interface RubricEntry {
  units: Readonly<Record<string, UnitEntry | undefined>>;
  /** Per veto id: true when the condition the veto names was found (e.g. 违反师德现象). */
  vetoes?: Readonly<Record<string, boolean | undefined>>;
}

export interface ScoreOptions {
  /** The officer's choice; the rubric's default otherwise. */
  normalisation?: Normalisation;
  bands?: readonly GradeBand[];
  /** An unscored unit: refused (default) or counted as 0, e.g. for a self-evaluation in progress. */
  missing?: 'refuse' | 'zero';
}

export interface EntryProblem {
  code: string;
  message: string;
  unitId?: string;
  values: Record<string, unknown>;
}

export interface UnitLine {
  unitId: string;
  kind: ScoreUnit['kind'];
  title: string;
  sectionId: string;
  max: number;
  /** The rater's score, when given. */
  raw?: number;
  deductions: { reason: string; label: string; count: number; points: number }[];
  /** What the deductions took off before the floor. */
  deducted: number;
  floor?: number;
  score: number;
  missing: boolean;
  how: string;
  rules: string[];
}

export interface SectionLine {
  id: string;
  title: string;
  declared?: number;
  itemMax: number;
  /** The units' sum. */
  score: number;
  /** What counts towards the total: the sum, or under `declared` at most the declared points. */
  counted: number;
  capped: boolean;
  how: string;
}

export interface VetoLine {
  id: string;
  label: string;
  effect: VetoRule['effect'];
  enabled: boolean;
  triggered: boolean;
  rule: string;
}

export interface RubricScore {
  rubricId: string;
  version: string;
  normalisation: PolicyValue<Normalisation>;
  units: UnitLine[];
  sections: SectionLine[];
  /** The units' sum and their points. */
  itemScore: number;
  itemMax: number;
  /** The total under the normalisation, and its maximum. */
  score: number;
  max: number;
  /** score ÷ max × 100, one decimal, half up. */
  percent: number;
  band: GradeBand;
  vetoes: VetoLine[];
  how: string;
  rounding: string;
}

const ROUNDING = '分数按 0.1 分记录，加减不取舍；折算百分制与得分率各只在除法处保留一位小数（四舍五入）';

function unitProblems(
  unit: ScoreUnit,
  e: UnitEntry | undefined,
  missing: ScoreOptions['missing'],
): EntryProblem[] {
  const out: EntryProblem[] = [];
  const push = (code: string, message: string, values: Record<string, unknown>) =>
    out.push({ code, message, unitId: unit.id, values });
  if (!e || (e.score === undefined && (e.deductions ?? []).length === 0)) {
    if (missing !== 'zero') push('UNIT_NOT_SCORED', `「${unit.title}」尚未评分`, {});
    return out;
  }
  if (e.score !== undefined) {
    if (tenthsOf(e.score) === undefined)
      push('SCORE_PRECISION', `「${unit.title}」的得分最多一位小数：${e.score}`, { score: e.score });
    else if (e.score < 0)
      push('SCORE_BELOW_ZERO', `「${unit.title}」的得分不能低于 0 分`, { score: e.score });
    else if (e.score > unit.max)
      push('SCORE_ABOVE_MAX', `「${unit.title}」满分 ${fmt(unit.max)} 分，得分 ${fmt(e.score)} 超出`, {
        score: e.score,
        max: unit.max,
      });
  }
  for (const d of e.deductions ?? []) {
    if (!unit.deduction) {
      push('NO_DEDUCTION_RULE', `「${unit.title}」没有扣分规则，不能按人次扣分`, { reason: d.reason });
      continue;
    }
    if (!unit.deduction.reasons.some((r) => r.code === d.reason))
      push('DEDUCTION_REASON', `「${unit.title}」没有「${d.reason}」这一扣分情形`, { reason: d.reason });
    if (!Number.isInteger(d.count) || d.count < 0)
      push('DEDUCTION_COUNT', `扣分人次须为非负整数：${d.count}`, { reason: d.reason, count: d.count });
  }
  return out;
}

/** Every problem of an entry at once (for a form); `scoreRubric` refuses an entry that has any. */
export function checkEntry(rubric: Rubric, entry: RubricEntry, options: ScoreOptions = {}): EntryProblem[] {
  const { units, vetoes } = rubricUnits(rubric);
  const known = new Set(units.map((u) => u.id));
  const problems = units.flatMap((u) => unitProblems(u, entry.units[u.id], options.missing));
  for (const id of Object.keys(entry.units))
    if (!known.has(id))
      problems.push({
        code: 'UNKNOWN_UNIT',
        message: `评价标准中没有评分单元 ${id}`,
        unitId: id,
        values: {},
      });
  for (const id of Object.keys(entry.vetoes ?? {}))
    if (!vetoes.some((v) => v.id === id))
      problems.push({ code: 'UNKNOWN_VETO', message: `评价标准中没有否决项 ${id}`, values: { veto: id } });
  return problems;
}

function scoreUnit(unit: ScoreUnit, e: UnitEntry | undefined): UnitLine {
  const maxT = Math.round(unit.max * 10);
  const rules: string[] = [];
  const rawT = e?.score === undefined ? undefined : Math.round(e.score * 10);
  const deductions: UnitLine['deductions'] = [];
  for (const d of e?.deductions ?? []) {
    const label = unit.deduction?.reasons.find((r) => r.code === d.reason)?.label ?? d.reason;
    deductions.push({ reason: d.reason, label, count: d.count, points: unit.deduction?.points ?? 0 });
  }
  if (rawT === undefined && deductions.length === 0)
    return {
      unitId: unit.id,
      kind: unit.kind,
      title: unit.title,
      sectionId: unit.sectionId,
      max: unit.max,
      deductions,
      deducted: 0,
      score: 0,
      missing: true,
      how: '未评分，按 0 分计',
      rules,
    };
  let deductedT = 0;
  for (const d of deductions) deductedT += d.count * Math.round(d.points * 10);
  const startT = rawT ?? maxT;
  const floorT = unit.deduction?.floor === undefined ? undefined : Math.round(unit.deduction.floor * 10);
  let scoreT = startT - deductedT;
  if (floorT !== undefined && scoreT < floorT) scoreT = floorT;
  let how = rawT === undefined ? `满分 ${fmt(unit.max)}` : `评分 ${fmt(fromTenths(rawT))}`;
  if (unit.deduction && deductions.length > 0) {
    rules.push(unit.deduction.ruleId);
    const parts = deductions.map((d) => `${d.label} ${d.count} 人次`).join('、');
    how += ` − 扣分 ${fmt(fromTenths(deductedT))}（${parts}，每人次 ${fmt(unit.deduction.points)} 分）`;
    how += ` = ${fmt(fromTenths(startT - deductedT))}`;
    if (floorT !== undefined && startT - deductedT < floorT)
      how += `，扣至 ${fmt(fromTenths(floorT))} 分为止`;
  }
  if (unit.kind === 'indicator') rules.push('Y-EVAL-HOLISTIC');
  if (unit.kind === 'group') rules.push('Y-EVAL-MERGED');
  // built key by key (object spreads of optional keys made this the campaign scorecards' hot spot)
  const line: UnitLine = {
    unitId: unit.id,
    kind: unit.kind,
    title: unit.title,
    sectionId: unit.sectionId,
    max: unit.max,
    deductions,
    deducted: fromTenths(deductedT),
    score: fromTenths(scoreT),
    missing: false,
    how: `${how}；得 ${fmt(fromTenths(scoreT))} / ${fmt(unit.max)} 分`,
    rules,
  };
  if (rawT !== undefined) line.raw = fromTenths(rawT);
  if (unit.deduction?.floor !== undefined) line.floor = unit.deduction.floor;
  return line;
}

/** Each unit's line; throws a RangeError listing the entry's problems. */
export function scoreUnits(rubric: Rubric, entry: RubricEntry, options: ScoreOptions = {}): UnitLine[] {
  const problems = checkEntry(rubric, entry, options);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join('；'));
  return rubricUnits(rubric).units.map((u) => scoreUnit(u, entry.units[u.id]));
}

/** The band a percentage falls in: the highest `minPercent` it reaches. */
export function bandOf(percent: number, bands: readonly GradeBand[]): GradeBand {
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const band = sorted.find((b) => percent >= b.minPercent) ?? sorted[sorted.length - 1];
  if (!band) throw new RangeError('no grade bands');
  return band;
}

function lowestBand(bands: readonly GradeBand[]): GradeBand {
  return bandOf(Number.NEGATIVE_INFINITY, bands);
}

export function scoreRubric(rubric: Rubric, entry: RubricEntry, options: ScoreOptions = {}): RubricScore {
  const units = scoreUnits(rubric, entry, options);
  const { vetoes: vetoRules } = rubricUnits(rubric);
  const normalisation =
    options.normalisation === undefined
      ? rubric.normalisation
      : pv(options.normalisation, rubric.normalisation.ruleId, 'officer', '评价方案选定的计分方式');
  const bands = options.bands ?? rubric.bands.value;
  const mode = normalisation.value;
  const sumT = (xs: readonly number[]) => xs.reduce((s, x) => s + Math.round(x * 10), 0);

  const sections = rubric.nodes.map((node: RubricNode): SectionLine => {
    const mine = units.filter((u) => u.sectionId === node.id);
    const scoreT = sumT(mine.map((u) => u.score));
    const itemMaxT = sumT(mine.map((u) => u.max));
    const declaredT = node.points === undefined ? undefined : Math.round(node.points * 10);
    const capped = mode === 'declared' && declaredT !== undefined && scoreT > declaredT;
    const countedT = capped && declaredT !== undefined ? declaredT : scoreT;
    let how = `各项合计 ${fmt(fromTenths(scoreT))} / ${fmt(fromTenths(itemMaxT))} 分`;
    if (capped) how += `，按标注分值最多计 ${fmt(node.points ?? 0)} 分`;
    return {
      id: node.id,
      title: node.title ?? node.id,
      ...(node.points === undefined ? {} : { declared: node.points }),
      itemMax: fromTenths(itemMaxT),
      score: fromTenths(scoreT),
      counted: fromTenths(countedT),
      capped,
      how,
    };
  });

  const itemScoreT = sumT(units.map((u) => u.score));
  const itemMaxT = sumT(units.map((u) => u.max));
  let scoreT: number;
  let maxT: number;
  let how: string;
  if (mode === 'declared') {
    scoreT = sumT(sections.map((s) => s.counted));
    const declared = declaredTotalOf(rubric);
    maxT = declared === undefined ? itemMaxT : Math.round(declared * 10);
    how = `各一级指标计分合计 ${fmt(fromTenths(scoreT))} 分，满分按标注 ${fmt(fromTenths(maxT))} 分`;
  } else if (mode === 'scale_to_100') {
    if (itemMaxT === 0) throw new RangeError('满分为 0，无法折算');
    scoreT = divHalfUp(itemScoreT * 1000, itemMaxT);
    maxT = 1000;
    how = `${fmt(fromTenths(itemScoreT))} ÷ ${fmt(fromTenths(itemMaxT))} × 100 = ${fmt(fromTenths(scoreT))}（保留一位小数，四舍五入）`;
  } else {
    scoreT = itemScoreT;
    maxT = itemMaxT;
    how = `各项合计 ${fmt(fromTenths(scoreT))} 分，满分按各项分值合计 ${fmt(fromTenths(maxT))} 分`;
  }

  const vetoes: VetoLine[] = vetoRules.map((v) => ({
    id: v.id,
    label: v.label,
    effect: v.effect,
    enabled: v.enabled,
    triggered: entry.vetoes?.[v.id] === true,
    rule: v.ruleId,
  }));
  const applied = vetoes.filter((v) => v.enabled && v.triggered);
  if (applied.some((v) => v.effect === 'zero')) {
    scoreT = 0;
    how += `；否决项「${applied.map((v) => v.label).join('、')}」成立，总分计 0 分`;
  }
  const percentT = maxT === 0 ? 0 : divHalfUp(scoreT * 1000, maxT);
  let band = bandOf(fromTenths(percentT), bands);
  if (applied.length > 0) {
    band = lowestBand(bands);
    how += `；否决项「${applied.map((v) => v.label).join('、')}」成立，评为${band.label}`;
  }
  return {
    rubricId: rubric.id,
    version: rubric.version,
    normalisation,
    units,
    sections,
    itemScore: fromTenths(itemScoreT),
    itemMax: fromTenths(itemMaxT),
    score: fromTenths(scoreT),
    max: fromTenths(maxT),
    percent: fromTenths(percentT),
    band,
    vetoes,
    how: `${NORMALISATION_LABELS[mode]}：${how}；得分率 ${fmt(fromTenths(percentT))}%`,
    rounding: ROUNDING,
  };
}
