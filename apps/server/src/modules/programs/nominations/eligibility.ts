import type { EligibilityRequest } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import {
  type BackboneLevel,
  type EligibilityCandidate,
  type EligibilityResult,
  evaluateEligibility,
  type IntegrityKind,
  type LocationType,
  MEMBERSHIP_PRIORITY_CODES,
  type PolicyPack,
  resolveReferenceDate,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme, packOf } from '../programme-access';
import type { ProgrammeRow } from '../programmes/programmes.repository';
import type { CandidateRow } from './candidates.repository';

/** A teacher row as core's evaluateEligibility reads it, with what the caller knows besides. */
export function toCandidate(
  t: CandidateRow,
  extra: {
    enrolments?: EligibilityCandidate['enrolments'];
    integrity?: Array<{ id: string; kind: string; record_date: string; standing: boolean }>;
    attestations?: string[] | undefined;
    flags?: string[] | undefined;
  },
): EligibilityCandidate {
  return {
    birthDate: t.birth_date,
    teachingStartDate: t.teaching_start_date,
    trainingStartYear: t.training_start_year,
    backbone: t.backbone as BackboneLevel | null,
    rolesHeld: t.roles_held,
    title: t.title,
    stage: t.stage,
    schoolLocationType: t.location_type as LocationType | null,
    enrolments: extra.enrolments ?? [],
    integrityRecords: (extra.integrity ?? []).map((r) => ({
      id: r.id,
      date: r.record_date,
      kind: r.kind as IntegrityKind,
      standing: r.standing,
    })),
    attestations: extra.attestations ?? [],
    flags: extra.flags ?? [],
  };
}

/** A teacher the actor may nominate (404 otherwise). */
export async function loadCandidate(
  ctx: ProgramsContext,
  actor: Actor,
  teacherId: string,
): Promise<CandidateRow> {
  const t = isId(teacherId) ? await ctx.repo.findCandidate(teacherId) : undefined;
  if (!t || !can(actor, 'nomination.write', t.org_path)) throw notFound('教师');
  return t;
}

/**
 * Core's evaluateEligibility for one teacher and programme, the reference date from the pack's setting
 * (R-004-56), with the overlap and integrity data from the database. A reason passes the failed soft rules.
 */
export async function evaluate(
  ctx: ProgramsContext,
  actor: Actor,
  p: ProgrammeRow,
  pack: PolicyPack,
  t: CandidateRow,
  req: {
    attestations?: string[] | undefined;
    flags?: string[] | undefined;
    overrideReason?: string | undefined;
  },
): Promise<EligibilityResult> {
  const [enrolments, integrity, memberships] = await Promise.all([
    ctx.repo.enrolmentsOf(t.id, p.id),
    ctx.repo.integrityOf(t.id),
    ctx.memberships(t.id),
  ]);
  // membership priorities come from the records (R3-W12, R3-P12), never from the nominator's ticks
  const membershipCodes: readonly string[] = MEMBERSHIP_PRIORITY_CODES;
  const flags = [...(req.flags ?? []).filter((f) => !membershipCodes.includes(f)), ...memberships];
  const candidate = toCandidate(t, {
    enrolments: enrolments.map((e) => ({
      programmeId: e.id,
      programmeName: e.title,
      startDate: e.start_date,
      endDate: e.end_date,
    })),
    integrity,
    attestations: req.attestations,
    flags,
  });
  const context = {
    referenceDate: resolveReferenceDate(pack, { startDate: p.start_date }),
    programme: { id: p.id, startDate: p.start_date, endDate: p.end_date },
    trackCode: p.track_code,
  };
  const first = evaluateEligibility(pack, p.project_type_code, candidate, context);
  if (!first.needsOverride || !req.overrideReason) return first;
  const overrides = first.checks
    .filter((c) => !c.passed && c.soft)
    .map((c) => ({ ruleId: c.ruleId, reason: req.overrideReason ?? '', by: actor.username }));
  return evaluateEligibility(pack, p.project_type_code, candidate, { ...context, overrides });
}

/** The 400 of a refused nomination: every failed check, and whether a reason would let it pass. */
export function refuseIneligible(result: EligibilityResult): AppError {
  const failed = result.checks.filter((c) => !c.passed);
  const message = result.needsOverride
    ? `该教师${failed.map((c) => c.label).join('、')}不符合"原则上"的要求，须填写例外理由后方可推荐`
    : `该教师不符合推荐条件：${failed.map((c) => c.label).join('、')}`;
  return new AppError('VALIDATION_FAILED', message, {
    ...quotaReason(result.needsOverride ? 'NOMINATION.NEEDS_OVERRIDE' : 'NOMINATION.INELIGIBLE', {
      labels: failed.map((c) => c.label).join('、'),
    }),
    eligibility: result,
    needsOverride: result.needsOverride,
    failed: failed.map((c) => ({ ruleId: c.ruleId, label: c.label, message: c.message, values: c.values })),
  });
}

/** Eligibility of a teacher for the programme, without nominating (the school sees why before it acts). */
export async function checkEligibility(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: EligibilityRequest,
): Promise<EligibilityResult> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'nomination.write');
  const t = await loadCandidate(ctx, actor, req.teacherId);
  return evaluate(ctx, actor, p, await packOf(ctx, p), t, req);
}
