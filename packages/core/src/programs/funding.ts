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

/** What a budget line or a spending entry pays for: the three funding standards (R-004-22 … R-004-24). */
export const BUDGET_CATEGORY_CODES = ['centralized', 'online', 'studio'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORY_CODES)[number];

export const BUDGET_CATEGORIES: Array<{ code: BudgetCategory; name: string; nameEn: string }> = [
  { code: 'centralized', name: '集中培训', nameEn: 'Centralised training' },
  { code: 'online', name: '网络研修', nameEn: 'Online study' },
  { code: 'studio', name: '工作室"师带徒"工作补助', nameEn: 'Studio mentoring subsidy' },
];

export interface BudgetLine {
  category: BudgetCategory;
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
      category: 'centralized',
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
      category: 'online',
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
      category: 'studio',
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

/**
 * Studios a programme of `seats` people of a track needs: the subsidised studio structure of its project type
 * whose role is filled by that track (R-004-33: 10 backbone per 名师网络工作室; R-004-62: 10 trainers per
 * 培训专家工作室), ⌈seats ÷ that role's maximum⌉; 0 when the track fills no subsidised studio.
 */
export function studiosFor(
  pack: PolicyPack,
  projectTypeCode: string,
  trackCode: string,
  seats: number,
): { studios: number; ruleId?: string; perStudio?: number } {
  const type = requireType(pack, projectTypeCode);
  for (const s of type.studios) {
    if (!s.value.subsidised) continue;
    const role = s.value.roles.find((r) => r.trackCode === trackCode);
    if (role && role.max > 0) {
      return { studios: Math.ceil(seats / role.max), ruleId: s.ruleId, perStudio: role.max };
    }
  }
  return { studios: 0 };
}

/**
 * The standard budget of one programme: its seats on its track at the pack's standards (R-004-22/23) plus the
 * studio subsidy (R-004-24) for the studios its seats fill (`studiosFor`), unless a studio count is given.
 */
export function programmeBudget(
  pack: PolicyPack,
  programme: { projectTypeCode: string; trackCode: string; seats: number; studios?: number | undefined },
): Budget & { studios: number } {
  const studios =
    programme.studios ??
    studiosFor(pack, programme.projectTypeCode, programme.trackCode, programme.seats).studios;
  const b = projectBudget(pack, programme.projectTypeCode, {
    people: { [programme.trackCode]: programme.seats },
    studios,
  });
  return { ...b, studios };
}

export interface SpendingEntry {
  category: BudgetCategory;
  /** Fen; a negative amount reverses an earlier entry (refund or correction). */
  amountFen: number;
}

export interface CategoryComparison {
  category: BudgetCategory;
  /** Rule IDs of the budget lines of this category (R-004-22 …); the category's standard otherwise. */
  ruleIds: string[];
  budgetFen: number;
  actualFen: number;
  /** Budget − actual: negative when over budget. */
  varianceFen: number;
  /** Actual in basis points of the budget (10000 = 100 %); null when the budget is 0. */
  usedBasisPoints: number | null;
  overBudget: boolean;
}

export interface BudgetComparison {
  categories: CategoryComparison[];
  budgetFen: number;
  actualFen: number;
  varianceFen: number;
  overBudget: boolean;
  /** The rule over-budget flags name: 完善项目预决算…专款专用 (R-004-25). */
  ruleId: string;
}

/** Budget vs actual by category, in fen. A category is over budget when its actual exceeds its budget. */
export function compareSpending(
  pack: PolicyPack,
  budget: Budget,
  entries: SpendingEntry[],
): BudgetComparison {
  const standardRule: Record<BudgetCategory, string> = {
    centralized: pack.funding.centralizedPerPersonDayFen.ruleId,
    online: pack.funding.onlinePerPersonHourFen.ruleId,
    studio: pack.funding.studioSubsidyFen.ruleId,
  };
  const categories = BUDGET_CATEGORY_CODES.map((category): CategoryComparison => {
    const lines = budget.lines.filter((l) => l.category === category);
    const budgetFen = lines.reduce((s, l) => s + l.amountFen, 0);
    const actualFen = entries.filter((e) => e.category === category).reduce((s, e) => s + e.amountFen, 0);
    return {
      category,
      ruleIds: lines.length ? [...new Set(lines.map((l) => l.ruleId))] : [standardRule[category]],
      budgetFen,
      actualFen,
      varianceFen: budgetFen - actualFen,
      usedBasisPoints: budgetFen === 0 ? null : Math.floor((actualFen * 10_000) / budgetFen),
      overBudget: actualFen > budgetFen,
    };
  });
  const actualFen = categories.reduce((s, c) => s + c.actualFen, 0);
  return {
    categories,
    budgetFen: budget.totalFen,
    actualFen,
    varianceFen: budget.totalFen - actualFen,
    overBudget: categories.some((c) => c.overBudget),
    ruleId: 'R-004-25',
  };
}
