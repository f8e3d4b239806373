/**
 * A teacher's 学时 record: every posting with its reversal, what of each counts under the rules and why not the
 * rest (core's `evaluateLedger`: caps per day and school year), the balance, and where the teacher stands on each
 * requirement (a school year's minimums, the continuing-education cycle).
 */
import type {
  HourCategoryCode,
  HourSourceCode,
  HoursEntry,
  HoursStanding,
  TeacherHours,
} from '@yanxun/contracts';
import {
  DEFAULT_HOUR_RULES,
  evaluateLedger,
  groupOf,
  type HourCategory,
  type HourRules,
  type HourSource,
  type LedgerEntry,
  type LedgerEvaluation,
  type LedgerLine,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { requirePermission, scopeOf } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import type { HoursContext } from './context';
import type { EntryRow } from './ledger.repository';

function toLedgerEntry(r: EntryRow): LedgerEntry {
  return {
    id: r.id,
    teacherId: r.teacher_id,
    amountTenths: r.amount_tenths,
    category: r.category as HourCategory,
    occurredOn: r.occurred_on,
    schoolYear: r.school_year,
    source: r.source as HourSource,
    ruleId: r.rule_id,
    reversesId: r.reverses_id,
    postedAt: r.posted_at.toISOString(),
    days: r.days,
  };
}

function toEntry(r: EntryRow, line: LedgerLine | undefined, reversal: EntryRow | undefined): HoursEntry {
  const over = line?.kind === 'entry' && line.notCountedTenths > 0 ? line : undefined;
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    classId: r.class_id,
    hoursTenths: r.amount_tenths,
    category: r.category as HourCategoryCode,
    schoolYear: r.school_year,
    occurredOn: r.occurred_on,
    source: r.source as HourSourceCode,
    ruleId: r.rule_id,
    postedAt: r.posted_at.toISOString(),
    reversedAt: reversal?.posted_at.toISOString() ?? null,
    reverseReason: reversal?.reason ?? null,
    countedTenths: line?.countedTenths ?? 0,
    notCounted:
      over?.reason && over.message
        ? {
            tenths: over.notCountedTenths,
            message: over.message,
            ruleId: over.reason.ruleId,
            values: over.reason.values,
            reasons: over.reasons,
          }
        : null,
  };
}

function toStanding(e: LedgerEvaluation): HoursStanding {
  const { cycle } = e;
  return {
    asOf: e.asOf,
    cycle: {
      schoolYears: cycle.schoolYears,
      firstDay: cycle.firstDay,
      lastDay: cycle.lastDay,
      targetTenths: cycle.targetTenths,
      targetRuleId: cycle.targetRuleId,
      countedTenths: cycle.countedTenths,
      behindTenths: cycle.behindTenths,
      expectedTenths: cycle.expectedTenths,
      onTrack: cycle.onTrack,
      onTrackRuleId: cycle.onTrackRuleId,
      shortOfExpectedTenths: cycle.shortOfExpectedTenths,
      elapsedYears: cycle.elapsedYears,
      message: cycle.message,
    },
    requirements: e.requirements.map((r) => ({ ...r, category: r.category as HourCategoryCode | null })),
    years: e.byYear.map((y) => ({
      schoolYear: y.schoolYear,
      countedTenths: y.countedTenths,
      notCountedTenths: y.notCountedTenths,
      categories: e.byYearCategory
        .filter((c) => c.schoolYear === y.schoolYear)
        .map((c) => ({
          category: c.category as HourCategoryCode,
          countedTenths: c.countedTenths,
          notCountedTenths: c.notCountedTenths,
        })),
    })),
  };
}

/** The 学时 rules in force for the teacher's unit (an unknown teacher: the defaults). */
async function rulesOfTeacher(ctx: HoursContext, teacherId: string, on: string): Promise<HourRules> {
  const card = await ctx.people.cardOf(teacherId);
  return card ? ctx.rulesFor(card.orgPath, on) : DEFAULT_HOUR_RULES;
}

/**
 * Every posting of a teacher, evaluated (no authorization: for modules that decided already). `rolesHeld` when the
 * caller has read the teacher already; else they are read here.
 */
export async function hoursOf(
  ctx: HoursContext,
  teacherId: string,
  canReverse: boolean,
  rolesHeld?: string[],
): Promise<TeacherHours> {
  const asOf = dateOf(ctx.now());
  const [rows, roles, rules] = await Promise.all([
    ctx.repo.entriesOf(teacherId),
    rolesHeld ?? ctx.people.rolesOf(teacherId),
    rulesOfTeacher(ctx, teacherId, asOf),
  ]);
  const evaluation = evaluateLedger(rows.map(toLedgerEntry), rules, {
    asOf,
    group: groupOf(rules, roles) || undefined,
  });
  const lineOf = new Map(evaluation.lines.map((l) => [l.entry.id, l]));
  const reversalOf = new Map(rows.filter((r) => r.reverses_id).map((r) => [r.reverses_id as string, r]));
  const postings = rows
    .filter((r) => !r.reverses_id)
    .reverse()
    .map((r) => toEntry(r, lineOf.get(r.id), reversalOf.get(r.id)));
  return {
    teacherId,
    totalTenths: evaluation.balance,
    entries: postings,
    standing: toStanding(evaluation),
    canReverse,
  };
}

/**
 * A teacher's hours record, for staff who may read the teacher (the people module decides who) and for the
 * teacher themself (their own profile shows the same card).
 */
export async function teacherHours(
  ctx: HoursContext,
  actor: Actor,
  teacherId: string,
): Promise<TeacherHours> {
  if (actor.teacherId === null || actor.teacherId !== teacherId) requirePermission(actor, 'hours.read');
  const t = await ctx.people.detail(actor, teacherId);
  return hoursOf(ctx, t.id, scopeOf(actor, 'hours.reverse').length > 0, t.rolesHeld);
}
