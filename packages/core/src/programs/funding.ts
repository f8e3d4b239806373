/**
 * Budgets from a pack's funding standards (R-004-22 … R-004-24), in fen. Each line names the rule, the
 * quantity and the unit rate, so a budget explains itself.
 */
import {
  findProjectType,
  findTrack,
  type PolicyPack,
  type ProjectType,
  totalCentralizedDays,
  totalOnlineTenths,
} from './policy-pack';

export interface BudgetLine {
  ruleId: string;
  label: string;
  /** Days, 学时 or studios. */
  quantity: number;
  unit: '人天' | '学时' | '个';
  unitFen: number;
  /** How many people (1 for per-person lines and studio lines). */
  people: number;
  amountFen: number;
}

export interface Budget {
  lines: BudgetLine[];
  totalFen: number;
}

function requireType(pack: PolicyPack, code: string): ProjectType {
  const type = findProjectType(pack, code);
  if (!type) throw new RangeError(`政策包 ${pack.id} 中没有项目类型"${code}"`);
  return type;
}

/** Tenths of 学时 × fen per 学时, rounded half up to whole fen. */
function onlineFen(tenths: number, fenPerHour: number): number {
  return Math.floor((tenths * fenPerHour + 5) / 10);
}

function trackLines(pack: PolicyPack, type: ProjectType, trackCode: string, people: number): BudgetLine[] {
  const track = findTrack(type, trackCode);
  if (!track) throw new RangeError(`项目类型"${type.name}"中没有参训对象类别"${trackCode}"`);
  const lines: BudgetLine[] = [];
  const days = totalCentralizedDays(type, track);
  if (days > 0) {
    const rate = pack.funding.centralizedPerPersonDayFen;
    lines.push({
      ruleId: rate.ruleId,
      label: `${track.name}集中培训`,
      quantity: days,
      unit: '人天',
      unitFen: rate.value,
      people,
      amountFen: days * rate.value * people,
    });
  }
  const tenths = totalOnlineTenths(type, track);
  if (tenths > 0) {
    const rate = pack.funding.onlinePerPersonHourFen;
    lines.push({
      ruleId: rate.ruleId,
      label: `${track.name}网络研修`,
      quantity: tenths / 10,
      unit: '学时',
      unitFen: rate.value,
      people,
      amountFen: onlineFen(tenths, rate.value) * people,
    });
  }
  return lines;
}

function sum(lines: BudgetLine[]): Budget {
  return { lines, totalFen: lines.reduce((s, l) => s + l.amountFen, 0) };
}

/** The standard cost of one person of a track: centralised days × day rate + online 学时 × hour rate. */
export function costPerTrainee(pack: PolicyPack, projectTypeCode: string, trackCode?: string): Budget {
  const type = requireType(pack, projectTypeCode);
  const track = findTrack(type, trackCode);
  if (!track) throw new RangeError(`项目类型"${type.name}"中没有参训对象类别"${trackCode ?? ''}"`);
  return sum(trackLines(pack, type, track.code, 1));
}

/**
 * The standard budget of a project: people per track × the per-person cost, plus the studio subsidy for
 * each subsidised studio (R-004-24).
 */
export function projectBudget(
  pack: PolicyPack,
  projectTypeCode: string,
  plan: { people: Record<string, number>; studios?: number },
): Budget {
  const type = requireType(pack, projectTypeCode);
  const lines: BudgetLine[] = [];
  for (const [trackCode, people] of Object.entries(plan.people)) {
    if (!Number.isSafeInteger(people) || people < 0)
      throw new RangeError(`people of ${trackCode} must be ≥ 0: ${people}`);
    lines.push(...trackLines(pack, type, trackCode, people));
  }
  const studios = plan.studios ?? 0;
  if (!Number.isSafeInteger(studios) || studios < 0) throw new RangeError(`studios must be ≥ 0: ${studios}`);
  const subsidised = type.studios.find((s) => s.value.subsidised);
  if (studios > 0 && subsidised) {
    const rate = pack.funding.studioSubsidyFen;
    lines.push({
      ruleId: rate.ruleId,
      label: `${subsidised.value.name}"师带徒"工作补助`,
      quantity: studios,
      unit: '个',
      unitFen: rate.value,
      people: 1,
      amountFen: studios * rate.value,
    });
  }
  return sum(lines);
}
