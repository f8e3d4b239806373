/** Picking teachers for a programme of the demo year and cascading its seats down to their schools. */
import { addYears } from '@yanxun/core';
import type { Candidate, YearContext } from './context';

export interface SeatPlan {
  schoolSeats: Map<string, number>;
  countySeats: Map<string, number>;
  total: number;
}

/** Active school teachers under `pathPrefix` of one kind, not yet used, shuffled, at most `limit`. */
export async function candidates(
  ctx: YearContext,
  where: 'backbone' | 'rural' | 'heads',
  pathPrefix: string,
  limit: number,
): Promise<Candidate[]> {
  const { db, rng, used, cal } = ctx;
  let q = db
    .selectFrom('teachers as t')
    .innerJoin('orgs as o', 'o.id', 't.school_id')
    .select(['t.id', 't.school_id', 't.county_id', 't.org_path'])
    .where('t.status', '=', 'active')
    .where('o.kind', '=', 'school')
    .where('t.org_path', 'like', `${pathPrefix}%`);
  if (where === 'backbone') q = q.where('t.backbone', 'is not', null);
  if (where === 'rural') {
    q = q
      .where('o.location_type', 'in', ['town', 'rural'])
      .where('t.backbone', 'is not', null)
      // six school years of teaching or more by the as-of's school year
      .where('t.teaching_start_date', '<=', addYears(cal.schoolYearStart, -6));
  }
  if (where === 'heads') {
    q = q.where((eb) =>
      eb.or([
        eb('t.roles_held', '@>', eb.val(['principal']) as never),
        eb('t.roles_held', '@>', eb.val(['vice_principal']) as never),
      ]),
    );
  }
  const rows = (await q.orderBy('t.id').execute()) as Candidate[];
  return rng.shuffle(rows.filter((r) => !used.has(r.id))).slice(0, limit);
}

/**
 * Seats down the cascade for the picked teachers: each school gets its picks plus, now and then, a spare
 * seat; `short` schools get one seat fewer than picks (their last pick goes on the waitlist).
 */
export function seatPlan(ctx: YearContext, picks: Candidate[], short: Set<string>): SeatPlan {
  const { rng, orgById } = ctx;
  const schoolSeats = new Map<string, number>();
  for (const p of picks) schoolSeats.set(p.school_id, (schoolSeats.get(p.school_id) ?? 0) + 1);
  for (const [sid, n] of schoolSeats) {
    schoolSeats.set(sid, short.has(sid) ? n - 1 : n + (rng.chance(0.2) ? 1 : 0));
  }
  const countySeats = new Map<string, number>();
  for (const [sid, n] of schoolSeats) {
    const cid = orgById.get(sid)?.countyId ?? '';
    countySeats.set(cid, (countySeats.get(cid) ?? 0) + n);
  }
  const total = [...countySeats.values()].reduce((a, b) => a + b, 0);
  return { schoolSeats, countySeats, total };
}
/** Allocate the plan's seats down from the owner's level: province → city → counties → schools. */
export async function cascade(
  ctx: YearContext,
  programmeId: string,
  ownerKind: string,
  plan: SeatPlan,
): Promise<void> {
  const { s, province, city, provinceOrg, cityOrg, orgById, countyActor } = ctx;
  const { schoolSeats, countySeats, total } = plan;
  if (ownerKind === 'province') {
    await s.programs.allocate(province, programmeId, provinceOrg.id, {
      allocations: [{ orgId: cityOrg.id, seats: total }],
    });
  }
  if (ownerKind !== 'county') {
    await s.programs.allocate(city, programmeId, cityOrg.id, {
      allocations: [...countySeats].map(([orgId, seats]) => ({ orgId, seats })),
    });
  }
  for (const cid of countySeats.keys()) {
    const allocations = [...schoolSeats]
      .filter(([sid]) => orgById.get(sid)?.countyId === cid)
      .map(([orgId, seats]) => ({ orgId, seats }));
    await s.programs.allocate(countyActor(cid), programmeId, cid, { allocations });
  }
}

/** Each county nominates its picks (waitlisted beyond the seats); they are used from now on. */
export async function nominateAll(
  ctx: YearContext,
  programmeId: string,
  picks: Candidate[],
  extra: { attestations?: string[] } = {},
): Promise<void> {
  const { s, countyActor, used } = ctx;
  for (const p of picks) {
    await s.programs.nominate(countyActor(p.county_id), programmeId, {
      teacherId: p.id,
      waitlist: true,
      ...extra,
    });
    used.add(p.id);
  }
}
