import type {
  BudgetReport,
  CreatePlanRequest,
  CreateSpendingRequest,
  OpenProgramme,
  PlanCheckResultBody,
  PlanDetail,
  PlanListQuery,
  PlanRequirements,
  PlanStatus,
  PlanSummary,
  PlanVersion,
  ReviewPlanRequest,
  UpdatePlanRequest,
} from '@yanxun/contracts';
import {
  type BudgetCategory,
  checkPlan,
  compareSpending,
  findProjectType,
  findTrack,
  type PlanCheckResult,
  PlanPackError,
  type PolicyPack,
  programmeBudget,
  type TrainingPlan,
  todayInShanghai,
  totalCentralizedDays,
  totalOnlineTenths,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, type Permission, requirePermission, scopeOf } from '../../shared/permissions';
import type { AuditService } from '../audit';
import type { FilesService, Upload } from '../files';
import type { ProgrammeRef, ProgramsService } from '../programs';
import type { PlanRow, PlansRepository, PlanVersionRow } from './plans.repository';

/** What a file of a plan is stored as (files.purpose). */
const PLAN_FILE_PURPOSE = 'plan_sealed_pdf';

interface Loaded {
  plan: PlanRow;
  programme: ProgrammeRef;
  pack: PolicyPack;
}

/** The pack's requirements of a plan for a programme (what the editor shows beside the form). */
export function requirementsOf(pack: PolicyPack, programme: ProgrammeRef): PlanRequirements {
  const type = findProjectType(pack, programme.projectTypeCode);
  const track = type && findTrack(type, programme.trackCode);
  if (!type || !track) {
    throw new AppError('INTERNAL', `培训项目 ${programme.id} 的项目类型在政策包 ${pack.id} 中不存在`);
  }
  const d = pack.design;
  if (!d.planModes || !d.dayHoursTenths) {
    throw new AppError(
      'CONFLICT',
      `政策包 ${pack.id} 缺少培训方案的研修形式（design.planModes）或天数折算学时，请先在政策包中补充`,
      { ruleId: 'R-004-31' },
    );
  }
  const share = type.practicalShareMinPct ?? d.practicalShareMinPct;
  return {
    projectTypeName: type.name,
    trackName: track.name,
    deadline: pack.deadlines.applicationDue.value,
    deadlineRuleId: pack.deadlines.applicationDue.ruleId,
    topics: [...d.compulsoryTopics.value],
    topicsRuleId: d.compulsoryTopics.ruleId,
    modes: d.planModes.value.map((m) => ({ ...m })),
    centralizedDays: totalCentralizedDays(type, track),
    onlineHoursTenths: totalOnlineTenths(type, track),
    totalsAreMinimum: track.planTotalsAreMinimum?.value === true,
    practicalShareMinPct: share.value,
    practicalRuleId: share.ruleId,
    chiefExperts: d.staffing.value.chiefExperts,
    subjectClassTeachersPerClass: d.staffing.value.subjectClassTeachersPerClass,
    lifeClassTeachersPerClass: d.staffing.value.lifeClassTeachersPerClass,
    staffingRuleId: d.staffing.ruleId,
  };
}

function failedMessage(result: PlanCheckResult): string {
  const failed = result.checks.filter((c) => !c.passed);
  const late = failed.find((c) => c.code === 'PLAN.DEADLINE');
  if (late) return late.message;
  return `培训方案有 ${failed.length} 项未通过检查，未提交：${failed.map((c) => `${c.label}（${c.ruleId}）`).join('；')}`;
}

/**
 * Training plans (培训方案 / 申报书) of providers for programmes: draft, sealed PDF, submit with the checks of
 * core `checkPlan`, review (return with comments or approve), versions kept; the approved provider of a
 * programme; and the programme's budget from the pack's standards against its spending, in fen.
 */
