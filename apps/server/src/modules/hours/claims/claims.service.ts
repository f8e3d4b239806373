import type { DecideHourClaim, HourClaimQueueQuery } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import type { FilesService, Upload } from '../../files';
import type { NotificationsService } from '../../notifications';
import { type HoursDeps, hoursContext } from '../hours.service';
import type { OrgNamesPort } from '../ports';
import { claimQueue, evidenceFile, myClaims } from './claim-views';
import type { ClaimsRepository } from './claims.repository';
import type { ClaimsContext } from './context';
import { decideClaim, withdrawClaim } from './review-claim';
import { submitClaim } from './submit-claim';

export interface HourClaimsDeps extends HoursDeps {
  claims: ClaimsRepository;
  /** the evidence store (PDF / JPG / PNG by content, MAX_FILE_MB) */
  files: Pick<FilesService, 'storeAnyOf' | 'content' | 'maxBytes'>;
  /** the teacher is told of a return or an approval */
  notifications: Pick<NotificationsService, 'notifyTeacher'>;
  /** schools' names, to label claims */
  orgNames: OrgNamesPort;
}

/**
 * 学时申报: teachers claim 学时 with evidence; the school reviews, then the county, whose approval posts the
 * credit to the ledger through the hours module's own `postCredits`. The rule values are the `hours.claims` of the
 * pack in force for the teacher's unit (core's defaults where a pack has none: the seeds give none).
 */
export function createHourClaimsService(deps: HourClaimsDeps) {
  const ctx: ClaimsContext = {
    ...hoursContext(deps),
    claims: deps.claims,
    files: deps.files,
    notifications: deps.notifications,
    orgNames: deps.orgNames,
  };
  return {
    /** The largest evidence file, in bytes (the upload stream stops there). */
    maxFileBytes: deps.files.maxBytes,
    submit: (actor: Actor, claim: string | undefined, uploads: Upload[]) =>
      submitClaim(ctx, actor, claim, uploads),
    mine: (actor: Actor) => myClaims(ctx, actor),
    queue: (actor: Actor, query: HourClaimQueueQuery) => claimQueue(ctx, actor, query),
    decide: (actor: Actor, id: string, req: DecideHourClaim) => decideClaim(ctx, actor, id, req),
    withdraw: (actor: Actor, id: string) => withdrawClaim(ctx, actor, id),
    evidence: (actor: Actor, id: string, fileId: string) => evidenceFile(ctx, actor, id, fileId),
  };
}

export type HourClaimsService = ReturnType<typeof createHourClaimsService>;
