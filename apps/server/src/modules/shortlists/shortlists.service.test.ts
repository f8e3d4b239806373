/**
 * shortlist, services: the provider's selection from a competitive shortlist (R-004-59 "培训对象采取1:1.2差额方式
 * 由承训高校遴选确定"): places exactly filled vs one over, ⌈places × 1.2⌉ candidates, reasons, submit once,
 * the owner's confirm / return (R-004-59 setting `ownerConfirms`), the selection deadline (R-004-18),
 * notifications and the audit trail, and who may see what.
 */
import { type PolicyPack, pinyinInitials, pinyinKey } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import type { Services } from '../../services';
import { createServices } from '../../services';
import { createTestDatabase } from '../../test/db';
import { orgByName, schoolIn, seedRegion, TEST_SETTINGS, testActor, thrown } from '../../test/factories';
import { competitiveProgramme } from '../../test/fixtures/shortlists';
import { type OrgRow, regionKeyOf } from '../org';
import { createPeopleRepository, type TeacherWrite } from '../people';

let h: DatabaseHandle;
let s: Services;
let nowAt = new Date('2021-07-01T02:00:00Z');
let city: OrgRow;
let county: OrgRow;
let otherCounty: OrgRow;
let school: OrgRow;
let provider: OrgRow;
let otherProvider: OrgRow;

const orgs = () => ({ city, county, school, provider });
const providerStaff = () => testActor('provider_staff', provider);
const owner = () => testActor('bureau_admin', city);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  s = createServices(h.db, TEST_SETTINGS, () => nowAt);
  city = await orgByName(h.db, 'city', '');
  county = await orgByName(h.db, 'county', '清城');
  otherCounty = await orgByName(h.db, 'county', '英德');
  school = await schoolIn(h.db, '清城');
  const providers = await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'provider')
    .orderBy('id')
    .execute();
  provider = providers[0] as unknown as OrgRow;
  otherProvider = providers[1] as unknown as OrgRow;
});

afterAll(async () => {
  await h?.close();
});

const sel = (nominationId: string) => ({ nominationId, decision: 'selected' as const });
const out = (nominationId: string, reason = '综合评分靠后') => ({
  nominationId,
  decision: 'not_selected' as const,
  reason,
});

