import type { CreateSelection, DecideSelection, NominateIndividual, RevokeHonour } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { EvaluationContext } from './context';
import { honourPdf, honoursZip } from './honour-pdf';
import { revokeHonour } from './honour-revoke';
import { type SelectionsContext, selectionDetail } from './selection-access';
import { honourByCode, honoursOfTeacher, publishSelection } from './selection-publish';
import { createSelection, decideSelection, listSelections, nominateIndividual } from './selections';
import { createSelectionsRepository } from './selections.repository';

/**
 * Annual selections (评优评先) and certificates of honour, each method a use case bound to the evaluation context
 * with the selections' own tables (migrations 0031, 0032).
 */
export function createSelectionsService(base: EvaluationContext) {
  const ctx: SelectionsContext = { ...base, selections: createSelectionsRepository(base.db) };
  return {
    list: (actor: Actor) => listSelections(ctx, actor),
    create: (actor: Actor, input: CreateSelection) => createSelection(ctx, actor, input),
    detail: (actor: Actor, id: string) => selectionDetail(ctx, actor, id),
    decide: (actor: Actor, id: string, input: DecideSelection) => decideSelection(ctx, actor, id, input),
    nominate: (actor: Actor, id: string, input: NominateIndividual) =>
      nominateIndividual(ctx, actor, id, input),
    publish: (actor: Actor, id: string) => publishSelection(ctx, actor, id),
    honourPdf: (actor: Actor, id: string, honourId: string, origin: string) =>
      honourPdf(ctx, actor, id, honourId, origin),
    honoursZip: (actor: Actor, id: string, origin: string) => honoursZip(ctx, actor, id, origin),
    revokeHonour: (actor: Actor, id: string, honourId: string, input: RevokeHonour) =>
      revokeHonour(ctx, actor, id, honourId, input),
    /** For the growth archive's port: a teacher's honours (no actor: the archive decided who reads). */
    honoursOfTeacher: (teacherId: string) => honoursOfTeacher(ctx, teacherId),
    /** For the public verification page (the hours module's lookup): an honour by its code. */
    honourByCode: (code: string) => honourByCode(ctx, code),
  };
}

export type SelectionsService = ReturnType<typeof createSelectionsService>;