export function createPlansService(deps: {
  db: Database;
  repo: PlansRepository;
  programs: ProgramsService;
  files: FilesService;
  audit: AuditService;
  clock?: () => Date;
}) {
  const { db, repo, programs, files, audit } = deps;
  const now = deps.clock ?? (() => new Date());
  const today = () => todayInShanghai(now());

  /** `path` is inside or above the actor's scope for `permission` (a county sees its province's programmes). */
  function related(actor: Actor, permission: Permission, path: string): boolean {
    return scopeOf(actor, permission).some((root) => root.startsWith(path) || path.startsWith(root));
  }

  const isProvider = (actor: Actor, plan: PlanRow) => can(actor, 'plan.submit', plan.provider_path);
  const isReviewer = (actor: Actor, programme: ProgrammeRef) =>
    can(actor, 'plan.review', programme.ownerPath);

  async function programmeOr404(id: string): Promise<{ programme: ProgrammeRef; pack: PolicyPack }> {
    const found = await programs.programmeWithPack(id);
    if (!found) throw notFound('培训项目');
    return found;
  }

  /**
   * A plan the actor may act on: `read` (its provider or the programme's reviewer), `edit` (its provider), or
   * `review` (the office owning the programme). 403 when the actor can see it but not do this; 404 otherwise.
   */
  async function loadPlan(actor: Actor, id: string, need: 'read' | 'edit' | 'review'): Promise<Loaded> {
    if (scopeOf(actor, 'plan.submit').length === 0 && scopeOf(actor, 'plan.review').length === 0) {
      throw forbidden('您的角色无权查看培训方案');
    }
    const plan = isId(id) ? await repo.findPlan(id) : undefined;
    if (!plan) throw notFound('培训方案');
    const { programme, pack } = await programmeOr404(plan.programme_id);
    const provider = isProvider(actor, plan);
    const reviewer = isReviewer(actor, programme);
    const visible = provider || reviewer;
    const allowed = need === 'read' ? visible : need === 'edit' ? provider : reviewer;
    if (!allowed) {
      if (visible || (need === 'review' && related(actor, 'program.read', programme.ownerPath))) {
        throw forbidden(
          need === 'review' ? '该项目不由您的单位组织，不能审核其培训方案' : '只有承训机构可以修改方案',
        );
      }
      throw notFound('培训方案');
    }
    return { plan, programme, pack };
  }

  function toSummary(actor: Actor, l: Loaded, submittedAt: Date | null): PlanSummary {
    const status = l.plan.status as PlanStatus;
    return {
      id: l.plan.id,
      programmeId: l.programme.id,
      programmeTitle: l.programme.title,
      ownerOrgName: l.programme.ownerOrgName,
      providerOrgId: l.plan.provider_org_id,
      providerName: l.plan.provider_name,
      status,
      currentVersion: l.plan.current_version,
      submittedAt: submittedAt?.toISOString() ?? null,
      updatedAt: l.plan.updated_at.toISOString(),
      canEdit: isProvider(actor, l.plan) && (status === 'draft' || status === 'returned'),
      canReview: isReviewer(actor, l.programme) && status === 'submitted',
    };
  }

  async function detail(actor: Actor, l: Loaded): Promise<PlanDetail> {
    const versions = await repo.versions(l.plan.id);
    const metas = await files.metaOf(versions.flatMap((v) => (v.file_id ? [v.file_id] : [])));
    const out: PlanVersion[] = versions.map((v: PlanVersionRow) => ({
      version: v.version,
      body: v.body as TrainingPlan,
      file: (v.file_id && metas.get(v.file_id)) || null,
      checkResult: (v.check_result as PlanCheckResultBody | null) ?? null,
      submittedAt: v.submitted_at?.toISOString() ?? null,
      decision: (v.decision as PlanVersion['decision']) ?? null,
      reviewComment: v.review_comment,
      reviewedAt: v.reviewed_at?.toISOString() ?? null,
      updatedAt: v.updated_at.toISOString(),
    }));
    const current = versions.find((v) => v.version === l.plan.current_version);
    return {
      ...toSummary(actor, l, current?.submitted_at ?? null),
      versions: out,
      requirements: requirementsOf(l.pack, l.programme),
    };
  }

  function runChecks(l: Loaded, body: TrainingPlan, sealedPdf: boolean): PlanCheckResult {
    try {
      return checkPlan(
        body,
        l.pack,
        l.programme.projectTypeCode,
        today(),
        l.pack.deadlines.applicationDue.value,
        { trackCode: l.programme.trackCode, sealedPdf },
      );
    } catch (err) {
      if (err instanceof PlanPackError) throw new AppError('CONFLICT', err.message, { ruleId: 'R-004-31' });
      throw err;
    }
  }

  function assertEditable(plan: PlanRow): void {
    if (plan.status === 'submitted') {
      throw new AppError('CONFLICT', '方案已提交，正在审核，不能修改；如需修改请等待退回', {
        status: plan.status,
      });
    }
    if (plan.status === 'approved') {
      throw new AppError('CONFLICT', '方案已批准，不能再修改', { status: plan.status });
    }
  }

  /** The version being edited: a returned plan opens a new version (a copy of the returned one). */
  async function editableVersion(plan: PlanRow, trx: Database): Promise<number> {
    assertEditable(plan);
    if (plan.status === 'returned') {
      const next = plan.current_version + 1;
      await repo.copyVersion(plan.id, plan.current_version, next, trx);
      return next;
    }
    return plan.current_version;
  }

  /** The plan.submit grants of the actor: the provider orgs they work for. */
  function providerGrants(actor: Actor) {
    return actor.grants.filter((g) => g.role === 'provider_staff' && can(actor, 'plan.submit', g.orgPath));
  }

  async function budgetAccess(actor: Actor, programme: ProgrammeRef): Promise<void> {
    requirePermission(actor, 'budget.read');
    if (can(actor, 'budget.read', programme.ownerPath)) return;
    const approved = await repo.approvedProvider(programme.id);
    if (approved && providerGrants(actor).some((g) => g.orgId === approved.provider_org_id)) return;
    if (
      related(actor, 'program.read', programme.ownerPath) ||
      related(actor, 'budget.read', programme.ownerPath)
    ) {
      throw forbidden('该项目的经费不在您的管辖范围内');
    }
    throw notFound('培训项目');
  }

  return {
    // -------------------------------------------------------------------------------------- providers

    /** Programmes the actor's provider orgs may apply to (owned by a bureau above them), with their own plan. */
    async openProgrammes(actor: Actor): Promise<OpenProgramme[]> {
      requirePermission(actor, 'plan.submit');
      const out: OpenProgramme[] = [];
      const seen = new Set<string>();
      for (const g of providerGrants(actor)) {
        for (const { programme, pack } of await programs.programmesAround(g.orgPath)) {
          if (!g.orgPath.startsWith(programme.ownerPath) || seen.has(programme.id)) continue;
          seen.add(programme.id);
          const type = findProjectType(pack, programme.projectTypeCode);
          const mine = await repo.findPlanFor(programme.id, g.orgId);
          const approved = await repo.approvedProvider(programme.id);
          out.push({
            id: programme.id,
            title: programme.title,
            projectTypeName: type?.name ?? programme.projectTypeCode,
            level: programme.level,
            year: programme.year,
            ownerOrgName: programme.ownerOrgName,
            startDate: programme.startDate,
            endDate: programme.endDate,
            totalSeats: programme.totalSeats,
            deadline: pack.deadlines.applicationDue.value,
            planId: mine?.id ?? null,
            planStatus: (mine?.status as PlanStatus | undefined) ?? null,
            approvedProviderName: approved?.provider_name ?? null,
          });
        }
      }
      return out;
    },

    /** Plans the actor sees: their provider's own, and those of programmes their office reviews. */
    async listPlans(actor: Actor, query: PlanListQuery): Promise<PlanSummary[]> {
      const providerRoots = scopeOf(actor, 'plan.submit');
      const reviewRoots = scopeOf(actor, 'plan.review');
      if (providerRoots.length === 0 && reviewRoots.length === 0) throw forbidden('您的角色无权查看培训方案');
      const programmes = new Map<string, { programme: ProgrammeRef; pack: PolicyPack }>();
      const reviewed: string[] = [];
      for (const root of reviewRoots) {
        for (const p of await programs.programmesAround(root)) {
          if (!p.programme.ownerPath.startsWith(root)) continue;
          programmes.set(p.programme.id, p);
          reviewed.push(p.programme.id);
        }
      }
      const rows = new Map<string, PlanRow>();
      const add = (list: PlanRow[]) => {
        for (const r of list) rows.set(r.id, r);
      };
      if (providerRoots.length) add(await repo.listPlans({ providerRoots, status: query.status }));
      if (reviewed.length) add(await repo.listPlans({ programmeIds: reviewed, status: query.status }));
      const out: PlanSummary[] = [];
      for (const plan of rows.values()) {
        if (query.programmeId && plan.programme_id !== query.programmeId) continue;
        let p = programmes.get(plan.programme_id);
        if (!p) {
          p = await programmeOr404(plan.programme_id);
          programmes.set(plan.programme_id, p);
        }
        const current = await repo.version(plan.id, plan.current_version);
        out.push(toSummary(actor, { plan, ...p }, current?.submitted_at ?? null));
      }
      return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || Number(b.id) - Number(a.id));
    },

    async getPlan(actor: Actor, id: string): Promise<PlanDetail> {
      return detail(actor, await loadPlan(actor, id, 'read'));
    },

    /** A new draft plan of the actor's provider for a programme owned by a bureau above it. */
    async createPlan(actor: Actor, programmeId: string, req: CreatePlanRequest): Promise<PlanDetail> {
      requirePermission(actor, 'plan.submit');
      const grants = providerGrants(actor);
      const grant = req.providerOrgId ? grants.find((g) => g.orgId === req.providerOrgId) : grants[0];
      if (!grant) throw forbidden('您不是该承训机构的工作人员');
      const found = isId(programmeId) ? await programs.programmeWithPack(programmeId) : undefined;
      if (!found || !grant.orgPath.startsWith(found.programme.ownerPath)) throw notFound('培训项目');
      requirementsOf(found.pack, found.programme);
      const approved = await repo.approvedProvider(programmeId);
      if (approved) {
        throw new AppError('CONFLICT', `该项目已批准承训机构"${approved.provider_name}"，不再接受申报`);
      }
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertPlan(
          {
            programmeId,
            providerOrgId: grant.orgId,
            providerPath: grant.orgPath,
            body: req.body,
            createdBy: actor.accountId,
          },
          trx,
        );
        if (!newId) throw new AppError('CONFLICT', '本机构已为该项目建立培训方案，请在原方案上修改');
        await audit.record(
          actor,
          {
            action: 'plan.create',
            entity: 'plan',
            entityId: newId,
            orgId: grant.orgId,
            details: { programmeId },
          },
          trx,
        );
        return newId;
      });
      return this.getPlan(actor, id);
    },

    async updatePlan(actor: Actor, id: string, req: UpdatePlanRequest): Promise<PlanDetail> {
      const l = await loadPlan(actor, id, 'edit');
      await db.transaction().execute(async (trx) => {
        const plan = await repo.lockPlan(l.plan.id, trx);
        if (!plan) throw notFound('培训方案');
        const version = await editableVersion(plan, trx);
        await repo.setVersionBody(plan.id, version, req.body, trx);
        await audit.record(
          actor,
          {
            action: 'plan.update',
            entity: 'plan',
            entityId: plan.id,
            orgId: plan.provider_org_id,
            details: { version },
          },
          trx,
        );
      });
      return this.getPlan(actor, id);
    },

    /** Attach the sealed PDF (R-004-08) to the version being edited; PDF by its magic bytes, size per config. */
    async uploadSealedPdf(actor: Actor, id: string, upload: Upload): Promise<PlanDetail> {
      const l = await loadPlan(actor, id, 'edit');
      assertEditable(l.plan);
      const ruleId = l.pack.deadlines.applicationFormat.ruleId;
      await db.transaction().execute(async (trx) => {
        const plan = await repo.lockPlan(l.plan.id, trx);
        if (!plan) throw notFound('培训方案');
        const version = await editableVersion(plan, trx);
        const meta = await files.store(
          actor,
          { id: plan.provider_org_id, path: plan.provider_path },
          PLAN_FILE_PURPOSE,
          'pdf',
          upload,
          { trx, ruleId },
        );
        await repo.setVersionFile(plan.id, version, meta.id, trx);
        await audit.record(
          actor,
          {
            action: 'plan.upload',
            entity: 'plan',
            entityId: plan.id,
            orgId: plan.provider_org_id,
            details: { version, fileId: meta.id, sha256: meta.sha256, size: meta.size },
          },
          trx,
        );
      });
      return this.getPlan(actor, id);
    },

    /** The sealed PDF of a version, for the provider and the reviewing office. */
    async sealedPdf(actor: Actor, id: string, version: number): Promise<{ name: string; content: Buffer }> {
      const l = await loadPlan(actor, id, 'read');
      const v = await repo.version(l.plan.id, version);
      const meta = v?.file_id ? await files.meta(v.file_id) : undefined;
      const content = meta ? await files.content(meta.id) : undefined;
      if (!meta || !content) throw notFound('申报书 PDF');
      return { name: meta.name, content };
    },

    /** The checks on the current version, without submitting (the editor's "check" button). */
    async checkCurrent(actor: Actor, id: string): Promise<PlanCheckResultBody> {
      const l = await loadPlan(actor, id, 'read');
      const v = await repo.version(l.plan.id, l.plan.current_version);
      if (!v) throw notFound('培训方案');
      return runChecks(l, v.body as TrainingPlan, v.file_id !== null);
    },

    /**
     * Submit the plan: every check of core `checkPlan` must pass (deadline R-004-08 included), else it is refused
     * with the failed rules and nothing is written (a returned plan stays returned, a draft stays a draft).
     */
    async submitPlan(actor: Actor, id: string): Promise<PlanDetail> {
      const l = await loadPlan(actor, id, 'edit');
      await db.transaction().execute(async (trx) => {
        const plan = await repo.lockPlan(l.plan.id, trx);
        if (!plan) throw notFound('培训方案');
        const version = await editableVersion(plan, trx);
        const v = await repo.version(plan.id, version, trx);
        if (!v) throw notFound('培训方案');
        const result = runChecks(l, v.body as TrainingPlan, v.file_id !== null);
        if (!result.passed) {
          const failed = result.checks.filter((c) => !c.passed);
          throw new AppError('VALIDATION_FAILED', failedMessage(result), {
            ruleIds: [...new Set(failed.map((c) => c.ruleId))],
            checks: result.checks,
          });
        }
        await repo.markSubmitted(plan.id, version, result, actor.accountId, trx);
        await audit.record(
          actor,
          {
            action: 'plan.submit',
            entity: 'plan',
            entityId: plan.id,
            orgId: plan.provider_org_id,
            details: { version, programmeId: plan.programme_id },
          },
          trx,
        );
      });
      return this.getPlan(actor, id);
    },

    // ----------------------------------------------------------------------------------------- office

    /** Return a submitted plan with comments; the provider edits it into a new version and resubmits. */
    async returnPlan(actor: Actor, id: string, req: ReviewPlanRequest): Promise<PlanDetail> {
      const l = await loadPlan(actor, id, 'review');
      const comment = (req.comment ?? '').trim();
      if (comment === '') {
        throw new AppError('VALIDATION_FAILED', '退回须写明修改意见', {
          issues: [{ path: '/comment', message: '请填写修改意见' }],
        });
      }
      await db.transaction().execute(async (trx) => {
        const plan = await repo.lockPlan(l.plan.id, trx);
        if (!plan) throw notFound('培训方案');
        if (plan.status !== 'submitted') {
          throw new AppError('CONFLICT', '只有已提交待审核的方案可以退回', { status: plan.status });
        }
        await repo.markReviewed(plan.id, plan.current_version, 'returned', comment, actor.accountId, trx);
        await audit.record(
          actor,
          {
            action: 'plan.return',
            entity: 'plan',
            entityId: plan.id,
            orgId: l.programme.ownerOrgId,
            details: { version: plan.current_version, comment },
          },
          trx,
        );
      });
      return this.getPlan(actor, id);
    },

    /** Approve a submitted plan: its provider becomes the programme's approved provider (one per programme). */
    async approvePlan(actor: Actor, id: string, req: ReviewPlanRequest): Promise<PlanDetail> {
      const l = await loadPlan(actor, id, 'review');
      const comment = (req.comment ?? '').trim() || null;
      await db.transaction().execute(async (trx) => {
        const plan = await repo.lockPlan(l.plan.id, trx);
        if (!plan) throw notFound('培训方案');
        if (plan.status !== 'submitted') {
          throw new AppError('CONFLICT', '只有已提交待审核的方案可以批准', { status: plan.status });
        }
        const ok = await repo.insertApprovedProvider(
          {
            programmeId: plan.programme_id,
            providerOrgId: plan.provider_org_id,
            planId: plan.id,
            approvedBy: actor.accountId,
          },
          trx,
        );
        if (!ok) {
          const other = await repo.approvedProvider(plan.programme_id, trx);
          throw new AppError('CONFLICT', `该项目已批准承训机构"${other?.provider_name ?? ''}"`);
        }
        await repo.markReviewed(plan.id, plan.current_version, 'approved', comment, actor.accountId, trx);
        await audit.record(
          actor,
          {
            action: 'plan.approve',
            entity: 'plan',
            entityId: plan.id,
            orgId: l.programme.ownerOrgId,
            details: { version: plan.current_version, providerOrgId: plan.provider_org_id, comment },
          },
          trx,
        );
      });
      return this.getPlan(actor, id);
    },

    // ----------------------------------------------------------------- for other modules (no actor)

    /** The provider whose plan was approved for the programme, or undefined. */
    async approvedProviderOf(
      programmeId: string,
    ): Promise<{ providerOrgId: string; providerName: string; planId: string } | undefined> {
      if (!isId(programmeId)) return undefined;
      const r = await repo.approvedProvider(programmeId);
      return r && { providerOrgId: r.provider_org_id, providerName: r.provider_name, planId: r.plan_id };
    },

    async isApprovedProvider(programmeId: string, providerOrgId: string): Promise<boolean> {
      return (await this.approvedProviderOf(programmeId))?.providerOrgId === providerOrgId;
    },

    // ------------------------------------------------------------------------------------------ money

    /**
     * A programme's budget from the pack's standards (seats × days × 400 元, seats × 学时 × 3 元, studios × 2 万元;
     * R-004-22…24) against its recorded spending, by category, in fen (R-004-25).
     */
    async budget(actor: Actor, programmeId: string): Promise<BudgetReport> {
      // a role that reads no budget anywhere is refused before the look-up, whatever the id
      requirePermission(actor, 'budget.read');
      const { programme, pack } = await programmeOr404(isId(programmeId) ? programmeId : '0');
      await budgetAccess(actor, programme);
      const budget = programmeBudget(pack, {
        projectTypeCode: programme.projectTypeCode,
        trackCode: programme.trackCode,
        seats: programme.totalSeats,
      });
      const spending = await repo.spending(programme.id);
      const comparison = compareSpending(
        pack,
        budget,
        spending.map((s) => ({ category: s.category as BudgetCategory, amountFen: s.amount_fen })),
      );
      return {
        programmeId: programme.id,
        programmeTitle: programme.title,
        seats: programme.totalSeats,
        studios: budget.studios,
        lines: budget.lines,
        totalFen: budget.totalFen,
        comparison,
        spending: spending.map((s) => ({
          id: s.id,
          category: s.category as BudgetCategory,
          amountFen: s.amount_fen,
          spentOn: s.spent_on,
          note: s.note,
          createdAt: s.created_at.toISOString(),
        })),
        canWrite: can(actor, 'spending.write', programme.ownerPath),
      };
    },

    /** Record spending by the programme's owner (append-only; a negative amount with a note corrects). */
    async addSpending(actor: Actor, programmeId: string, req: CreateSpendingRequest): Promise<BudgetReport> {
      requirePermission(actor, 'spending.write');
      const { programme } = await programmeOr404(isId(programmeId) ? programmeId : '0');
      if (!can(actor, 'spending.write', programme.ownerPath)) {
        if (related(actor, 'program.read', programme.ownerPath)) {
          throw forbidden('只有组织该项目的教育行政部门可以登记经费支出');
        }
        throw notFound('培训项目');
      }
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertSpending(
          {
            programmeId: programme.id,
            category: req.category,
            amountFen: req.amountFen,
            spentOn: req.spentOn,
            note: req.note?.trim() || null,
            createdBy: actor.accountId,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'spending.create',
            entity: 'programme_spending',
            entityId: id,
            orgId: programme.ownerOrgId,
            details: { programmeId: programme.id, category: req.category, amountFen: req.amountFen },
          },
          trx,
        );
      });
      return this.budget(actor, programmeId);
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