describe('R-004-59 the provider selects from ⌈places × 1.2⌉ candidates', () => {
  it('R-004-59 10 places, 12 candidates: exactly 10 selected passes, the 11th is refused naming the rule, nothing half-written', async () => {
    const { programmeId, nominationIds: ids } = await competitiveProgramme(s, h.db, orgs(), 10, 12);
    const v0 = await s.shortlists.get(providerStaff(), programmeId);
    expect(v0).toMatchObject({ status: 'open', ratio: 1.2, totalPlaces: 10, selected: 0, canSelect: true });
    expect(v0.nodes).toEqual([
      {
        orgId: school.id,
        orgName: school.name,
        places: 10,
        cap: 12,
        candidates: 12,
        selected: 0,
        notSelected: 0,
        undecided: 12,
      },
    ]);
    // the provider sees the eligibility with its values, the nominating unit, a masked ID number
    const c0 = v0.candidates[0];
    expect(c0?.quotaOrgName).toBe(school.name);
    expect(c0?.idNumberMasked).toMatch(/^\d{4}\*{13}[\dX]$/);
    expect(c0?.eligibility.checks.some((c) => c.ruleId === 'R-004-55' && c.values)).toBe(true);

    const ten = await s.shortlists.mark(providerStaff(), programmeId, { marks: ids.slice(0, 10).map(sel) });
    expect(ten.selected).toBe(10);
    expect(ten.nodes[0]).toMatchObject({ places: 10, selected: 10, undecided: 2 });

    const over = await thrown(
      s.shortlists.mark(providerStaff(), programmeId, { marks: [sel(ids[10] ?? '')] }),
    );
    expect(over.code).toBe('VALIDATION_FAILED');
    expect(over.message).not.toContain('R-004-59');
    // the node (the programme total, here the same number, is not reported twice)
    expect(over.details).toMatchObject({
      ruleId: 'R-004-59',
      problems: [
        { code: 'SHORTLIST.OVER_PLACES', orgId: school.id, values: { places: 10, selected: 11, over: 1 } },
      ],
    });
    // a batch with one bad item writes nothing: the score of the first item is not kept
    const bad = await thrown(
      s.shortlists.mark(providerStaff(), programmeId, {
        marks: [{ nominationId: ids[11] ?? '', score: 88 }, out(ids[10] ?? '', '')],
      }),
    );
    expect(bad.details).toMatchObject({ ruleId: 'R-004-59', field: 'reason' });
    const after = await s.shortlists.get(providerStaff(), programmeId);
    expect(after.selected).toBe(10);
    expect(after.candidates.find((c) => c.nominationId === ids[10])?.decision).toBeNull();
    expect(after.candidates.find((c) => c.nominationId === ids[11])?.score).toBeNull();
    // swapping: unselect one, select the 11th, in one batch → still exactly 10
    const swapped = await s.shortlists.mark(providerStaff(), programmeId, {
      marks: [out(ids[0] ?? ''), sel(ids[10] ?? '')],
    });
    expect(swapped.selected).toBe(10);
  });

  it('R-004-59 a nomination that is not a candidate of the programme is refused (another programme, an unknown id)', async () => {
    const a = await competitiveProgramme(s, h.db, orgs(), 2, 3);
    const b = await competitiveProgramme(s, h.db, orgs(), 2, 1);
    const err = await thrown(
      s.shortlists.mark(providerStaff(), a.programmeId, { marks: [sel(b.nominationIds[0] ?? '')] }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain('不是本项目的候选人');
    expect(err.details).toMatchObject({ ruleId: 'R-004-59', unknown: [b.nominationIds[0]] });
    expect(
      (await thrown(s.shortlists.mark(providerStaff(), a.programmeId, { marks: [sel('999999999')] }))).code,
    ).toBe('VALIDATION_FAILED');
  });

  it("R-004-59 once the provider selects, the owner's direct confirmation (programs' confirmShortlist) is refused", async () => {
    const { programmeId, nominationIds: ids } = await competitiveProgramme(s, h.db, orgs(), 1, 2);
    await s.shortlists.mark(providerStaff(), programmeId, { marks: [sel(ids[0] ?? '')] });
    const err = await thrown(
      s.programs.confirmShortlist(owner(), programmeId, { orgId: school.id, selectedIds: [ids[1] ?? ''] }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ ruleId: 'R-004-59' });
    const st = await h.db.selectFrom('nominations').select('status').where('id', 'in', ids).execute();
    expect(st.every((n) => n.status === 'candidate')).toBe(true);
  });

  it('R-004-59 scores rank the candidates (1, 2, 2, 4); one decimal is kept', async () => {
    const { programmeId, nominationIds: ids } = await competitiveProgramme(s, h.db, orgs(), 3, 4);
    const v = await s.shortlists.mark(providerStaff(), programmeId, {
      marks: [
        { nominationId: ids[0] ?? '', score: 80 },
        { nominationId: ids[1] ?? '', score: 92.5 },
        { nominationId: ids[2] ?? '', score: 80 },
        { nominationId: ids[3] ?? '', score: 61.5 },
      ],
    });
    expect(ids.map((id) => v.candidates.find((c) => c.nominationId === id)?.rank)).toEqual([2, 1, 2, 4]);
    expect(v.candidates.find((c) => c.nominationId === ids[1])?.score).toBe(92.5);
  });
});

describe("R-004-59 the seed's own numbers: 150 places, 1:1.2", () => {
  it('R-004-59 180 candidates (⌈150 × 1.2⌉): 150 selected in one batch pass, the 151st is refused; confirmed, 150 seats are taken and 30 told why', async () => {
    const { programmeId } = await competitiveProgramme(s, h.db, orgs(), 150, 0);
    // 180 candidates written as the programs module writes them (nominating 180 one by one is slow on PGlite)
    const rows: TeacherWrite[] = Array.from({ length: 180 }, (_, i) => {
      const name = `候选${i}`;
      return {
        idNumber: `Y${String(i).padStart(17, '0')}`,
        name,
        namePinyin: pinyinKey(name),
        nameInitials: pinyinInitials(name),
        gender: 'M',
        birthDate: '1985-01-01',
        phone: null,
        schoolId: school.id,
        countyId: regionKeyOf(school),
        orgPath: school.path,
        stage: 'primary',
        subject: 'math',
        title: null,
        backbone: null,
        teachingStartDate: '2008-09-01',
        trainingStartYear: 2015,
        rolesHeld: ['researcher'],
        status: 'active',
      };
    });
    await h.db
      .transaction()
      .execute((trx) => createPeopleRepository(h.db).insertTeachers(rows, '2020-09-01', null, trx));
    const teachers = await h.db
      .selectFrom('teachers')
      .select('id')
      .where('name', 'like', '候选%')
      .orderBy('id')
      .execute();
    const eligibility = JSON.stringify({
      projectTypeCode: 'trainer_advanced',
      trackCode: 'trainer',
      referenceDate: '2021-07-30',
      eligible: true,
      needsOverride: false,
      checks: [],
      priorities: [],
    });
    const inserted = await h.db
      .insertInto('nominations')
      .values(
        teachers.map((t) => ({
          county_id: regionKeyOf(school),
          programme_id: programmeId,
          teacher_id: t.id,
          school_id: school.id,
          org_path: school.path,
          quota_region_id: regionKeyOf(school),
          quota_org_id: school.id,
          status: 'candidate',
          eligibility,
        })),
      )
      .returning('id')
      .execute();
    const ids = inserted.map((r) => r.id);
    expect(ids).toHaveLength(180);
    const v0 = await s.shortlists.get(providerStaff(), programmeId);
    expect(v0.nodes[0]).toMatchObject({ places: 150, cap: 180, candidates: 180 });

    expect(
      (await s.shortlists.mark(providerStaff(), programmeId, { marks: ids.slice(0, 150).map(sel) })).selected,
    ).toBe(150);
    const over = await thrown(
      s.shortlists.mark(providerStaff(), programmeId, { marks: [sel(ids[150] ?? '')] }),
    );
    expect(over.details).toMatchObject({
      problems: [{ code: 'SHORTLIST.OVER_PLACES', values: { places: 150, selected: 151, over: 1 } }],
      reasonCode: 'SHORTLIST.OVER_PLACES',
      reasonValues: { org: expect.any(String), places: 150, selected: 151, over: 1 },
    });
    await s.shortlists.mark(providerStaff(), programmeId, { marks: ids.slice(150).map((id) => out(id)) });
    await s.shortlists.submit(providerStaff(), programmeId);
    const done = await s.shortlists.confirm(owner(), programmeId);
    expect(done).toMatchObject({ status: 'confirmed', selected: 150, totalPlaces: 150 });
    const q = await h.db
      .selectFrom('quota_allocations')
      .select(['seats', 'used'])
      .where('programme_id', '=', programmeId)
      .where('org_id', '=', school.id)
      .executeTakeFirstOrThrow();
    expect(q).toEqual({ seats: 150, used: 150 });
    const told = await h.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'shortlist.not_selected')
      .where('entity_id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect(Number(told.n)).toBe(30);
  });
});

describe('R-004-59 submit once; the owner confirms or returns (setting ownerConfirms = true)', () => {
  it('R-004-59 undecided candidates block the submission; submit, submit twice refused, return with a comment, resubmit, confirm', async () => {
    const { programmeId, nominationIds: ids, teacherIds } = await competitiveProgramme(s, h.db, orgs(), 5, 6);
    await s.shortlists.mark(providerStaff(), programmeId, { marks: ids.slice(0, 5).map(sel) });
    const undecided = await thrown(s.shortlists.submit(providerStaff(), programmeId));
    expect(undecided.details).toMatchObject({
      ruleId: 'R-004-59',
      problems: [{ code: 'SHORTLIST.UNDECIDED', values: { undecided: 1 } }],
      reasonCode: 'SHORTLIST.UNDECIDED',
    });
    await s.shortlists.mark(providerStaff(), programmeId, { marks: [out(ids[5] ?? '', '培训实践经验不足')] });
    const submitted = await s.shortlists.submit(providerStaff(), programmeId);
    expect(submitted).toMatchObject({ status: 'submitted', round: 1, canSelect: false });
    expect(submitted.submittedBy).not.toBeNull();
    // submitting twice, or marking after submission: refused with the rule in details, nothing changes
    const twice = await thrown(s.shortlists.submit(providerStaff(), programmeId));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.details).toMatchObject({
      ruleId: 'R-004-59',
      status: 'submitted',
      reasonCode: 'SHORTLIST.SUBMITTED_ON',
      reasonValues: { what: 'submit' },
    });
    expect(twice.message).not.toContain('R-004-59');
    expect(
      (await thrown(s.shortlists.mark(providerStaff(), programmeId, { marks: [sel(ids[5] ?? '')] }))).code,
    ).toBe('CONFLICT');
    // the provider cannot confirm its own selection; the owner sees it as reviewable
    expect((await thrown(s.shortlists.confirm(providerStaff(), programmeId))).code).toBe('FORBIDDEN');
    expect((await s.shortlists.get(owner(), programmeId)).canReview).toBe(true);
    // return with a comment
    const returned = await s.shortlists.returnSelection(owner(), programmeId, {
      comment: '请复核第 6 名候选人',
    });
    expect(returned).toMatchObject({ status: 'returned', returnComment: '请复核第 6 名候选人' });
    expect((await s.shortlists.get(providerStaff(), programmeId)).canSelect).toBe(true);
    expect((await thrown(s.shortlists.confirm(owner(), programmeId))).code).toBe('CONFLICT');
    // the provider swaps one and submits again (round 2)
    await s.shortlists.mark(providerStaff(), programmeId, {
      marks: [out(ids[4] ?? '', '课题研究成果较少'), sel(ids[5] ?? '')],
    });
    expect((await s.shortlists.submit(providerStaff(), programmeId)).round).toBe(2);
    // nothing is decided before the owner confirms
    const before = await h.db.selectFrom('nominations').select('status').where('id', 'in', ids).execute();
    expect(before.every((n) => n.status === 'candidate')).toBe(true);

    const confirmed = await s.shortlists.confirm(owner(), programmeId);
    expect(confirmed).toMatchObject({ status: 'confirmed', selected: 5, canReview: false, canSelect: false });
    expect(confirmed.decidedBy).not.toBeNull();
    expect(confirmed.nodes[0]).toMatchObject({ places: 5, selected: 5, notSelected: 1, undecided: 0 });
    const noms = await h.db
      .selectFrom('nominations')
      .select(['id', 'status', 'reason', 'decided_by', 'decided_at'])
      .where('programme_id', '=', programmeId)
      .orderBy('id')
      .execute();
    expect(noms.filter((n) => n.status === 'selected')).toHaveLength(5);
    const notSel = noms.filter((n) => n.status === 'not_selected');
    expect(notSel.map((n) => n.id)).toEqual([ids[4]]);
    expect(notSel[0]?.reason).toMatch(/^差额遴选未入选（1:1\.2 差额遴选，.+遴选确定）：课题研究成果较少$/);
    expect(noms.every((n) => n.decided_by === '1' && n.decided_at)).toBe(true);
    // the seats are taken in the cascade
    const q = await h.db
      .selectFrom('quota_allocations')
      .select(['seats', 'used'])
      .where('programme_id', '=', programmeId)
      .where('org_id', '=', school.id)
      .executeTakeFirstOrThrow();
    expect(q).toEqual({ seats: 5, used: 5 });
    // the not-selected teacher is told why
    const notes = await h.db
      .selectFrom('notifications')
      .select(['teacher_id', 'kind', 'body'])
      .where('entity', '=', 'nomination')
      .where('entity_id', 'in', ids)
      .execute();
    const told = notes.find((n) => n.teacher_id === teacherIds[4]);
    expect(told?.kind).toBe('shortlist.not_selected');
    expect(told?.body).toContain('课题研究成果较少');
    // a teacher reads words, not the rule ID
    expect(told?.body).not.toContain('R-004-59');
    expect(notes.filter((n) => n.kind === 'shortlist.selected')).toHaveLength(5);
    // the audit trail: marks, two submissions, the return, the confirmation and the outcomes
    const log = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'programme')
      .where('entity_id', '=', programmeId)
      .where('action', 'like', 'shortlist.%')
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.action)).toEqual([
      'shortlist.mark',
      'shortlist.mark',
      'shortlist.submit',
      'shortlist.return',
      'shortlist.mark',
      'shortlist.submit',
      'shortlist.apply',
      'shortlist.confirm',
    ]);
    expect(log.find((l) => l.action === 'shortlist.submit')?.actor_name).toContain('provider_staff');
    expect(log.find((l) => l.action === 'shortlist.confirm')?.actor_name).toContain('bureau_admin');
    // after confirmation nothing can be changed
    expect(
      (await thrown(s.shortlists.returnSelection(owner(), programmeId, { comment: '再看看' }))).code,
    ).toBe('CONFLICT');
    expect((await thrown(s.shortlists.submit(providerStaff(), programmeId))).code).toBe('CONFLICT');
  });

  it('R-004-59 setting ownerConfirms = false: the submission applies at once', async () => {
    const province = await orgByName(h.db, 'province', '');
    const admin = testActor('bureau_admin', province);
    const clone = await s.programs.clonePack(admin, 'henan-2021', { year: 2021, regionOrgId: province.id });
    const body = structuredClone(clone.pack) as unknown as PolicyPack;
    const type = body.projectTypes.find((t) => t.code === 'trainer_advanced');
    if (!type?.shortlistSelection) throw new Error('setup');
    type.shortlistSelection.ownerConfirms.value = false;
    await s.programs.updatePack(admin, clone.id, { pack: body as never });
    await s.programs.publishPack(admin, clone.id);
    const { programmeId, nominationIds: ids } = await competitiveProgramme(s, h.db, orgs(), 2, 3, clone.id);
    await s.shortlists.mark(providerStaff(), programmeId, {
      marks: [sel(ids[0] ?? ''), sel(ids[1] ?? ''), out(ids[2] ?? '')],
    });
    const v = await s.shortlists.submit(providerStaff(), programmeId);
    expect(v).toMatchObject({ status: 'confirmed', ownerConfirms: { value: false, ruleId: 'R-004-59' } });
    const statuses = await h.db
      .selectFrom('nominations')
      .select('status')
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(statuses.map((x) => x.status)).toEqual(['selected', 'selected', 'not_selected']);
  });
});

