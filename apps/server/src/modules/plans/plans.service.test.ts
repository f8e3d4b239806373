import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import { orgByName, seedRegion, testActor, testNotifications, thrown } from '../../test/factories';
import { completeRuralPlan, NOT_A_PDF, SEALED_PDF } from '../../test/fixtures/plans';
import { createAuditService } from '../audit';
import { removeEnrolmentsOfNomination } from '../classes';
import { createFilesRepository, createFilesService } from '../files';
import { createNotificationsService } from '../notifications';
import type { OrgRow } from '../org';
import { createProgramsRepository, createProgramsService } from '../programs';
import { createPlanQueries } from './index';
import { createPlansRepository } from './plans.repository';
import { createPlansService, type PlansService } from './plans.service';

let h: DatabaseHandle;
let province: OrgRow;
let city: OrgRow;
let county: OrgRow;
let provider1: OrgRow;
let provider2: OrgRow;
let svc: PlansService;
let programmeId: string;

const actor = testActor;
/** The plans module's queries for other modules (the approved provider), over the test database. */
const planQueries = () => createPlanQueries(createPlansRepository(h.db));

/** A plans service whose clock reads `date` at 10:00 in Shanghai; `maxBytes` for the file limit. */
function plansAt(date: string, maxBytes = 20 * 1024 * 1024): PlansService {
  const audit = createAuditService({ db: h.db });
  const clock = () => new Date(`${date}T02:00:00Z`);
  return createPlansService({
    db: h.db,
    repo: createPlansRepository(h.db),
    programs: createProgrammes(clock),
    files: createFilesService({ db: h.db, repo: createFilesRepository(h.db), maxBytes }),
    notifications: testNotifications(h.db),
    audit,
    clock,
  });
}

function createProgrammes(clock: () => Date) {
  return createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    notifications: createNotificationsService({ db: h.db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock,
  });
}

async function newProgramme(owner: OrgRow, seats = 10): Promise<string> {
  const p = await createProgrammes(() => new Date('2021-07-01T02:00:00Z')).createProgramme(
    actor('bureau_admin', owner),
    {
      packId: 'henan-2021',
      projectTypeCode: 'rural_backbone',
      title: `乡村骨干教师素质提升培训 ${owner.name}`,
      selectionDeadline: '2021-07-30',
      startDate: '2021-09-01',
      endDate: '2021-09-15',
      totalSeats: seats,
    },
  );
  return p.id;
}

const upload = (content: Buffer, name = '申报书.pdf') => ({ name, content });

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 100);
  province = await orgByName(h.db, 'province', '');
  city = await orgByName(h.db, 'city', '');
  county = await orgByName(h.db, 'county', '清城');
  const providers = await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'provider')
    .orderBy('id')
    .execute();
  const [p1, p2] = providers as unknown as OrgRow[];
  if (!p1 || !p2) throw new Error('the demo region has two providers');
  [provider1, provider2] = [p1, p2];
  svc = plansAt('2021-07-20');
  programmeId = await newProgramme(province);
});

afterAll(async () => {
  await h?.close();
});

