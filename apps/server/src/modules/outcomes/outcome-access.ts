/**
 * Shared by every area of the module: the rules of a class's programme (required outcomes, completion rules;
 * packages/core/src/completion), who reviews and runs completion, which trainees an actor sees, and the
 * teacher's own enrolment (R-004-16).
 */
import {
  allRequirements,
  type CompletionRules,
  completionRulesOf,
  OUTCOME_RULE_ENROLLED,
  type OutcomeRequirement,
  type OutcomeRequirementSet,
  type PolicyPack,
  requiredOutcomes,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import type { ClassRow } from '../classes';
import type { ProgrammeRef } from '../programs';
import type { OutcomesContext } from './context';

/** A class with its programme's pack and what the pack asks of its trainees. */
export interface ClassRules {
  c: ClassRow;
  programme: ProgrammeRef;
  pack: PolicyPack;
  rules: CompletionRules;
  sets: OutcomeRequirementSet[];
  requirements: OutcomeRequirement[];
}

export async function rulesOf(ctx: OutcomesContext, c: ClassRow): Promise<ClassRules> {
  const pp = await ctx.programs.programmeWithPack(c.programme_id);
  if (!pp) throw new AppError('INTERNAL', `项目 ${c.programme_id} 不存在`);
  const sets = requiredOutcomes(pp.pack, pp.programme.projectTypeCode, pp.programme.trackCode);
  return {
    c,
    programme: pp.programme,
    pack: pp.pack,
    rules: completionRulesOf(pp.pack),
    sets,
    requirements: allRequirements(sets),
  };
}

export function canReview(actor: Actor, c: ClassRow): boolean {
  return can(actor, 'outcome.review', c.provider_path) || can(actor, 'program.manage', c.owner_path);
}

export function canRun(actor: Actor, c: ClassRow): boolean {
  return can(actor, 'completion.run', c.provider_path) || can(actor, 'program.manage', c.owner_path);
}

/** Every teacher of the class, or only those under the actor's bureau scope (a county sees its own), or none. */
export function rowFilter(actor: Actor, c: ClassRow): ((orgPath: string) => boolean) | undefined {
  if (canReview(actor, c) || canRun(actor, c) || can(actor, 'program.read', c.owner_path)) return () => true;
  const roots = scopeOf(actor, 'program.read').filter((r) => r.startsWith(c.owner_path));
  return roots.length > 0 ? (p) => roots.some((r) => p.startsWith(r)) : undefined;
}

export async function loadClass(ctx: OutcomesContext, id: string): Promise<ClassRow> {
  const c = isId(id) ? await ctx.classes.classById(id) : undefined;
  if (!c) throw notFound('培训班');
  return c;
}

/** The teacher's own enrolment in the class: refused naming R-004-16 when there is none. */
export async function ownEnrolment(ctx: OutcomesContext, actor: Actor, classId: string) {
  const teacherId = actor.teacherId;
  if (!teacherId) throw forbidden('只有参训教师本人可以提交成果，请用教师账号登录');
  requirePermission(actor, 'outcome.submit');
  const c = await loadClass(ctx, classId);
  const [att] = (await ctx.classes.attendanceSummary(c.id, teacherId)).rows;
  if (!att) {
    throw new AppError('FORBIDDEN', `您不是"${c.name}"的学员，不能提交该班的成果`, {
      ruleId: OUTCOME_RULE_ENROLLED,
      classId: c.id,
    });
  }
  return { c, teacherId, enrolment: att };
}