describe('R-004-18 the selection closes on the selection deadline (Asia/Shanghai)', () => {
  it('R-004-18 23:59 on 2021-07-30 (Shanghai) may still mark and submit; 00:00 on 07-31 is refused naming R-004-18 and R-004-59', async () => {
    const { programmeId, nominationIds: ids } = await competitiveProgramme(s, h.db, orgs(), 1, 2);
    try {
      nowAt = new Date('2021-07-30T15:59:00Z');
      await s.shortlists.mark(providerStaff(), programmeId, { marks: [sel(ids[0] ?? '')] });
      nowAt = new Date('2021-07-30T16:00:00Z');
      const late = await thrown(
        s.shortlists.mark(providerStaff(), programmeId, { marks: [out(ids[1] ?? '')] }),
      );
      expect(late.code).toBe('VALIDATION_FAILED');
      expect(late.message).not.toMatch(/R-004-18|R-004-59/);
      expect(late.details).toMatchObject({
        ruleId: 'R-004-18',
        rules: ['R-004-18', 'R-004-59'],
        selectionDeadline: '2021-07-30',
        today: '2021-07-31',
      });
      expect((await thrown(s.shortlists.submit(providerStaff(), programmeId))).details).toMatchObject({
        ruleId: 'R-004-18',
      });
      const v = await s.shortlists.get(providerStaff(), programmeId);
      expect(v).toMatchObject({ deadlinePassed: true, canSelect: false, selected: 1 });
    } finally {
      nowAt = new Date('2021-07-01T02:00:00Z');
    }
  });
});