describe('drafting a plan', () => {
  it('a provider sees the provincial programme as open, creates one draft; a second draft for it is a CONFLICT', async () => {
    const open = await svc.openProgrammes(actor('provider_staff', provider1));
    expect(open.map((p) => [p.id, p.deadline, p.planId])).toContainEqual([programmeId, '2021-07-30', null]);
    const d = await svc.createPlan(actor('provider_staff', provider1), programmeId, {
      body: { theme: '', classCount: 1, modules: [], staff: [] },
    });
    expect([d.status, d.currentVersion, d.canEdit, d.canReview]).toEqual(['draft', 1, true, false]);
    expect(d.requirements).toMatchObject({
      centralizedDays: 15,
      onlineHoursTenths: 300,
      practicalShareMinPct: 50,
      deadline: '2021-07-30',
      deadlineRuleId: 'R-004-08',
    });
    expect(d.requirements.topics).toHaveLength(12);
    const again = await thrown(
      svc.createPlan(actor('provider_staff', provider1), programmeId, { body: completeRuralPlan() }),
    );
    expect(again.code).toBe('CONFLICT');
  });

  it('a bureau cannot draft (403); a city programme is not open to a provider registered under the province (404)', async () => {
    expect(
      (
        await thrown(
          svc.createPlan(actor('bureau_admin', province), programmeId, { body: completeRuralPlan() }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const cityProgramme = await newProgramme(city);
    const open = await svc.openProgrammes(actor('provider_staff', provider2));
    expect(open.map((p) => p.id)).not.toContain(cityProgramme);
    const e = await thrown(
      svc.createPlan(actor('provider_staff', provider2), cityProgramme, { body: completeRuralPlan() }),
    );
    expect(e.code).toBe('NOT_FOUND');
  });
});

describe('submitting: every check must pass, else nothing is written', () => {
  let planId: string;

  beforeAll(async () => {
    const mine = await svc.listPlans(actor('provider_staff', provider1), {});
    planId = mine.find((p) => p.programmeId === programmeId)?.id ?? '';
  });

  it('an empty draft is refused with each failed rule (R-004-03/04/05/07/08 …) and stays a draft', async () => {
    const e = await thrown(svc.submitPlan(actor('provider_staff', provider1), planId));
    expect(e.code).toBe('VALIDATION_FAILED');
    const details = e.details as { ruleIds: string[]; checks: Array<{ code: string; passed: boolean }> };
    expect(details.ruleIds).toEqual(
      expect.arrayContaining([
        'R-004-08',
        'R-004-03',
        'R-004-04',
        'R-004-05',
        'R-004-07',
        'R-004-73',
        'R-004-74',
      ]),
    );
    expect(details.checks.find((c) => c.code === 'PLAN.DEADLINE')?.passed).toBe(true);
    const d = await svc.getPlan(actor('provider_staff', provider1), planId);
    expect(d.status).toBe('draft');
    expect(d.versions).toHaveLength(1);
    expect(d.versions[0]?.checkResult).toBeNull();
  });

  it('R-004-08 a Word file named .pdf is refused by its magic bytes, an empty file and an oversized one too', async () => {
    const provider = actor('provider_staff', provider1);
    const notPdf = await thrown(svc.uploadSealedPdf(provider, planId, upload(NOT_A_PDF)));
    expect(notPdf.code).toBe('FILE_UNREADABLE');
    expect(notPdf.details).toMatchObject({ ruleId: 'R-004-08' });
    expect(notPdf.message).not.toContain('R-004-08');
    expect((await thrown(svc.uploadSealedPdf(provider, planId, upload(Buffer.alloc(0))))).code).toBe(
      'FILE_EMPTY',
    );
    const small = plansAt('2021-07-20', SEALED_PDF.length - 1);
    expect((await thrown(small.uploadSealedPdf(provider, planId, upload(SEALED_PDF)))).code).toBe(
      'FILE_TOO_LARGE',
    );
    const atLimit = plansAt('2021-07-20', SEALED_PDF.length);
    const d = await atLimit.uploadSealedPdf(provider, planId, upload(SEALED_PDF));
    expect(d.versions[0]?.file).toMatchObject({
      mime: 'application/pdf',
      size: SEALED_PDF.length,
      sha256: createHash('sha256').update(SEALED_PDF).digest('hex'),
    });
    const files = await h.db.selectFrom('files').select('id').execute();
    expect(files).toHaveLength(1);
  });

  it('R-004-08 a complete plan submitted after the deadline (2021-07-31) is refused with the rule in details; nothing written', async () => {
    const provider = actor('provider_staff', provider1);
    await svc.updatePlan(provider, planId, { body: completeRuralPlan() });
    const late = await thrown(plansAt('2021-07-31').submitPlan(provider, planId));
    expect(late.code).toBe('VALIDATION_FAILED');
    expect(late.message).not.toContain('R-004-08');
    expect(late.message).toContain('2021-07-30');
    expect((late.details as { ruleIds: string[] }).ruleIds).toEqual(['R-004-08']);
    expect((await svc.getPlan(provider, planId)).status).toBe('draft');
  });

  it('on the deadline day itself (2021-07-30) it is submitted with its check result, and is then frozen', async () => {
    const provider = actor('provider_staff', provider1);
    const checked = await svc.checkCurrent(provider, planId);
    expect(checked.passed).toBe(true);
    const d = await plansAt('2021-07-30').submitPlan(provider, planId);
    expect([d.status, d.canEdit]).toEqual(['submitted', false]);
    expect(d.versions[0]?.checkResult?.passed).toBe(true);
    expect(d.versions[0]?.submittedAt).not.toBeNull();
    expect((await thrown(svc.updatePlan(provider, planId, { body: completeRuralPlan() }))).code).toBe(
      'CONFLICT',
    );
    expect((await thrown(svc.submitPlan(provider, planId))).code).toBe('CONFLICT');
  });

  it('scope: the other provider cannot see it (404), a county bureau cannot review a provincial programme (403)', async () => {
    expect((await thrown(svc.getPlan(actor('provider_staff', provider2), planId))).code).toBe('NOT_FOUND');
    expect((await svc.listPlans(actor('provider_staff', provider2), {})).map((p) => p.id)).not.toContain(
      planId,
    );
    const e = await thrown(svc.returnPlan(actor('bureau_admin', county), planId, { comment: '请修改' }));
    expect(e.code).toBe('FORBIDDEN');
    expect((await thrown(svc.approvePlan(actor('bureau_admin', city), planId, {}))).code).toBe('FORBIDDEN');
    expect((await svc.listPlans(actor('bureau_admin', county), {})).map((p) => p.id)).not.toContain(planId);
    expect((await thrown(svc.approvePlan(actor('provider_staff', provider1), planId, {}))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('the office returns it with comments (a comment is required); the provider edits into version 2, version 1 kept', async () => {
    const office = actor('bureau_admin', province);
    const queue = await svc.listPlans(office, { status: 'submitted' });
    expect(queue.find((p) => p.id === planId)?.canReview).toBe(true);
    expect((await thrown(svc.returnPlan(office, planId, { comment: ' ' }))).code).toBe('VALIDATION_FAILED');
    const r = await svc.returnPlan(office, planId, { comment: '请补充跟岗学校名单' });
    expect(r.status).toBe('returned');
    expect(r.versions[0]).toMatchObject({
      version: 1,
      decision: 'returned',
      reviewComment: '请补充跟岗学校名单',
    });
    const provider = actor('provider_staff', provider1);
    const body = completeRuralPlan();
    body.theme = '乡村小学课堂提问的有效性（修订）';
    const v2 = await svc.updatePlan(provider, planId, { body });
    expect([v2.status, v2.currentVersion]).toEqual(['draft', 2]);
    expect(v2.versions.map((v) => [v.version, v.body.theme, v.file !== null])).toEqual([
      [2, '乡村小学课堂提问的有效性（修订）', true],
      [1, '乡村小学课堂提问的有效性', true],
    ]);
    await svc.submitPlan(provider, planId);
  });

  it('approval records the approved provider; a second provider cannot also be approved', async () => {
    const office = actor('bureau_admin', province);
    const d = await svc.approvePlan(office, planId, { comment: '同意' });
    expect(d.status).toBe('approved');
    expect(await planQueries().approvedProviderOf(programmeId)).toEqual({
      providerOrgId: provider1.id,
      providerName: provider1.name,
      planId,
    });
    expect(await planQueries().isApprovedProvider(programmeId, provider1.id)).toBe(true);
    expect(await planQueries().isApprovedProvider(programmeId, provider2.id)).toBe(false);
    expect(await svc.isApprovedProvider(programmeId, provider1.id)).toBe(true);
    // a new programme: provider 2 applies, is approved; then provider 1's late approval conflicts
    const other = await newProgramme(province);
    const p2 = await svc.createPlan(actor('provider_staff', provider2), other, { body: completeRuralPlan() });
    await svc.uploadSealedPdf(actor('provider_staff', provider2), p2.id, upload(SEALED_PDF));
    await svc.submitPlan(actor('provider_staff', provider2), p2.id);
    const p1 = await svc.createPlan(actor('provider_staff', provider1), other, { body: completeRuralPlan() });
    await svc.uploadSealedPdf(actor('provider_staff', provider1), p1.id, upload(SEALED_PDF));
    await svc.submitPlan(actor('provider_staff', provider1), p1.id);
    await svc.approvePlan(office, p2.id, {});
    const e = await thrown(svc.approvePlan(office, p1.id, {}));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(provider2.name);
    expect((await svc.getPlan(office, p1.id)).status).toBe('submitted');
    // once approved, the programme takes no new plans
    const provider3 = actor('provider_staff', provider1);
    expect((await thrown(svc.createPlan(provider3, programmeId, { body: completeRuralPlan() }))).code).toBe(
      'CONFLICT',
    );
  });

  it('the audit log holds create, upload, submit, return and approve', async () => {
    const rows = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', planId)
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['plan.create', 'plan.update', 'plan.upload', 'plan.submit', 'plan.return', 'plan.approve']),
    );
  });
});

describe('money: budget from the pack standards vs spending, in fen (R-004-22 … R-004-25)', () => {
  it('10 seats of 乡村骨干: 10 × 15 × 40000 + 10 × 30 × 300 fen; spending over the budget is flagged', async () => {
    const office = actor('bureau_admin', province);
    const b = await svc.budget(office, programmeId);
    expect(b.lines.map((l) => [l.category, l.ruleId, l.amountFen])).toEqual([
      ['centralized', 'R-004-22', 6_000_000],
      ['online', 'R-004-23', 90_000],
    ]);
    expect([b.totalFen, b.studios, b.canWrite]).toEqual([6_090_000, 0, true]);
    await svc.addSpending(office, programmeId, {
      category: 'centralized',
      amountFen: 6_000_000,
      spentOn: '2021-09-15',
    });
    const at = await svc.budget(office, programmeId);
    expect(at.comparison.categories[0]).toMatchObject({
      actualFen: 6_000_000,
      varianceFen: 0,
      overBudget: false,
    });
    const over = await svc.addSpending(office, programmeId, {
      category: 'centralized',
      amountFen: 1,
      spentOn: '2021-09-16',
      note: '超支 1 分',
    });
    expect(over.comparison.categories[0]).toMatchObject({ varianceFen: -1, overBudget: true });
    expect([over.comparison.overBudget, over.comparison.ruleId]).toEqual([true, 'R-004-25']);
    const back = await svc.addSpending(office, programmeId, {
      category: 'centralized',
      amountFen: -1,
      spentOn: '2021-09-17',
      note: '冲减',
    });
    expect(back.comparison.overBudget).toBe(false);
    expect(back.spending.map((s) => s.amountFen)).toEqual([6_000_000, 1, -1]);
  });

  it('the approved provider reads the budget; another provider and a county cannot; a county cannot record spending', async () => {
    expect((await svc.budget(actor('provider_staff', provider1), programmeId)).canWrite).toBe(false);
    expect((await thrown(svc.budget(actor('provider_staff', provider2), programmeId))).code).toBe(
      'FORBIDDEN',
    );
    expect((await thrown(svc.budget(actor('bureau_admin', county), programmeId))).code).toBe('FORBIDDEN');
    const e = await thrown(
      svc.addSpending(actor('bureau_admin', county), programmeId, {
        category: 'online',
        amountFen: 100,
        spentOn: '2021-09-01',
      }),
    );
    expect(e.code).toBe('FORBIDDEN');
    expect(
      (
        await thrown(
          svc.addSpending(actor('provider_staff', provider1), programmeId, {
            category: 'online',
            amountFen: 100,
            spentOn: '2021-09-01',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('R-004-24 a trainer programme of 150 seats budgets 15 studios × 2,000,000 fen', async () => {
    const p = await createProgrammes(() => new Date('2021-07-01T02:00:00Z')).createProgramme(
      actor('bureau_admin', province),
      {
        packId: 'henan-2021',
        projectTypeCode: 'trainer_advanced',
        title: '省级教师培训师高端研修',
        selectionDeadline: '2021-07-30',
        startDate: '2021-09-01',
        endDate: '2023-06-30',
        totalSeats: 150,
      },
    );
    const b = await svc.budget(actor('bureau_admin', province), p.id);
    expect(b.studios).toBe(15);
    expect(b.lines.find((l) => l.category === 'studio')).toMatchObject({
      ruleId: 'R-004-24',
      amountFen: 30_000_000,
    });
    expect(b.totalFen).toBe(335_400_000);
  });
});
