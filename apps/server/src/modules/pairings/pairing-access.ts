/**
 * Loading a pairing and deciding who sees and acts on it, and the pairing as every read and write returns it: the
 * lead and partners named through the org and communities ports, and the findings of core's checks (R3-B05/B06:
 * 1–3 schools; R3-G20: a 市级 studio with a 镇级 workshop) computed on read, so a breach is shown, never hidden.
 */
import type { CommunityFindingBody, Pairing, PairingKind, PairingParty } from '@yanxun/contracts';
import {
  type Community,
  type CommunityKind,
  type CommunityLevel,
  type CommunityRules,
  checkPairedSchools,
  checkTwoWayPair,
  DEFAULT_COMMUNITY_RULES,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { can } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { PairingsContext } from './context';
import type { ActivityCountRow, PairingRow, PartnerRow } from './pairings.repository';
import type { PairingCommunity } from './ports';

export const WHAT = '帮扶结对';

export const todayOf = (ctx: PairingsContext) => dateOf(ctx.now());

/** Read: `pairing.read` over the lead, or over one of the partners (a school reads the pairings that help it). */
export function mayRead(actor: Actor, p: PairingRow, partners: readonly PartnerRow[]): boolean {
  return (
    can(actor, 'pairing.read', p.org_path) ||
    partners.some((x) => x.pairing_id === p.id && can(actor, 'pairing.read', x.partner_path))
  );
}

/** The pairing with its partners, if the actor may read it; 404 (the same as an unknown id) otherwise. */
export async function loadPairing(
  ctx: PairingsContext,
  actor: Actor,
  id: string,
): Promise<{ row: PairingRow; partners: PartnerRow[] }> {
  if (!/^\d{1,18}$/.test(id)) throw notFound(WHAT);
  const row = await ctx.repo.findPairing(id);
  const partners = row ? await ctx.repo.partnersOf([row.id]) : [];
  return { row: visibleOr404(row, (p) => mayRead(actor, p, partners), WHAT), partners };
}

export function asCommunity(c: PairingCommunity): Community {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind as CommunityKind,
    level: c.level as CommunityLevel,
    hostSchoolId: c.hostOrgId,
  };
}

const findingBody = (f: {
  code?: string | undefined;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  values: CommunityFindingBody['values'];
}): CommunityFindingBody => ({
  ...(f.code === undefined ? {} : { code: f.code }),
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  values: f.values,
});

/** Core's checks of one pairing: R3-B05/B06 on the number of schools, R3-G20 on each studio–workshop pair. */
export function pairingFindings(
  kind: PairingKind,
  partnerCount: number,
  studio: PairingCommunity | undefined,
  workshops: readonly PairingCommunity[],
  rules: CommunityRules,
): CommunityFindingBody[] {
  if (kind !== 'studio_workshop') return checkPairedSchools(partnerCount, kind, rules).map(findingBody);
  if (!studio) return [];
  return workshops.flatMap((w) =>
    checkTwoWayPair(asCommunity(studio), asCommunity(w), rules).map(findingBody),
  );
}

/**
 * The findings of each pairing (by id), as every read shows them: core's checks with the rules in force today for
 * each lead unit, looked up for all of them at once; the studios and workshops in one look-up unless the caller
 * has them.
 */
export async function findingsOf(
  ctx: PairingsContext,
  rows: readonly PairingRow[],
  partners: readonly PartnerRow[],
  known?: ReadonlyMap<string, PairingCommunity>,
): Promise<Map<string, CommunityFindingBody[]>> {
  let communityOf = known;
  if (!communityOf) {
    const studioRows = new Set(rows.filter((r) => r.kind === 'studio_workshop').map((r) => r.id));
    const ids = new Set(rows.filter((r) => studioRows.has(r.id)).map((r) => r.lead_id));
    for (const p of partners) if (studioRows.has(p.pairing_id)) ids.add(p.partner_id);
    const refs = ids.size > 0 ? await ctx.communities.refsOf([...ids]) : [];
    communityOf = new Map(refs.map((c) => [c.id, c]));
  }
  const rulesAt = await ctx.rules.communityRulesAt(
    rows.map((r) => r.org_path),
    todayOf(ctx),
  );
  const partnersOf = new Map<string, PartnerRow[]>();
  for (const p of partners) partnersOf.set(p.pairing_id, [...(partnersOf.get(p.pairing_id) ?? []), p]);
  const found = communityOf;
  return new Map(
    rows.map((r): [string, CommunityFindingBody[]] => {
      const mine = partnersOf.get(r.id) ?? [];
      const workshops = mine.flatMap((p) => found.get(p.partner_id) ?? []);
      const rules = rulesAt.get(r.org_path) ?? DEFAULT_COMMUNITY_RULES;
      const kind = r.kind as PairingKind;
      return [r.id, pairingFindings(kind, mine.length, found.get(r.lead_id), workshops, rules)];
    }),
  );
}

/**
 * The pairings as the actor reads them: names in one look-up per port, the findings as `findingsOf` gives them,
 * activity counts in one statement.
 */
export async function viewsOf(
  ctx: PairingsContext,
  actor: Actor,
  rows: PairingRow[],
  partners: PartnerRow[],
  counts: ActivityCountRow[],
): Promise<Pairing[]> {
  const schoolIds = new Set<string>();
  const communityIds = new Set<string>();
  for (const r of rows) (r.kind === 'studio_workshop' ? communityIds : schoolIds).add(r.lead_id);
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  for (const p of partners)
    (kindOf.get(p.pairing_id) === 'studio_workshop' ? communityIds : schoolIds).add(p.partner_id);
  const [orgs, communities] = await Promise.all([
    schoolIds.size > 0 ? ctx.orgs.findByIds([...schoolIds]) : Promise.resolve([]),
    communityIds.size > 0 ? ctx.communities.refsOf([...communityIds]) : Promise.resolve([]),
  ]);
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const communityOf = new Map(communities.map((c) => [c.id, c]));
  const findings = await findingsOf(ctx, rows, partners, communityOf);
  const countOf = new Map(counts.map((c) => [c.pairing_id, c]));
  const party = (kind: string, id: string): PairingParty => {
    if (kind === 'studio_workshop') {
      const c = communityOf.get(id);
      return { id, name: c?.name ?? `工作室 ${id}`, level: c?.level ?? null, kind: c?.kind ?? null };
    }
    return { id, name: orgOf.get(id)?.name ?? `学校 ${id}`, level: null, kind: null };
  };
  return rows.map((r) => {
    const n = countOf.get(r.id);
    return {
      id: r.id,
      kind: r.kind as PairingKind,
      lead: party(r.kind, r.lead_id),
      partners: partners.filter((p) => p.pairing_id === r.id).map((p) => party(r.kind, p.partner_id)),
      fromYear: r.from_year,
      toYear: r.to_year,
      note: r.note,
      findings: findings.get(r.id) ?? [],
      activityCount: n?.n ?? 0,
      lastActivityOn: n?.last ?? null,
      canManage: can(actor, 'pairing.manage', r.org_path),
      canRecord: can(actor, 'pairing.record', r.org_path),
    };
  });
}