describe('who may see and select', () => {
  it('another provider, another county and a school get 404; the owner reads but cannot mark (403); no provider yet: 409', async () => {
    const { programmeId, nominationIds: ids } = await competitiveProgramme(s, h.db, orgs(), 2, 2);
    const other = testActor('provider_staff', otherProvider);
    expect((await thrown(s.shortlists.get(other, programmeId))).code).toBe('NOT_FOUND');
    expect((await thrown(s.shortlists.mark(other, programmeId, { marks: [sel(ids[0] ?? '')] }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await thrown(s.shortlists.get(testActor('bureau_admin', otherCounty), programmeId))).code).toBe(
      'NOT_FOUND',
    );
    expect((await thrown(s.shortlists.get(testActor('bureau_admin', county), programmeId))).code).toBe(
      'NOT_FOUND',
    );
    expect((await thrown(s.shortlists.confirm(testActor('bureau_admin', county), programmeId))).code).toBe(
      'NOT_FOUND',
    );
    expect((await thrown(s.shortlists.get(testActor('school_admin', school), programmeId))).code).toBe(
      'NOT_FOUND',
    );
    expect((await thrown(s.shortlists.mark(owner(), programmeId, { marks: [sel(ids[0] ?? '')] }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await s.shortlists.get(owner(), programmeId)).canSelect).toBe(false);
    expect((await s.shortlists.list(other)).map((x) => x.programmeId)).not.toContain(programmeId);
    expect((await s.shortlists.list(providerStaff())).map((x) => x.programmeId)).toContain(programmeId);

    const noProvider = await competitiveProgramme(s, h.db, { ...orgs(), provider: null }, 1, 1);
    const err = await thrown(s.shortlists.get(owner(), noProvider.programmeId));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ ruleId: 'R-004-59' });
    expect(err.message).not.toContain('R-004-59');
  });
});
