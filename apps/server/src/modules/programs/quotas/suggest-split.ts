import type { QuotaSuggestion, QuotaSuggestQuery } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import {
  findProjectType,
  findTrack,
  type LocationType,
  type PolicyPack,
  QUOTA_RULE_ID,
  suggestSplit,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme, loadQuota, packOf } from '../programme-access';

/** Child kind a suggested split goes down to, per node kind. */
const NEXT_LEVEL: Record<string, string[]> = {
  province: ['city'],
  city: ['county'],
  county: ['school'],
  township: ['school'],
};

/**
 * The school location types whose teachers count for reserved rural seats: those the pack's eligibility rules
 * single out by school location (in Henan 2021, R-004-72's 乡镇 schools: town and rural). The pack has no
 * quota field of its own for this; a pack whose tracks restrict no location counts no teacher as rural.
 */
function ruralLocationTypesOf(pack: PolicyPack): LocationType[] {
  const types = new Set<LocationType>();
  for (const type of pack.projectTypes) {
    for (const track of type.tracks) {
      for (const t of track.eligibility.schoolLocationTypes?.value ?? []) types.add(t);
    }
  }
  return [...types];
}

/**
 * A suggested split of a node's seats among the next level down (core suggestSplit): by working teachers,
 * or only those at schools the track admits (R-004-72 乡镇 schools); reserved rural seats by teachers of
 * the schools the pack's location rules name (ruralLocationTypesOf).
 */
export async function suggest(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  orgId: string,
  query: QuotaSuggestQuery,
): Promise<QuotaSuggestion> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'quota.allocate');
  const { org, quota } = await loadQuota(ctx, actor, 'quota.allocate', p, orgId);
  const kinds = NEXT_LEVEL[org.kind];
  if (!kinds)
    throw new AppError(
      'VALIDATION_FAILED',
      `${org.name}没有可分配名额的下级单位`,
      quotaReason('QUOTA.NO_CHILDREN', { org: org.name }),
    );
  const pack = await packOf(ctx, p);
  const type = findProjectType(pack, p.project_type_code);
  const track = type && findTrack(type, p.track_code);
  const eligibleTypes = track?.eligibility.schoolLocationTypes?.value ?? null;
  const children = await ctx.repo.orgsBelow(org.path, kinds);
  const counts = await ctx.repo.teacherCounts(children, ruralLocationTypesOf(pack), eligibleTypes);
  const seats = query.seats ?? quota.seats - quota.allocated - quota.used;
  const reservedRural = query.reservedRural ?? 0;
  if (reservedRural > seats) {
    throw new AppError('VALIDATION_FAILED', `预留乡村名额 ${reservedRural} 个超过可分配名额 ${seats} 个`, {
      ruleId: QUOTA_RULE_ID,
      seats,
      reservedRural,
      ...quotaReason('QUOTA.RURAL_OVER', { seats, reservedRural }),
    });
  }
  const units = children.map((c) => {
    const n = counts.get(c.id) ?? { all: 0, rural: 0, eligible: 0 };
    return { id: c.id, weight: eligibleTypes ? n.eligible : n.all, ruralWeight: n.rural };
  });
  const split = suggestSplit(seats, units, { reservedRural });
  return {
    orgId: org.id,
    seats,
    reservedRural,
    weightBasis: eligibleTypes ? 'eligible_location' : 'teachers',
    children: children.map((c, i) => {
      const n = counts.get(c.id) ?? { all: 0, rural: 0, eligible: 0 };
      const a = split.allocations[i] ?? { seats: 0, ruralSeats: 0 };
      return {
        orgId: c.id,
        orgName: c.name,
        orgKind: c.kind,
        teachers: eligibleTypes ? n.eligible : n.all,
        ruralTeachers: n.rural,
        seats: a.seats,
        ruralSeats: a.ruralSeats,
      };
    }),
    allocated: split.allocated,
    unallocated: split.unallocated,
    ruleId: QUOTA_RULE_ID,
  };
}
