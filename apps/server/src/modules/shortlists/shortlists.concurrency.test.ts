/**
 * shortlist, a new write path that could race (R-004-59): marks fired in parallel never select more candidates
 * than the places of a node, a selection cannot be submitted twice, and the owner's confirm and return cannot
 * both win. Runs on PGlite and, with YX_TEST_DATABASE_URL, on real PostgreSQL 15 with a pool of connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createServices, type Services } from '../../services';
import { AppError } from '../../shared/app-error';
import { createTestDatabase } from '../../test/db';
import { orgByName, schoolIn, seedRegion, TEST_SETTINGS, testActor } from '../../test/factories';
import { competitiveProgramme } from '../../test/fixtures/shortlists';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let s: Services;
let o: { city: OrgRow; county: OrgRow; school: OrgRow; provider: OrgRow };

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  s = createServices(h.db, TEST_SETTINGS, () => new Date('2021-07-01T02:00:00Z'));
  o = {
    city: await orgByName(h.db, 'city', ''),
    county: await orgByName(h.db, 'county', '清城'),
    school: await schoolIn(h.db, '清城'),
    provider: (await h.db
      .selectFrom('orgs')
      .selectAll()
      .where('kind', '=', 'provider')
      .orderBy('id')
      .executeTakeFirstOrThrow()) as unknown as OrgRow,
  };
});

afterAll(async () => {
  await h?.close();
});

const rejected = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as AppError);

describe('R-004-59 concurrent selection', () => {
  it('R-004-59 12 candidates (⌈10 × 1.2⌉) selected by 12 parallel requests at a node with 10 places: exactly 10 succeed', async () => {
    const { programmeId, nominationIds } = await competitiveProgramme(s, h.db, o, 10, 12);
    // two provider staff accounts working at once
    const first = testActor('provider_staff', o.provider);
    const staff = [first, { ...first, accountId: '2' }];
    // the selection row exists already (a score given earlier), so only its lock keeps the writers apart
    await s.shortlists.mark(first, programmeId, {
      marks: [{ nominationId: nominationIds[0] ?? '', score: 90 }],
    });
    const results = await Promise.allSettled(
      nominationIds.map((id, i) =>
        s.shortlists.mark(staff[i % 2] ?? first, programmeId, {
          marks: [{ nominationId: id, decision: 'selected' }],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const errors = rejected(results);
    expect(errors).toHaveLength(2);
    for (const e of errors) {
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details).toMatchObject({ ruleId: 'R-004-59' });
    }
    const stored = await h.db
      .selectFrom('shortlist_marks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('programme_id', '=', programmeId)
      .where('decision', '=', 'selected')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10);
  });

  it('R-004-59 8 programmes with 1 place and 2 candidates (⌈1 × 1.2⌉), both selected at once in all of them: exactly one per programme', async () => {
    const made = [];
    const staff = testActor('provider_staff', o.provider);
    for (let i = 0; i < 8; i++) {
      const m = await competitiveProgramme(s, h.db, o, 1, 2);
      await s.shortlists.mark(staff, m.programmeId, {
        marks: [{ nominationId: m.nominationIds[0] ?? '', score: 80 }],
      });
      made.push(m);
    }
    const results = await Promise.allSettled(
      made.flatMap((m) =>
        m.nominationIds.map((id) =>
          s.shortlists.mark(staff, m.programmeId, { marks: [{ nominationId: id, decision: 'selected' }] }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    expect(rejected(results).every((e) => e.code === 'VALIDATION_FAILED')).toBe(true);
    const perProgramme = await h.db
      .selectFrom('shortlist_marks')
      .select(['programme_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where(
        'programme_id',
        'in',
        made.map((m) => m.programmeId),
      )
      .where('decision', '=', 'selected')
      .groupBy('programme_id')
      .execute();
    expect(perProgramme.map((r) => Number(r.n))).toEqual(Array(8).fill(1));
  });

  it('R-004-59 the same selection submitted by 5 parallel requests: exactly one succeeds, the rest are refused as submitted', async () => {
    const { programmeId, nominationIds } = await competitiveProgramme(s, h.db, o, 2, 3);
    const staff = testActor('provider_staff', o.provider);
    await s.shortlists.mark(staff, programmeId, {
      marks: nominationIds.map((id, i) =>
        i < 2
          ? { nominationId: id, decision: 'selected' as const }
          : { nominationId: id, decision: 'not_selected' as const, reason: '评分靠后' },
      ),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => s.shortlists.submit(staff, programmeId)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const errors = rejected(results);
    expect(errors.map((e) => e.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(errors.every((e) => (e.details as { ruleId?: string }).ruleId === 'R-004-59')).toBe(true);
    expect(errors.every((e) => !e.message.includes('R-004-59'))).toBe(true);
    const sel = await h.db
      .selectFrom('shortlist_selections')
      .select(['status', 'round'])
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    expect(sel).toEqual({ status: 'submitted', round: 1 });

    // confirm and return at once: one wins; seats are taken once
    const owner = testActor('bureau_admin', o.city);
    const decided = await Promise.allSettled([
      s.shortlists.confirm(owner, programmeId),
      s.shortlists.returnSelection(owner, programmeId, { comment: '请复核' }),
      s.shortlists.confirm(owner, programmeId),
    ]);
    expect(decided.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const q = await h.db
      .selectFrom('quota_allocations')
      .select('used')
      .where('programme_id', '=', programmeId)
      .where('org_id', '=', o.school.id)
      .executeTakeFirstOrThrow();
    const status = (
      await h.db
        .selectFrom('shortlist_selections')
        .select('status')
        .where('programme_id', '=', programmeId)
        .executeTakeFirstOrThrow()
    ).status;
    expect(q.used).toBe(status === 'confirmed' ? 2 : 0);
  });
});
