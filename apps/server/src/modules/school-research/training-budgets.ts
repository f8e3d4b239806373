/**
 * 学校教师培训经费 (R3-B09): the school's annual record of its public-funds budget, its teachers' training budget and
 * what was used on the teachers' training (fen, per budget year = calendar year). The school's admin enters it for
 * its own school; the 进修学校 and bureaus above read and correct it; every write is audited with before and after.
 * Short of 5 % or of 90 % used is shown as core's findings, never refused.
 */
import type {
  SchoolTrainingBudget,
  TrainingBudget,
  TrainingBudgetInput,
  TrainingBudgetList,
} from '@yanxun/contracts';
import { type CommunityRules, checkTrainingBudget, trainingBudgetRulesOf } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { forbidden } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import type { SchoolResearchContext } from './context';
import { loadSchool } from './school-access';
import type { TrainingBudgetRow } from './training-budgets.repository';

/** The rules in force for the year: on its last day, or today while it runs. */
async function rulesFor(ctx: SchoolResearchContext, orgPath: string, year: number): Promise<CommunityRules> {
  const today = dateOf(ctx.now());
  const last = `${year}-12-31`;
  return (await ctx.rules.rulesIn(orgPath, last < today ? last : today)).community;
}

function toView(row: TrainingBudgetRow, schoolName: string, rules?: CommunityRules): TrainingBudget {
  const s = checkTrainingBudget(
    { publicFundsFen: row.public_funds_fen, budgetFen: row.budget_fen, usedFen: row.used_fen },
    rules,
  );
  return {
    schoolId: row.school_id,
    schoolName,
    year: row.year,
    publicFundsFen: row.public_funds_fen,
    budgetFen: row.budget_fen,
    usedFen: row.used_fen,
    note: row.note,
    budgetShare: s.budgetShare,
    useShare: s.useShare,
    budgetMet: s.budgetMet,
    useMet: s.useMet,
    shareMin: s.shareMin,
    useMin: s.useMin,
    rule: s.rule,
    findings: s.findings.map((f) => ({
      ...(f.code === undefined ? {} : { code: f.code }),
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      values: f.values,
    })),
    updatedAt: row.updated_at.toISOString(),
  };
}

const mayEdit = (actor: Actor, path: string) =>
  can(actor, 'school_research.submit', path) || can(actor, 'school_research.review', path);

/** A school's record of a year (none yet is `record: null`), with the values in force. */
export async function schoolTrainingBudget(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  year: number,
): Promise<SchoolTrainingBudget> {
  const school = await loadSchool(ctx, actor, schoolId);
  const [row, rules] = await Promise.all([
    ctx.budgets.budgetOf(school.countyId, school.id, year),
    rulesFor(ctx, school.path, year),
  ]);
  const { shareMin, useMin } = trainingBudgetRulesOf(rules);
  return {
    schoolId: school.id,
    schoolName: school.name,
    year,
    record: row ? toView(row, school.name, rules) : null,
    canEdit: mayEdit(actor, school.path),
    shareMin: shareMin.value,
    useMin: useMin.value,
  };
}

/** The school enters its year, or the county above corrects it: audited with the before and after. */
export async function saveTrainingBudget(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  year: number,
  input: TrainingBudgetInput,
): Promise<TrainingBudget> {
  const school = await loadSchool(ctx, actor, schoolId);
  if (!mayEdit(actor, school.path)) throw forbidden('无权填报或更正该校的教师培训经费');
  const rules = await rulesFor(ctx, school.path, year);
  const at = ctx.now();
  const after = {
    publicFundsFen: input.publicFundsFen,
    budgetFen: input.budgetFen,
    usedFen: input.usedFen,
    note: input.note ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await ctx.budgets.budgetOf(school.countyId, school.id, year, trx, true);
    await ctx.budgets.upsert(
      {
        county_id: school.countyId,
        school_id: school.id,
        year,
        org_path: school.path,
        public_funds_fen: after.publicFundsFen,
        budget_fen: after.budgetFen,
        used_fen: after.usedFen,
        note: after.note,
        by: actor.accountId,
        at,
      },
      trx,
    );
    const standing = checkTrainingBudget(after, rules);
    await ctx.audit.record(
      actor,
      {
        action: before ? 'school_research.training_budget.correct' : 'school_research.training_budget.enter',
        entity: 'org',
        entityId: school.id,
        orgId: school.id,
        details: {
          year,
          ruleId: standing.rule,
          before: before
            ? {
                publicFundsFen: before.public_funds_fen,
                budgetFen: before.budget_fen,
                usedFen: before.used_fen,
                note: before.note,
              }
            : null,
          after,
          findings: standing.findings.map((f) => f.message),
        },
      },
      trx,
    );
  });
  const row = await ctx.budgets.budgetOf(school.countyId, school.id, year);
  if (!row) throw new Error('the training budget just saved is missing');
  return toView(row, school.name, rules);
}

/** The records of a year in the reader's scope (a county's schools for its 进修学校 and bureau), with their flags. */
export async function listTrainingBudgets(
  ctx: SchoolResearchContext,
  actor: Actor,
  year: number,
): Promise<TrainingBudgetList> {
  const roots = requirePermission(actor, 'school_research.read');
  const rows = await ctx.budgets.budgetsUnder(roots, year);
  // the rules in force per county (packs are set per region), read once each
  const pathOfCounty = new Map(rows.map((r) => [r.county_id, r.org_path]));
  const [schools, ...perCounty] = await Promise.all([
    ctx.orgs.findByIds([...new Set(rows.map((r) => r.school_id))]),
    ...[...pathOfCounty.values()].map((path) => rulesFor(ctx, path, year)),
  ]);
  const rulesOf = new Map([...pathOfCounty.keys()].map((c, i) => [c, perCounty[i]]));
  const names = new Map(schools.map((o) => [o.id, o.name]));
  const items = rows.map((r) => toView(r, names.get(r.school_id) ?? r.school_id, rulesOf.get(r.county_id)));
  return { year, items, metBoth: items.filter((i) => i.budgetMet && i.useMet).length };
}

/**
 * Actor-less: a school's record of a year with its standing, for the evaluation module's live item (R3-B09),
 * which authorizes; undefined for an unknown school or a year without a record.
 */
export async function trainingBudgetOf(
  ctx: SchoolResearchContext,
  schoolId: string,
  year: number,
): Promise<TrainingBudget | undefined> {
  const school = /^\d{1,19}$/.test(schoolId) ? await ctx.orgs.findById(schoolId) : undefined;
  if (school?.kind !== 'school' || !school.county_id) return undefined;
  const row = await ctx.budgets.budgetOf(school.county_id, school.id, year);
  if (!row) return undefined;
  return toView(row, school.name, await rulesFor(ctx, school.path, year));
}

/**
 * Actor-less: a county's schools against R3-B09 in a year — how many schools it has, how many entered a record and
 * how many meet both conditions — for the evaluation module's live item on a county subject.
 */
export async function countyTrainingBudgets(
  ctx: SchoolResearchContext,
  countyPath: string,
  year: number,
): Promise<{ schools: number; entered: number; metBoth: number }> {
  const [schools, rows] = await Promise.all([
    ctx.orgs.schoolCount(countyPath),
    ctx.budgets.budgetsUnder([countyPath], year),
  ]);
  const rules = rows[0] ? await rulesFor(ctx, rows[0].org_path, year) : undefined;
  const metBoth = rows.filter((r) => {
    const s = checkTrainingBudget(
      { publicFundsFen: r.public_funds_fen, budgetFen: r.budget_fen, usedFen: r.used_fen },
      rules,
    );
    return s.budgetMet && s.useMet;
  }).length;
  return { schools, entered: rows.length, metBoth };
}
