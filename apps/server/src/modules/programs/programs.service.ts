import type {
  AllocateRequest,
  AllocateResult,
  ClonePackRequest,
  ConfirmShortlistRequest,
  CreateIntegrityRecordRequest,
  CreateProgrammeRequest,
  EligibilityRequest,
  IntegrityAppealDecision,
  IntegrityAppealRequest,
  IntegrityListQuery,
  IntegrityRecordBody,
  NominateRequest,
  Nomination,
  NominationListQuery,
  PackChange,
  PackDetail,
  PackListQuery,
  PackPreview,
  PackPreviewRequest,
  PackSummary,
  Page,
  PreviewCounts,
  ProgramLevelCode,
  Programme,
  ProgrammeListQuery,
  PullBackRequest,
  QuotaSuggestion,
  QuotaSuggestQuery,
  QuotaTree,
  SelectionQuality,
  SelectionQualityQuery,
  ShortlistResult,
  SubstituteRequest,
  SubstitutionDecision,
  SubstitutionDecisionResult,
  SubstitutionListQuery,
  SubstitutionRequestBody,
  UpdatePackRequest,
  UpdateProgrammeRequest,
  WithdrawRequest,
  WithdrawResult,
} from '@yanxun/contracts';
import {
  type BackboneLevel,
  checkAllocation,
  classOperationsOf,
  clonePackForYear,
  completionRulesOf,
  type EligibilityCandidate,
  type EligibilityContext,
  type EligibilityResult,
  evaluateEligibility,
  findProjectType,
  findTrack,
  HENAN_2021_PACK,
  type IntegrityKind,
  integrityBar,
  kpiTargetsOf,
  type LocationType,
  type PackProblem,
  type PolicyPack,
  PROJECT_COUNTY_DEDUCTION,
  type ProjectTrack,
  planEligibilityGrouping,
  projectCountyDeduction,
  QUOTA_RULE_ID,
  resolveReferenceDate,
  shortlistSize,
  suggestSplit,
  todayInShanghai,
  validatePack,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { ExcelJS } from '../../shared/exceljs';
import { isId } from '../../shared/ids';
import { can, type Permission, requirePermission, scopeOf } from '../../shared/permissions';
import type { AuditService } from '../audit';
import { removeEnrolmentsOfNomination } from '../classes';
import { createNotificationsService, type NotificationsService } from '../notifications';
import { regionKeyOf } from '../org';
import {
  type CandidateRow,
  createProgramsRepository,
  type IntegrityRow,
  type NominationRow,
  type PackRow,
  type PreviewGroupRow,
  type ProgrammeRow,
  type ProgramsRepository,
  type QuotaKey,
  type QuotaRow,
  type SubstitutionRow,
} from './programs.repository';

/** Packs that ship with Yanxun, written to policy_packs at boot (templates every region may use or clone). */
export const BUILTIN_PACKS: readonly PolicyPack[] = [HENAN_2021_PACK];

/**
 * a pack as the editor shows it — the optional sections a pack saved before them lacks (class
 * operations, completion, KPI targets) filled with the values that apply to it anyway (core's defaults), so
 * every number that governs a programme is visible with its rule ID and can be edited in a draft.
 */
export function packWithSectionDefaults(pack: PolicyPack): PolicyPack {
  return {
    ...pack,
    classOps: classOperationsOf(pack),
    completion: completionRulesOf(pack),
    kpiTargets: kpiTargetsOf(pack),
  };
}

/** Idempotent: insert the built-in packs, or refresh them when the code changed them. Run at boot. */
export async function syncBuiltinPacks(db: Database): Promise<void> {
  await createProgramsRepository(db).upsertBuiltinPacks(
    BUILTIN_PACKS.map((p) => ({
      id: p.id,
      regionOrgId: null,
      regionCode: p.regionCode,
      year: p.year,
      version: p.version,
      status: p.status,
      title: p.title,
      builtin: true,
      derivedFrom: null,
      body: p,
      createdBy: null,
    })),
  );
}

/** Town and rural schools: the 乡镇 schools of R-004-72, and the basis of reserved rural seats. */
const RURAL_LOCATION_TYPES: LocationType[] = ['town', 'rural'];
/** The org kinds that can hold seats below a programme's owner. */
const QUOTA_KINDS = ['city', 'county', 'township', 'school'];
/** Child kind a suggested split goes down to, per node kind. */
const NEXT_LEVEL: Record<string, string[]> = {
  province: ['city'],
  city: ['county'],
  county: ['school'],
  township: ['school'],
};
/** Selection deadline (R-004-18): after it, unused seats can no longer be pulled back. */
const SELECTION_RULE_ID = 'R-004-18';
const PREVIEW_BATCH = 5000;
const INTEGRITY_KIND_NAMES: Record<IntegrityKind, string> = {
  no_show: '无特殊情况未参训',
  dismissed: '被劝退',
  not_completed: '未结业',
};
/** Differential shortlists (差额遴选 1:1.2). */
const SHORTLIST_RULE_ID = 'R-004-59';
/** Integrity archive (诚信档案). */
const INTEGRITY_RULE_ID = 'R-004-20';

type OrgRef = NonNullable<Awaited<ReturnType<ProgramsRepository['findOrg']>>>;

function problemsError(problems: PackProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', `政策包有 ${problems.length} 处问题，请修改后再保存`, {
    problems: problems.map((p) => ({ code: p.code, ruleId: p.ruleId, path: p.path, message: p.message })),
  });
}

/** validatePack, with a malformed body (a missing section) reported as a problem instead of a crash. */
function checkPack(pack: PolicyPack): PackProblem[] {
  try {
    return validatePack(pack);
  } catch (err) {
    return [
      {
        code: 'PACK.HEADER',
        ruleId: 'PACK.STRUCTURE',
        path: '',
        message: `政策包结构不完整：${err instanceof Error ? err.message : String(err)}`,
      },
    ];
  }
}

/** Apply what-if edits: `path` as validatePack reports it; a PolicyValue target gets its `.value` set. */
function applyChanges(pack: PolicyPack, changes: PackChange[]): PolicyPack {
  const copy = structuredClone(pack) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const keys = change.path.match(/[^.[\]]+/g) ?? [];
    const bad = () =>
      new AppError('VALIDATION_FAILED', `修改路径"${change.path}"在政策包中不存在`, {
        problems: [{ code: 'PACK.PATH', ruleId: 'PACK.STRUCTURE', path: change.path, message: '路径不存在' }],
      });
    if (keys.length === 0 || keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype'))
      throw bad();
    let node: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      if (node === null || typeof node !== 'object' || !(key in node)) throw bad();
      node = (node as Record<string, unknown>)[key];
    }
    const last = keys[keys.length - 1] ?? '';
    if (node === null || typeof node !== 'object') throw bad();
    const parent = node as Record<string, unknown>;
    const target = parent[last];
    if (target !== null && typeof target === 'object' && 'ruleId' in target && 'value' in target) {
      (target as Record<string, unknown>).value = change.value;
    } else if (last in parent || change.value !== undefined) {
      parent[last] = change.value;
    } else {
      throw bad();
    }
  }
  return copy as unknown as PolicyPack;
}

function toCandidate(
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

function toNomination(r: NominationRow, waitlistPosition: number | null): Nomination {
  return {
    id: r.id,
    programmeId: r.programme_id,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    schoolId: r.school_id,
    schoolName: r.school_name,
    quotaOrgId: r.quota_org_id,
    status: r.status as Nomination['status'],
    waitlistPosition,
    eligibility: r.eligibility as Nomination['eligibility'],
    overrideReason: r.override_reason,
    reason: r.reason,
    replacesId: r.replaces_id,
    replacedById: r.replaced_by_id,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  };
}

function toSubstitution(r: SubstitutionRow): SubstitutionRequestBody {
  return {
    id: r.id,
    programmeId: r.programme_id,
    quotaOrgId: r.quota_org_id,
    approverOrgId: r.approver_org_id,
    nominationId: r.nomination_id,
    replacedTeacherId: r.replaced_teacher_id,
    replacedTeacherName: r.replaced_teacher_name,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    reason: r.reason,
    eligibility: r.eligibility as SubstitutionRequestBody['eligibility'],
    overrideReason: r.override_reason,
    status: r.status as SubstitutionRequestBody['status'],
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionReason: r.decision_reason,
    newNominationId: r.new_nomination_id,
  };
}

const quotaKey = (q: Pick<QuotaRow, 'region_id' | 'programme_id' | 'org_id'>): QuotaKey => ({
  regionId: q.region_id,
  programmeId: q.programme_id,
  orgId: q.org_id,
});

// ------------------------------------------------------------------------------------------- what-if preview

export type PreviewMethod = 'grouped' | 'per_teacher';

interface PreviewRun {
  pack: PolicyPack;
  track: ProjectTrack;
  context: EligibilityContext;
  attestations: string[];
}

interface PreviewTally {
  teachers: number;
  packs: Array<{ eligible: number; needsOverride: number; ineligible: number; failed: Map<string, number> }>;
  /** Region key → teachers and, per pack, [eligible, needsOverride, ineligible]. */
  byCounty: Map<string, { teachers: number; packs: number[][] }>;
}

/** What the preview counts by: counties, or the schools of a one-county scope. */
type PreviewUnitKind = 'county' | 'school';

function unitOf(t: { county_id: string; school_id: string }, unit: PreviewUnitKind): string {
  return unit === 'school' ? t.school_id : t.county_id;
}

function newPreviewTally(packs: number): PreviewTally {
  return {
    teachers: 0,
    packs: Array.from({ length: packs }, () => ({
      eligible: 0,
      needsOverride: 0,
      ineligible: 0,
      failed: new Map<string, number>(),
    })),
    byCounty: new Map(),
  };
}

/** Count `n` teachers of a county with these results (one per pack). */
function addToTally(t: PreviewTally, countyId: string, results: EligibilityResult[], n: number): void {
  t.teachers += n;
  let c = t.byCounty.get(countyId);
  if (!c) {
    c = { teachers: 0, packs: results.map(() => [0, 0, 0]) };
    t.byCounty.set(countyId, c);
  }
  c.teachers += n;
  results.forEach((r, i) => {
    const p = t.packs[i];
    const cp = c.packs[i];
    if (!p || !cp) return;
    const slot = r.eligible ? 0 : r.needsOverride ? 1 : 2;
    if (slot === 0) p.eligible += n;
    else if (slot === 1) p.needsOverride += n;
    else p.ineligible += n;
    cp[slot] = (cp[slot] ?? 0) + n;
    for (const check of r.checks) {
      if (check.passed) continue;
      const key = `${check.ruleId}\u0000${check.label}`;
      p.failed.set(key, (p.failed.get(key) ?? 0) + n);
    }
  });
}

function mergeTally(into: PreviewTally, from: PreviewTally): void {
  into.teachers += from.teachers;
  from.packs.forEach((p, i) => {
    const q = into.packs[i];
    if (!q) return;
    q.eligible += p.eligible;
    q.needsOverride += p.needsOverride;
    q.ineligible += p.ineligible;
    for (const [k, v] of p.failed) q.failed.set(k, (q.failed.get(k) ?? 0) + v);
  });
  for (const [k, c] of from.byCounty) {
    const d = into.byCounty.get(k);
    if (!d) {
      into.byCounty.set(k, c);
      continue;
    }
    d.teachers += c.teachers;
    c.packs.forEach((row, i) => {
      const target = d.packs[i];
      if (!target) return;
      row.forEach((v, j) => {
        target[j] = (target[j] ?? 0) + v;
      });
    });
  }
}

/** What a count needs from a result: the outcome and the failed rules. */
function signature(r: EligibilityResult): string {
  const failed = r.checks.filter((c) => !c.passed).map((c) => `${c.ruleId}\u0000${c.label}`);
  return `${r.eligible ? 'E' : r.needsOverride ? 'O' : 'I'}|${failed.join('|')}`;
}

export function createProgramsService(deps: {
  db: Database;
  repo: ProgramsRepository;
  audit: AuditService;
  /** Teachers are told of integrity records and appeal decisions (R-004-20). */
  notifications?: NotificationsService;
  clock?: () => Date;
}) {
  const { db, repo, audit } = deps;
  const notifications = deps.notifications ?? createNotificationsService({ db });
  const now = deps.clock ?? (() => new Date());

  // ------------------------------------------------------------------------------------------ visibility

  /** A node `path` is related to the actor's scope: inside it, or above it (a province's pack reaches its counties). */
  function related(actor: Actor, permission: Permission, path: string): boolean {
    return scopeOf(actor, permission).some((root) => root.startsWith(path) || path.startsWith(root));
  }

  function packVisible(actor: Actor, row: PackRow): boolean {
    if (row.builtin) return scopeOf(actor, 'pack.read').length > 0;
    return row.region_path !== null && related(actor, 'pack.read', row.region_path);
  }

  function packEditable(actor: Actor, row: PackRow): boolean {
    return !row.builtin && row.region_path !== null && can(actor, 'pack.manage', row.region_path);
  }

  async function loadPack(actor: Actor, id: string): Promise<PackRow> {
    requirePermission(actor, 'pack.read');
    const row = id.length <= 64 ? await repo.findPack(id) : undefined;
    if (!row || !packVisible(actor, row)) throw notFound('政策包');
    return row;
  }

  function toPackSummary(actor: Actor, r: PackRow): PackSummary {
    const body = r.body as PolicyPack;
    return {
      id: r.id,
      title: r.title,
      regionCode: r.region_code,
      regionOrgId: r.region_org_id,
      regionOrgName: r.region_name,
      year: r.year,
      version: r.version,
      status: r.status as PackSummary['status'],
      builtin: r.builtin,
      derivedFrom: r.derived_from,
      projectTypes: (body.projectTypes ?? []).map((t) => ({
        code: t.code,
        name: t.name,
        level: t.level?.value,
      })),
      canEdit: packEditable(actor, r),
      updatedAt: r.updated_at.toISOString(),
    };
  }

  async function loadProgramme(actor: Actor, id: string): Promise<ProgrammeRow> {
    requirePermission(actor, 'program.read');
    const row = isId(id) ? await repo.findProgramme(id) : undefined;
    if (!row || !related(actor, 'program.read', row.owner_path)) throw notFound('培训项目');
    return row;
  }

  function toProgramme(actor: Actor, r: ProgrammeRow, pack?: PolicyPack): Programme {
    const type = pack ? findProjectType(pack, r.project_type_code) : undefined;
    return {
      id: r.id,
      title: r.title,
      packId: r.pack_id,
      projectTypeCode: r.project_type_code,
      projectTypeName: type?.name ?? r.project_type_code,
      trackCode: r.track_code,
      level: r.level as ProgramLevelCode,
      year: r.year,
      ownerOrgId: r.owner_org_id,
      ownerOrgName: r.owner_name,
      selectionDeadline: r.selection_deadline,
      startDate: r.start_date,
      endDate: r.end_date,
      totalSeats: r.total_seats,
      usedSeats: Number(r.used_seats),
      canManage: can(actor, 'program.manage', r.owner_path),
    };
  }

  async function packOf(p: ProgrammeRow): Promise<PolicyPack> {
    const row = await repo.findPack(p.pack_id);
    if (!row) throw new AppError('INTERNAL', `培训项目 ${p.id} 的政策包 ${p.pack_id} 不存在`);
    return row.body as PolicyPack;
  }

  /** An org the actor may act on with `permission` (404 when out of scope: not even confirmed to exist). */
  async function loadOrgFor(actor: Actor, permission: Permission, id: string, what = '机构') {
    const org = isId(id) ? await repo.findOrg(id) : undefined;
    if (!org || !can(actor, permission, org.path)) {
      // visible but not writable → 403; invisible → 404
      if (org && can(actor, 'org.read', org.path)) throw forbidden();
      throw notFound(what);
    }
    return org;
  }

  /** The quota node of a programme at an org; 404 outside the actor's scope or when the org holds no seats. */
  async function loadQuota(actor: Actor, permission: Permission, p: ProgrammeRow, orgId: string) {
    const org = await loadOrgFor(actor, permission, orgId, '名额单位');
    const q = await repo.findQuota({ regionId: regionKeyOf(org), programmeId: p.id, orgId: org.id });
    if (!q) throw notFound('该单位的本项目名额');
    return { org, quota: q };
  }

  async function quotaTree(actor: Actor, p: ProgrammeRow): Promise<QuotaTree> {
    const rows = await repo.quotaNodes(p.id, scopeOf(actor, 'program.read'));
    return {
      programmeId: p.id,
      nodes: rows.map((r) => ({
        orgId: r.org_id,
        orgName: r.org_name,
        orgKind: r.org_kind,
        parentOrgId: r.parent_org_id,
        seats: r.seats,
        ruralSeats: r.rural_seats,
        allocated: r.allocated,
        used: r.used,
        unused: r.seats - r.allocated - r.used,
        waitlisted: Number(r.waitlisted),
      })),
    };
  }

  // ----------------------------------------------------------------------------------------- eligibility

  async function loadCandidate(actor: Actor, teacherId: string): Promise<CandidateRow> {
    const t = isId(teacherId) ? await repo.findCandidate(teacherId) : undefined;
    if (!t || !can(actor, 'nomination.write', t.org_path)) throw notFound('教师');
    return t;
  }

  /**
   * Core's evaluateEligibility for one teacher and programme, the reference date from the pack's setting
   * (R-004-56), with the overlap and integrity data from the database. A reason passes the failed soft rules.
   */
  async function evaluate(
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
    const [enrolments, integrity] = await Promise.all([
      repo.enrolmentsOf(t.id, p.id),
      repo.integrityOf(t.id),
    ]);
    const candidate = toCandidate(t, {
      enrolments: enrolments.map((e) => ({
        programmeId: e.id,
        programmeName: e.title,
        startDate: e.start_date,
        endDate: e.end_date,
      })),
      integrity,
      attestations: req.attestations,
      flags: req.flags,
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

  function refuseIneligible(result: EligibilityResult): AppError {
    const failed = result.checks.filter((c) => !c.passed);
    const message = result.needsOverride
      ? `该教师${failed.map((c) => c.label).join('、')}不符合"原则上"的要求，须填写例外理由后方可推荐`
      : `该教师不符合推荐条件：${failed.map((c) => `${c.label}（${c.ruleId}）`).join('、')}`;
    return new AppError('VALIDATION_FAILED', message, {
      eligibility: result,
      needsOverride: result.needsOverride,
      failed: failed.map((c) => ({ ruleId: c.ruleId, label: c.label, message: c.message, values: c.values })),
    });
  }

  async function nominationOut(r: NominationRow): Promise<Nomination> {
    const pos =
      r.status === 'waitlisted' ? await repo.waitlistPosition(r.programme_id, r.quota_org_id, r.id) : null;
    return toNomination(r, pos);
  }

  async function loadNomination(actor: Actor, p: ProgrammeRow, id: string): Promise<NominationRow> {
    const n = isId(id) ? await repo.findNomination(id) : undefined;
    if (!n || n.programme_id !== p.id || !can(actor, 'program.read', n.org_path)) throw notFound('推荐记录');
    return n;
  }

  /** The nominating unit's quota node of a nomination, with write permission on it. */
  async function requireQuotaWrite(actor: Actor, n: NominationRow) {
    const org = await repo.findOrg(n.quota_org_id);
    if (!org || !can(actor, 'nomination.write', org.path)) throw forbidden('只有推荐单位可以修改该推荐');
    return org;
  }

  /** The shortlist ratio (1:1.2, R-004-59) of a programme's project type; undefined: nomination is selection. */
  function competitiveRatioOf(pack: PolicyPack, p: ProgrammeRow): number | undefined {
    const ratio = findProjectType(pack, p.project_type_code)?.competitiveRatio?.value;
    return ratio !== undefined && ratio >= 1 ? ratio : undefined;
  }

  /**
   * A competitive programme's nomination: a candidate, up to ⌈seats × ratio⌉ per quota node (R-004-59). The node's
   * row is locked while candidates are counted, so concurrent nominations cannot pass the cap. No seat is taken
   * until the selecting level confirms the list.
   */
  async function nominateCandidate(
    actor: Actor,
    p: ProgrammeRow,
    t: CandidateRow,
    quota: QuotaRow,
    quotaOrg: OrgRef,
    ratio: number,
    result: EligibilityResult,
    req: NominateRequest,
  ): Promise<Nomination> {
    const overridden = result.checks.some((c) => c.override);
    const nominationId = await db.transaction().execute(async (trx) => {
      const locked = await repo.lockQuota(quotaKey(quota), trx);
      if (!locked) throw notFound('该单位的本项目名额');
      const own = locked.seats - locked.allocated;
      const cap = shortlistSize(own, ratio);
      const count = await repo.countCandidates(p.id, quotaOrg.id, trx);
      if (count >= cap) {
        throw new AppError(
          'CONFLICT',
          `${quotaOrg.name}本项目名额 ${own} 个，按 1:${ratio} 差额遴选（${SHORTLIST_RULE_ID}）最多推荐 ${cap} 名候选人，已推荐 ${count} 名`,
          { ruleId: SHORTLIST_RULE_ID, seats: own, ratio, cap, candidates: count },
        );
      }
      const newId = await repo.insertNomination(
        {
          countyId: t.county_id,
          programmeId: p.id,
          teacherId: t.id,
          schoolId: t.school_id,
          orgPath: t.org_path,
          quotaRegionId: quota.region_id,
          quotaOrgId: quota.org_id,
          status: 'candidate',
          eligibility: result,
          overrideReason: overridden ? (req.overrideReason ?? null) : null,
          replacesId: null,
          createdBy: actor.accountId,
        },
        trx,
      );
      if (!newId) throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, { teacherId: t.id });
      await audit.record(
        actor,
        {
          action: 'nomination.candidate',
          entity: 'nomination',
          entityId: newId,
          orgId: quotaOrg.id,
          details: { programmeId: p.id, teacherId: t.id, cap, ratio },
        },
        trx,
      );
      return newId;
    });
    const row = await repo.findNomination(nominationId);
    if (!row) throw notFound('推荐记录');
    return nominationOut(row);
  }

  /** Packs by id, for the bar end dates of integrity records (the built-in Henan pack when none is linked). */
  async function integrityBody(rows: IntegrityRow[]): Promise<IntegrityRecordBody[]> {
    const packs = new Map<string, PolicyPack>();
    const out: IntegrityRecordBody[] = [];
    for (const r of rows) {
      let pack: PolicyPack = HENAN_2021_PACK;
      if (r.programme_id) {
        const prog = await repo.findProgramme(r.programme_id);
        if (prog) {
          const cached = packs.get(prog.pack_id) ?? (await packOf(prog));
          packs.set(prog.pack_id, cached);
          pack = cached;
        }
      }
      out.push({
        id: r.id,
        teacherId: r.teacher_id,
        teacherName: r.teacher_name,
        kind: r.kind as IntegrityRecordBody['kind'],
        recordDate: r.record_date,
        programmeId: r.programme_id,
        evidence: r.evidence,
        standing: r.standing,
        createdAt: r.created_at.toISOString(),
        barEndsOn: integrityBar(pack, r.record_date).lastBarredDay,
        appeal: {
          status: r.appeal_status as IntegrityRecordBody['appeal']['status'],
          reason: r.appeal_reason,
          appealedAt: r.appealed_at ? r.appealed_at.toISOString() : null,
          decidedAt: r.appeal_decided_at ? r.appeal_decided_at.toISOString() : null,
          decisionReason: r.appeal_decision_reason,
        },
        standingReason: r.standing_reason,
      });
    }
    return out;
  }

  async function oneIntegrity(id: string): Promise<IntegrityRecordBody> {
    const { rows } = await repo.listIntegrity({ roots: null, id, offset: 0, limit: 1 });
    const [body] = await integrityBody(rows);
    if (!body) throw notFound('诚信档案');
    return body;
  }

  function evaluateRuns(typeCode: string, runs: PreviewRun[], c: EligibilityCandidate): EligibilityResult[] {
    return runs.map((run) =>
      evaluateEligibility(run.pack, typeCode, { ...c, attestations: run.attestations }, run.context),
    );
  }

  /** Every working teacher under the roots through evaluateEligibility, in keyset batches (the reference path). */
  async function previewPerTeacher(
    roots: string[],
    typeCode: string,
    runs: PreviewRun[],
    tally: PreviewTally,
    unit: PreviewUnitKind,
  ): Promise<void> {
    const integrity = await repo.standingIntegrityUnder(roots);
    let after: { orgPath: string; pinyin: string; id: string } | null = null;
    for (;;) {
      const batch = await repo.candidateBatch(roots, after, PREVIEW_BATCH);
      for (const t of batch) {
        const candidate = toCandidate(t, { integrity: integrity.get(t.id) });
        addToTally(tally, unitOf(t, unit), evaluateRuns(typeCode, runs, candidate), 1);
      }
      const last = batch[batch.length - 1];
      if (!last || batch.length < PREVIEW_BATCH) break;
      after = { orgPath: last.org_path, pinyin: last.name_pinyin, id: last.id };
    }
  }

  /**
   * The grouped path: classes from PostgreSQL, one evaluation per class (with its earliest and its latest
   * dates, which must agree), teachers with standing integrity records one by one. Undefined when a class's
   * representatives disagree (the caller then falls back to the per-teacher path).
   */
  async function previewGrouped(
    roots: string[],
    typeCode: string,
    runs: PreviewRun[],
    unit: PreviewUnitKind,
  ): Promise<{ tally: PreviewTally; groups: number } | undefined> {
    const plan = planEligibilityGrouping(
      runs.map((r) => r.track),
      runs.map((r) => r.context.referenceDate),
    );
    const [rows, withRecords, integrity] = await Promise.all([
      repo.previewGroups(roots, plan, unit),
      repo.candidatesWithStandingRecords(roots),
      repo.standingIntegrityUnder(roots),
    ]);
    type Rep = { lo: PreviewGroupRow; hi: PreviewGroupRow };
    const classes = new Map<string, Rep>();
    const keyOf = (r: PreviewGroupRow) =>
      JSON.stringify([r.klass, r.location_type, r.backbone, r.roles_held, r.title, r.stage]);
    const earlier = <T extends string | number>(a: T | null, b: T | null) =>
      a === null ? b : b === null ? a : a < b ? a : b;
    const later = <T extends string | number>(a: T | null, b: T | null) =>
      a === null ? b : b === null ? a : a > b ? a : b;
    for (const r of rows) {
      const key = keyOf(r);
      const c = classes.get(key);
      if (!c) {
        classes.set(key, { lo: { ...r }, hi: { ...r } });
        continue;
      }
      c.lo.birth_min = earlier(c.lo.birth_min, r.birth_min) ?? r.birth_min;
      c.lo.teaching_min = earlier(c.lo.teaching_min, r.teaching_min);
      c.lo.training_min = earlier(c.lo.training_min, r.training_min);
      c.hi.birth_max = later(c.hi.birth_max, r.birth_max) ?? r.birth_max;
      c.hi.teaching_max = later(c.hi.teaching_max, r.teaching_max);
      c.hi.training_max = later(c.hi.training_max, r.training_max);
    }
    const candidateOf = (r: PreviewGroupRow, end: 'min' | 'max'): EligibilityCandidate => ({
      birthDate: end === 'min' ? r.birth_min : r.birth_max,
      teachingStartDate: end === 'min' ? r.teaching_min : r.teaching_max,
      trainingStartYear: end === 'min' ? r.training_min : r.training_max,
      backbone: r.backbone as BackboneLevel | null,
      rolesHeld: r.roles_held ?? [],
      title: r.title,
      stage: r.stage,
      schoolLocationType: r.location_type as LocationType | null,
      enrolments: [],
      integrityRecords: [],
    });
    const results = new Map<string, EligibilityResult[]>();
    for (const [key, c] of classes) {
      const lo = evaluateRuns(typeCode, runs, candidateOf(c.lo, 'min'));
      const hi = evaluateRuns(typeCode, runs, candidateOf(c.hi, 'max'));
      if (lo.some((r, i) => signature(r) !== signature(hi[i] ?? r))) return undefined;
      results.set(key, lo);
    }
    const tally = newPreviewTally(runs.length);
    for (const r of rows) addToTally(tally, r.unit_id, results.get(keyOf(r)) ?? [], r.n);
    for (const t of withRecords) {
      const candidate = toCandidate(t, { integrity: integrity.get(t.id) });
      addToTally(tally, unitOf(t, unit), evaluateRuns(typeCode, runs, candidate), 1);
    }
    return { tally, groups: classes.size };
  }

  return {
    // ------------------------------------------------------------------------------------------- packs

    async listPacks(actor: Actor, query: PackListQuery): Promise<PackSummary[]> {
      requirePermission(actor, 'pack.read');
      const rows = await repo.listPacks({ year: query.year, status: query.status });
      return rows.filter((r) => packVisible(actor, r)).map((r) => toPackSummary(actor, r));
    },

    async getPack(actor: Actor, id: string): Promise<PackDetail> {
      const row = await loadPack(actor, id);
      const pack = packWithSectionDefaults(row.body as PolicyPack);
      return { ...toPackSummary(actor, row), pack: pack as unknown as PackDetail['pack'] };
    },

    /** Next year's draft from a pack (core clonePackForYear), owned by a province or city. */
    async clonePack(actor: Actor, id: string, req: ClonePackRequest): Promise<PackDetail> {
      requirePermission(actor, 'pack.manage');
      const source = await loadPack(actor, id);
      const grantOrgId =
        req.regionOrgId ??
        actor.grants.find(
          (g) => can(actor, 'pack.manage', g.orgPath) && ['province', 'city'].includes(g.orgKind),
        )?.orgId;
      if (!grantOrgId) throw forbidden('政策包由省、市两级教育行政部门维护');
      const region = await loadOrgFor(actor, 'pack.manage', grantOrgId);
      if (!['province', 'city'].includes(region.kind)) throw forbidden('政策包由省、市两级教育行政部门维护');
      // GB/T 2260: a province or city code is 6 digits padded with zeros ('4418' → '441800')
      const regionCode = /^(\d{2}|\d{4}|\d{6})$/.test(region.code ?? '')
        ? (region.code ?? '').padEnd(6, '0')
        : null;
      if (!regionCode) {
        throw new AppError('VALIDATION_FAILED', `${region.name}没有行政区划代码，不能建立政策包`);
      }
      const body = source.body as PolicyPack;
      const newId = `${regionCode}-${req.year}-v${body.version + 1}`;
      const copy = { ...clonePackForYear(body, req.year, { id: newId }), regionCode };
      await db.transaction().execute(async (trx) => {
        const ok = await repo.insertPack(
          {
            id: newId,
            regionOrgId: region.id,
            regionCode,
            year: copy.year,
            version: copy.version,
            status: 'draft',
            title: copy.title,
            builtin: false,
            derivedFrom: source.id,
            body: copy,
            createdBy: actor.accountId,
          },
          trx,
        );
        if (!ok) throw new AppError('CONFLICT', `政策包 ${newId} 已存在，请直接编辑该草稿`, { id: newId });
        await audit.record(
          actor,
          {
            action: 'pack.clone',
            entity: 'policy_pack',
            entityId: newId,
            orgId: region.id,
            details: { from: source.id, year: req.year },
          },
          trx,
        );
      });
      return this.getPack(actor, newId);
    },

    /** Replace a draft's body; validatePack must find no problem. Header fields stay those of the row. */
    async updatePack(actor: Actor, id: string, req: UpdatePackRequest): Promise<PackDetail> {
      const row = await loadPack(actor, id);
      if (!packEditable(actor, row)) throw forbidden('您不能修改该政策包');
      const current = row.body as PolicyPack;
      const next = {
        ...(req.pack as unknown as PolicyPack),
        id: row.id,
        regionCode: row.region_code,
        year: row.year,
        version: row.version,
        status: 'draft' as const,
        ...(current.derivedFrom ? { derivedFrom: current.derivedFrom } : {}),
      };
      const problems = checkPack(next);
      if (problems.length > 0) throw problemsError(problems);
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockPack(id, trx);
        if (locked?.status !== 'draft')
          throw new AppError('CONFLICT', '已发布的政策包不能修改，请复制为新版本');
        await repo.updatePack(id, next, next.title, trx);
        await audit.record(
          actor,
          { action: 'pack.update', entity: 'policy_pack', entityId: id, orgId: row.region_org_id },
          trx,
        );
      });
      return this.getPack(actor, id);
    },

    async publishPack(actor: Actor, id: string): Promise<PackDetail> {
      const row = await loadPack(actor, id);
      if (!packEditable(actor, row)) throw forbidden('您不能发布该政策包');
      const body = { ...(row.body as PolicyPack), status: 'published' as const };
      const problems = checkPack(body);
      if (problems.length > 0) throw problemsError(problems);
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockPack(id, trx);
        if (locked?.status !== 'draft') throw new AppError('CONFLICT', '该政策包已发布');
        await repo.publishPack(id, body, trx);
        await audit.record(
          actor,
          { action: 'pack.publish', entity: 'policy_pack', entityId: id, orgId: row.region_org_id },
          trx,
        );
      });
      return this.getPack(actor, id);
    },

    /**
     * What-if: how many working teachers under the actor's scope are eligible for a project type under the
     * pack, and under the pack with `changes`, in total, per region key (county) and per failed rule.
     * Attestations are taken as confirmed and other enrolments are ignored (they belong to a nomination, not to
     * a rule change); standing integrity records count.
     *
     * `grouped` (the default): PostgreSQL groups the teachers by the classes of every attribute the rules read
     * (core planEligibilityGrouping) and core evaluateEligibility runs once per class, its result multiplied by
     * the class size; teachers with a standing integrity record are evaluated one by one. Each class is
     * evaluated with its earliest and its latest member's dates; were they ever to disagree, the preview falls
     * back to `per_teacher`, which streams every teacher through evaluateEligibility (the reference).
     */
    async previewPack(
      actor: Actor,
      id: string,
      req: PackPreviewRequest,
      opts: { method?: PreviewMethod } = {},
    ): Promise<PackPreview> {
      const started = performance.now();
      const row = await loadPack(actor, id);
      let roots = requirePermission(actor, 'teacher.read');
      if (req.orgId) {
        const org = await loadOrgFor(actor, 'teacher.read', req.orgId);
        roots = [org.path];
      }
      // with the optional sections filled, so a change to class operations, completion or KPI targets
      // is applied and checked like any other rule
      const base = packWithSectionDefaults(row.body as PolicyPack);
      const type = findProjectType(base, req.projectTypeCode);
      const track = type && findTrack(type, req.trackCode);
      if (!type || !track) {
        throw new AppError(
          'VALIDATION_FAILED',
          `政策包中没有项目类型"${req.projectTypeCode}"或其参训对象类别`,
        );
      }
      let changed: PolicyPack | null = null;
      if (req.changes && req.changes.length > 0) {
        changed = applyChanges(base, req.changes);
        const problems = checkPack(changed);
        if (problems.length > 0) throw problemsError(problems);
      }
      const packs = changed ? [base, changed] : [base];
      const runs: PreviewRun[] = packs.map((pk) => {
        const ref = resolveReferenceDate(pk, { startDate: pk.deadlines.selectionDue.value });
        const pkTrack = findTrack(findProjectType(pk, type.code) ?? type, track.code) ?? track;
        return {
          pack: pk,
          track: pkTrack,
          context: {
            referenceDate: ref,
            programme: { id: 'preview', startDate: ref, endDate: ref },
            trackCode: track.code,
          },
          attestations: (pkTrack.eligibility.attestations?.value ?? []).map((a) => a.code),
        };
      });
      const tallyBy = async (unit: PreviewUnitKind) => {
        const tally = newPreviewTally(runs.length);
        let method: PreviewMethod = opts.method ?? 'grouped';
        let groups = 0;
        if (method === 'grouped') {
          const g = await previewGrouped(roots, type.code, runs, unit);
          if (g) {
            groups = g.groups;
            mergeTally(tally, g.tally);
          } else {
            method = 'per_teacher';
          }
        }
        if (method === 'per_teacher') await previewPerTeacher(roots, type.code, runs, tally, unit);
        return { tally, method, groups };
      };
      const { tally, method, groups } = await tallyBy('county');
      // the chart's units: counties, or the schools when the scope lies in one county (a second, county-sized run)
      const unitTally = tally.byCounty.size === 1 ? (await tallyBy('school')).tally : tally;
      const unitKind = tally.byCounty.size === 1 ? 'school' : 'county';
      const unitNames = await repo.orgNames([...unitTally.byCounty.keys()]);
      const byUnit = [...unitTally.byCounty.entries()]
        .map(([orgId, c]) => ({
          orgId,
          orgName: unitNames.get(orgId) ?? orgId,
          orgKind: unitKind,
          teachers: c.teachers,
          eligible: c.packs[0]?.[0] ?? 0,
          needsOverride: c.packs[0]?.[1] ?? 0,
          changedEligible: changed ? (c.packs[1]?.[0] ?? 0) : null,
          changedNeedsOverride: changed ? (c.packs[1]?.[1] ?? 0) : null,
        }))
        .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.orgId.localeCompare(b.orgId));
      const names = await repo.orgNames([...tally.byCounty.keys()]);
      const counts = (i: number): PreviewCounts => {
        const t = tally.packs[i] ?? { eligible: 0, needsOverride: 0, ineligible: 0, failed: new Map() };
        return {
          eligible: t.eligible,
          needsOverride: t.needsOverride,
          ineligible: t.ineligible,
          failedByRule: [...t.failed.entries()]
            .map(([key, failed]) => {
              const [ruleId = '', label = ''] = key.split('\u0000');
              return { ruleId, label, failed };
            })
            .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.label.localeCompare(b.label)),
        };
      };
      const outcome = (c: number[] | undefined) => ({
        eligible: c?.[0] ?? 0,
        needsOverride: c?.[1] ?? 0,
        ineligible: c?.[2] ?? 0,
      });
      return {
        teachers: tally.teachers,
        referenceDate: runs[0]?.context.referenceDate ?? '',
        changedReferenceDate: changed ? (runs[1]?.context.referenceDate ?? null) : null,
        current: counts(0),
        changed: changed ? counts(1) : null,
        byUnit,
        byCounty: [...tally.byCounty.entries()]
          .map(([countyId, c]) => ({
            countyId,
            countyName: names.get(countyId) ?? countyId,
            teachers: c.teachers,
            current: outcome(c.packs[0]),
            changed: changed ? outcome(c.packs[1]) : null,
          }))
          .sort(
            (a, b) =>
              a.countyName.localeCompare(b.countyName, 'zh-CN') || a.countyId.localeCompare(b.countyId),
          ),
        method,
        groups,
        elapsedMs: Math.round(performance.now() - started),
      };
    },

    // -------------------------------------------------------------------------------------- programmes

    async listProgrammes(actor: Actor, query: ProgrammeListQuery): Promise<Page<Programme>> {
      const roots = requirePermission(actor, 'program.read');
      const { rows, total } = await repo.listProgrammes({
        roots,
        year: query.year,
        level: query.level,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      const packs = new Map<string, PolicyPack>();
      for (const id of new Set(rows.map((r) => r.pack_id))) {
        const pk = await repo.findPack(id);
        if (pk) packs.set(id, pk.body as PolicyPack);
      }
      return {
        items: rows.map((r) => toProgramme(actor, r, packs.get(r.pack_id))),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getProgramme(actor: Actor, id: string): Promise<Programme> {
      const p = await loadProgramme(actor, id);
      return toProgramme(actor, p, await packOf(p));
    },

    /** A programme from a published pack's project type; its owner's node holds all seats to start with. */
    async createProgramme(actor: Actor, req: CreateProgrammeRequest): Promise<Programme> {
      requirePermission(actor, 'program.manage');
      const ownerId =
        req.ownerOrgId ?? actor.grants.find((g) => can(actor, 'program.manage', g.orgPath))?.orgId;
      if (!ownerId) throw forbidden();
      const owner = await loadOrgFor(actor, 'program.manage', ownerId);
      const packRow = await loadPack(actor, req.packId);
      if (packRow.status !== 'published') {
        throw new AppError('CONFLICT', '政策包尚未发布，不能据此设立培训项目', { packId: packRow.id });
      }
      const pack = packRow.body as PolicyPack;
      const type = findProjectType(pack, req.projectTypeCode);
      const track = type && findTrack(type, req.trackCode);
      if (!type || !track) {
        throw new AppError(
          'VALIDATION_FAILED',
          `政策包中没有项目类型"${req.projectTypeCode}"或参训对象类别`,
          {
            issues: [{ path: '/projectTypeCode', message: '项目类型或类别不存在' }],
          },
        );
      }
      if (req.startDate > req.endDate || req.selectionDeadline > req.startDate) {
        throw new AppError('VALIDATION_FAILED', '日期应满足：遴选截止日 ≤ 开班日期 ≤ 结业日期', {
          issues: [{ path: '/startDate', message: '日期先后不正确' }],
        });
      }
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertProgramme(
          {
            packId: packRow.id,
            projectTypeCode: type.code,
            trackCode: track.code,
            level: req.level ?? type.level.value,
            year: pack.year,
            ownerOrgId: owner.id,
            ownerPath: owner.path,
            title: req.title,
            selectionDeadline: req.selectionDeadline,
            startDate: req.startDate,
            endDate: req.endDate,
            totalSeats: req.totalSeats,
            createdBy: actor.accountId,
          },
          trx,
        );
        await repo.insertQuota(
          {
            regionId: regionKeyOf(owner),
            programmeId: newId,
            orgId: owner.id,
            orgPath: owner.path,
            parentOrgId: null,
            seats: req.totalSeats,
            ruralSeats: 0,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'programme.create',
            entity: 'programme',
            entityId: newId,
            orgId: owner.id,
            details: { packId: packRow.id, projectTypeCode: type.code, totalSeats: req.totalSeats },
          },
          trx,
        );
        return newId;
      });
      return this.getProgramme(actor, id);
    },

    async updateProgramme(actor: Actor, id: string, req: UpdateProgrammeRequest): Promise<Programme> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'program.manage', p.owner_path);
      const next = {
        title: req.title ?? p.title,
        selectionDeadline: req.selectionDeadline ?? p.selection_deadline,
        startDate: req.startDate ?? p.start_date,
        endDate: req.endDate ?? p.end_date,
        totalSeats: req.totalSeats ?? p.total_seats,
      };
      if (next.startDate > next.endDate || next.selectionDeadline > next.startDate) {
        throw new AppError('VALIDATION_FAILED', '日期应满足：遴选截止日 ≤ 开班日期 ≤ 结业日期');
      }
      const owner = await repo.findOrg(p.owner_org_id);
      if (!owner) throw notFound('机构');
      const key = { regionId: regionKeyOf(owner), programmeId: p.id, orgId: p.owner_org_id };
      await db.transaction().execute(async (trx) => {
        const root = await repo.lockQuota(key, trx);
        if (root && next.totalSeats < root.allocated + root.used) {
          throw new AppError(
            'VALIDATION_FAILED',
            `总名额不能少于已下达和已使用的 ${root.allocated + root.used} 个（已下达 ${root.allocated}，已推荐 ${root.used}）`,
            {
              ruleId: QUOTA_RULE_ID,
              allocated: root.allocated,
              used: root.used,
              totalSeats: next.totalSeats,
            },
          );
        }
        await repo.updateProgramme(p.id, next, trx);
        if (root) await repo.setQuotaSeats(key, next.totalSeats, root.rural_seats, trx);
        await audit.record(
          actor,
          {
            action: 'programme.update',
            entity: 'programme',
            entityId: p.id,
            orgId: p.owner_org_id,
            details: req,
          },
          trx,
        );
      });
      return this.getProgramme(actor, id);
    },

    /** Only a programme nobody has been nominated to can be deleted. */
    async deleteProgramme(actor: Actor, id: string): Promise<void> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'program.manage', p.owner_path);
      await db.transaction().execute(async (trx) => {
        if ((await repo.countNominations(p.id, trx)) > 0) {
          throw new AppError('CONFLICT', '该项目已有推荐记录，不能删除');
        }
        await repo.deleteProgramme(p.id, trx);
        await audit.record(
          actor,
          { action: 'programme.delete', entity: 'programme', entityId: p.id, orgId: p.owner_org_id },
          trx,
        );
      });
    },

    // ------------------------------------------------------------------------------------------ quotas

    async quotas(actor: Actor, id: string): Promise<QuotaTree> {
      return quotaTree(actor, await loadProgramme(actor, id));
    },

    /**
     * A suggested split of a node's seats among the next level down (core suggestSplit): by working teachers,
     * or only those at schools the track admits (R-004-72 乡镇 schools); reserved rural seats by teachers of
     * town and rural schools.
     */
    async suggest(
      actor: Actor,
      id: string,
      orgId: string,
      query: QuotaSuggestQuery,
    ): Promise<QuotaSuggestion> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'quota.allocate');
      const { org, quota } = await loadQuota(actor, 'quota.allocate', p, orgId);
      const kinds = NEXT_LEVEL[org.kind];
      if (!kinds) throw new AppError('VALIDATION_FAILED', `${org.name}没有可分配名额的下级单位`);
      const pack = await packOf(p);
      const type = findProjectType(pack, p.project_type_code);
      const track = type && findTrack(type, p.track_code);
      const eligibleTypes = track?.eligibility.schoolLocationTypes?.value ?? null;
      const children = await repo.orgsBelow(org.path, kinds);
      const counts = await repo.teacherCounts(children, RURAL_LOCATION_TYPES, eligibleTypes);
      const seats = query.seats ?? quota.seats - quota.allocated - quota.used;
      const reservedRural = query.reservedRural ?? 0;
      if (reservedRural > seats) {
        throw new AppError(
          'VALIDATION_FAILED',
          `预留乡村名额 ${reservedRural} 个超过可分配名额 ${seats} 个`,
          {
            ruleId: QUOTA_RULE_ID,
            seats,
            reservedRural,
          },
        );
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
    },

    /**
     * Set the seats of child nodes (R-004-17). The parent's row is locked, so allocations and nominations at
     * the parent serialise; children together never hold more than the parent has left after its own
     * nominations, and a child never drops below what it has passed on or used.
     */
    async allocate(actor: Actor, id: string, orgId: string, req: AllocateRequest): Promise<AllocateResult> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'quota.allocate');
      const { org: parentOrg } = await loadQuota(actor, 'quota.allocate', p, orgId);
      const childOrgs: OrgRef[] = [];
      for (const a of req.allocations) {
        const child = isId(a.orgId) ? await repo.findOrg(a.orgId) : undefined;
        const inside = child?.path.startsWith(parentOrg.path) === true && child?.id !== parentOrg.id;
        if (!child || !inside) {
          throw notFound(`下级单位 ${a.orgId} `);
        }
        if (!QUOTA_KINDS.includes(child.kind)) {
          throw new AppError(
            'VALIDATION_FAILED',
            `${child.name}不是可分配名额的单位（市、县区、乡镇或学校）`,
          );
        }
        childOrgs.push(child);
      }
      const nested = childOrgs.find((c) => childOrgs.some((o) => o.id !== c.id && c.path.startsWith(o.path)));
      if (nested) throw new AppError('VALIDATION_FAILED', `${nested.name}与其上级单位不能在同一层分配名额`);
      const warnings = await db.transaction().execute(async (trx) => {
        const parent = await repo.lockQuota(
          { regionId: regionKeyOf(parentOrg), programmeId: p.id, orgId: parentOrg.id },
          trx,
        );
        if (!parent) throw notFound('该单位的本项目名额');
        const existing = await repo.lockChildren(p.id, parentOrg.id, trx);
        const elsewhere = await repo.quotasOfOrgs(
          p.id,
          childOrgs.map((c) => c.id),
          trx,
        );
        const foreign = elsewhere.find((q) => q.parent_org_id !== parentOrg.id);
        if (foreign) {
          throw new AppError('CONFLICT', `单位 ${foreign.org_id} 已从其他上级获得本项目名额`, {
            orgId: foreign.org_id,
          });
        }
        const merged = new Map(existing.map((c) => [c.org_id, c.seats]));
        const belowUsed = [];
        for (const [i, a] of req.allocations.entries()) {
          const child = childOrgs[i];
          if (!child) continue;
          const before = existing.find((c) => c.org_id === child.id);
          if (before && a.seats < before.allocated + before.used) {
            belowUsed.push({
              code: 'QUOTA.BELOW_USED',
              ruleId: QUOTA_RULE_ID,
              childId: child.id,
              values: { seats: a.seats, allocated: before.allocated, used: before.used },
              message: `${child.name}已下达 ${before.allocated} 个、已推荐 ${before.used} 个名额，不能减到 ${a.seats} 个`,
            });
          }
          merged.set(child.id, a.seats);
        }
        const available = parent.seats - parent.used;
        const problems = [
          ...belowUsed,
          ...checkAllocation(
            available,
            [...merged.entries()].map(([cid, seats]) => ({ id: cid, seats })),
          ),
        ];
        const errors = problems.filter((x) => !('severity' in x) || x.severity === 'error');
        if (errors.length > 0) {
          const over = errors.find((x) => x.code === 'QUOTA.OVER_ALLOCATED');
          throw new AppError(
            'VALIDATION_FAILED',
            over
              ? `名额超出（${QUOTA_RULE_ID}）：${over.message}${parent.used > 0 ? `（本级名额 ${parent.seats} 个，其中已推荐 ${parent.used} 个）` : ''}`
              : (errors[0]?.message ?? '名额分配不正确'),
            { ruleId: QUOTA_RULE_ID, parentSeats: parent.seats, parentUsed: parent.used, problems: errors },
          );
        }
        await repo.upsertQuotas(
          req.allocations.map((a, i) => {
            const child = childOrgs[i] ?? parentOrg;
            return {
              regionId: regionKeyOf(child),
              programmeId: p.id,
              orgId: child.id,
              orgPath: child.path,
              parentOrgId: parentOrg.id,
              seats: a.seats,
              ruralSeats: Math.min(a.ruralSeats ?? 0, a.seats),
            };
          }),
          trx,
        );
        const sum = [...merged.values()].reduce((s, n) => s + n, 0);
        await repo.setAllocated(quotaKey(parent), sum, trx);
        await audit.record(
          actor,
          {
            action: 'quota.allocate',
            entity: 'programme',
            entityId: p.id,
            orgId: parentOrg.id,
            details: { allocations: req.allocations, parentSeats: parent.seats, allocated: sum },
          },
          trx,
        );
        return problems.filter((x) => 'severity' in x && x.severity === 'warning');
      });
      return {
        ...(await quotaTree(actor, p)),
        warnings: warnings.map((w) => ({
          code: w.code,
          ruleId: w.ruleId,
          message: w.message,
          values: w.values,
        })),
      };
    },

    /** The parent takes back a child's unused seats, until the selection deadline (Asia/Shanghai) has passed. */
    async pullBack(actor: Actor, id: string, orgId: string, req: PullBackRequest): Promise<QuotaTree> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'quota.allocate');
      const { org, quota } = await loadQuota(actor, 'program.read', p, orgId);
      if (quota.parent_org_id === null)
        throw new AppError('VALIDATION_FAILED', '项目主办单位的名额没有上级可收回');
      const parentOrg = await repo.findOrg(quota.parent_org_id);
      if (!parentOrg || !can(actor, 'quota.allocate', parentOrg.path)) {
        throw forbidden('只有下达名额的上级单位可以收回名额');
      }
      const today = todayInShanghai(now());
      if (today > p.selection_deadline) {
        throw new AppError(
          'VALIDATION_FAILED',
          `遴选已于 ${p.selection_deadline} 截止（${SELECTION_RULE_ID}），不能再收回名额`,
          { ruleId: SELECTION_RULE_ID, selectionDeadline: p.selection_deadline, today },
        );
      }
      await db.transaction().execute(async (trx) => {
        const parent = await repo.lockQuota(
          { regionId: regionKeyOf(parentOrg), programmeId: p.id, orgId: parentOrg.id },
          trx,
        );
        const child = await repo.lockQuota(quotaKey(quota), trx);
        if (!parent || !child) throw notFound('该单位的本项目名额');
        const unused = child.seats - child.allocated - child.used;
        const n = req.seats ?? unused;
        if (n === 0 || n > unused) {
          throw new AppError(
            'VALIDATION_FAILED',
            `${org.name}只有 ${unused} 个未使用名额（名额 ${child.seats}，已下达 ${child.allocated}，已推荐 ${child.used}），不能收回 ${n} 个`,
            {
              ruleId: QUOTA_RULE_ID,
              seats: child.seats,
              allocated: child.allocated,
              used: child.used,
              requested: n,
            },
          );
        }
        await repo.setQuotaSeats(
          quotaKey(child),
          child.seats - n,
          Math.min(child.rural_seats, child.seats - n),
          trx,
        );
        await repo.setAllocated(quotaKey(parent), parent.allocated - n, trx);
        await audit.record(
          actor,
          {
            action: 'quota.pull_back',
            entity: 'programme',
            entityId: p.id,
            orgId: org.id,
            details: { seats: n, from: child.seats, to: child.seats - n },
          },
          trx,
        );
      });
      return quotaTree(actor, p);
    },

    // ------------------------------------------------------------------------------------- nominations

    /** Eligibility of a teacher for the programme, without nominating (the school sees why before it acts). */
    async checkEligibility(actor: Actor, id: string, req: EligibilityRequest): Promise<EligibilityResult> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'nomination.write');
      const t = await loadCandidate(actor, req.teacherId);
      return evaluate(actor, p, await packOf(p), t, req);
    },

    async listNominations(actor: Actor, id: string, query: NominationListQuery): Promise<Page<Nomination>> {
      const p = await loadProgramme(actor, id);
      let roots = scopeOf(actor, 'program.read');
      if (query.orgId) roots = [(await loadOrgFor(actor, 'program.read', query.orgId)).path];
      const { rows, total } = await repo.listNominations({
        programmeId: p.id,
        roots,
        status: query.status,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return {
        items: await Promise.all(rows.map(nominationOut)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * Nominate a teacher into a quota node's seats. Ineligible → refused (400 VALIDATION_FAILED with every
     * check), nothing stored, the refusal audited; a failed soft rule needs `overrideReason`. The seat is
     * taken by one atomic UPDATE; when none is left the nomination is refused (409) or waitlisted.
     */
    async nominate(actor: Actor, id: string, req: NominateRequest): Promise<Nomination> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'nomination.write');
      const t = await loadCandidate(actor, req.teacherId);
      const { org: quotaOrg, quota } = await loadQuota(
        actor,
        'nomination.write',
        p,
        req.quotaOrgId ?? t.school_id,
      );
      if (!t.org_path.startsWith(quotaOrg.path)) {
        throw new AppError('VALIDATION_FAILED', `${t.name}不在${quotaOrg.name}，不能占用其名额`);
      }
      if (await repo.liveNomination(p.id, t.id)) {
        throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, { teacherId: t.id });
      }
      const pack = await packOf(p);
      const result = await evaluate(actor, p, pack, t, req);
      if (!result.eligible) {
        const failed = result.checks.filter((c) => !c.passed).map((c) => c.ruleId);
        await audit.record(actor, {
          action: 'nomination.refused',
          entity: 'programme',
          entityId: p.id,
          orgId: quotaOrg.id,
          details: { teacherId: t.id, failed },
        });
        await repo.insertRefusal({
          countyId: t.county_id,
          programmeId: p.id,
          teacherId: t.id,
          orgPath: t.org_path,
          quotaOrgId: quotaOrg.id,
          failedRules: [...new Set(failed)],
          needsOverride: result.needsOverride,
          createdBy: actor.accountId,
        });
        throw refuseIneligible(result);
      }
      const overridden = result.checks.some((c) => c.override);
      const ratio = competitiveRatioOf(pack, p);
      if (ratio) return nominateCandidate(actor, p, t, quota, quotaOrg, ratio, result, req);
      const nominationId = await db.transaction().execute(async (trx) => {
        const taken = await repo.takeSeat(quotaKey(quota), trx);
        if (!taken && !req.waitlist) {
          const now = await repo.findQuota(quotaKey(quota), trx);
          throw new AppError(
            'CONFLICT',
            `${quotaOrg.name}的名额已满（${QUOTA_RULE_ID}），可选择进入候补名单`,
            {
              ruleId: QUOTA_RULE_ID,
              seats: now?.seats ?? quota.seats,
              allocated: now?.allocated ?? quota.allocated,
              used: now?.used ?? quota.used,
              full: true,
            },
          );
        }
        const newId = await repo.insertNomination(
          {
            countyId: t.county_id,
            programmeId: p.id,
            teacherId: t.id,
            schoolId: t.school_id,
            orgPath: t.org_path,
            quotaRegionId: quota.region_id,
            quotaOrgId: quota.org_id,
            status: taken ? 'selected' : 'waitlisted',
            eligibility: result,
            overrideReason: overridden ? (req.overrideReason ?? null) : null,
            replacesId: null,
            createdBy: actor.accountId,
          },
          trx,
        );
        if (!newId) throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, { teacherId: t.id });
        await audit.record(
          actor,
          {
            action: taken ? 'nomination.create' : 'nomination.waitlist',
            entity: 'nomination',
            entityId: newId,
            orgId: quotaOrg.id,
            details: {
              programmeId: p.id,
              teacherId: t.id,
              overrideReason: overridden ? req.overrideReason : undefined,
            },
          },
          trx,
        );
        return newId;
      });
      const row = await repo.findNomination(nominationId);
      if (!row) throw notFound('推荐记录');
      return nominationOut(row);
    },

    /** Withdraw a nomination; a freed seat goes to the first on the node's waitlist in the same transaction. */
    async withdraw(
      actor: Actor,
      id: string,
      nominationId: string,
      req: WithdrawRequest,
    ): Promise<WithdrawResult> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'nomination.write');
      const n = await loadNomination(actor, p, nominationId);
      const quotaOrg = await requireQuotaWrite(actor, n);
      const promotedId = await db.transaction().execute(async (trx) => {
        const locked = await repo.lockNomination(n.county_id, n.id, trx);
        if (!locked || !['selected', 'waitlisted', 'candidate'].includes(locked.status)) {
          throw new AppError('CONFLICT', '该推荐已撤回或已被替换', { status: locked?.status });
        }
        let promoted: { county_id: string; id: string } | undefined;
        if (locked.status === 'selected') {
          const key = { regionId: n.quota_region_id, programmeId: p.id, orgId: n.quota_org_id };
          await repo.lockQuota(key, trx);
          promoted = await repo.firstWaitlisted(p.id, n.quota_org_id, trx);
          if (promoted) await repo.setNominationStatus(promoted.county_id, promoted.id, 'selected', {}, trx);
          else await repo.releaseSeat(key, trx);
        }
        await repo.setNominationStatus(n.county_id, n.id, 'withdrawn', { reason: req.reason }, trx);
        // the withdrawn teacher leaves any class they were placed in (classes module)
        const leftClassIds = await removeEnrolmentsOfNomination(trx, n.county_id, n.id);
        await audit.record(
          actor,
          {
            action: 'nomination.withdraw',
            entity: 'nomination',
            entityId: n.id,
            orgId: quotaOrg.id,
            details: {
              programmeId: p.id,
              reason: req.reason,
              promotedId: promoted?.id ?? null,
              leftClassIds,
            },
          },
          trx,
        );
        if (promoted) {
          await audit.record(
            actor,
            {
              action: 'nomination.promote',
              entity: 'nomination',
              entityId: promoted.id,
              orgId: quotaOrg.id,
              details: { programmeId: p.id, seatFrom: n.id },
            },
            trx,
          );
        }
        return promoted?.id ?? null;
      });
      const withdrawn = await repo.findNomination(n.id);
      const promoted = promotedId ? await repo.findNomination(promotedId) : undefined;
      if (!withdrawn) throw notFound('推荐记录');
      return {
        withdrawn: await nominationOut(withdrawn),
        promoted: promoted ? await nominationOut(promoted) : null,
      };
    },

    /**
     * 替训 request: the nominating unit asks to replace a selected teacher by another of its own, within its
     * quota; the replacement's eligibility is checked now and stored. The level that allocated the unit's seats
     * approves or refuses (`decideSubstitution`); until then the original stays selected.
     */
    async substitute(
      actor: Actor,
      id: string,
      nominationId: string,
      req: SubstituteRequest,
    ): Promise<SubstitutionRequestBody> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'nomination.write');
      const old = await loadNomination(actor, p, nominationId);
      const quotaOrg = await requireQuotaWrite(actor, old);
      if (old.status !== 'selected') {
        throw new AppError('CONFLICT', '只能替换已入选的推荐', { status: old.status });
      }
      const t = await loadCandidate(actor, req.teacherId);
      if (!t.org_path.startsWith(quotaOrg.path)) {
        throw new AppError('VALIDATION_FAILED', `${t.name}不在${quotaOrg.name}，不能占用其名额替训`);
      }
      if (await repo.liveNomination(p.id, t.id)) {
        throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, { teacherId: t.id });
      }
      const result = await evaluate(actor, p, await packOf(p), t, req);
      if (!result.eligible) throw refuseIneligible(result);
      const quota = await repo.findQuota({
        regionId: old.quota_region_id,
        programmeId: p.id,
        orgId: old.quota_org_id,
      });
      const approverOrgId = quota?.parent_org_id ?? p.owner_org_id;
      const overridden = result.checks.some((c) => c.override);
      const requestId = await db.transaction().execute(async (trx) => {
        const rid = await repo.insertSubstitution(
          {
            regionId: old.quota_region_id,
            programmeId: p.id,
            quotaOrgId: old.quota_org_id,
            approverOrgId,
            orgPath: quotaOrg.path,
            nominationCountyId: old.county_id,
            nominationId: old.id,
            replacedTeacherId: old.teacher_id,
            teacherCountyId: t.county_id,
            teacherId: t.id,
            reason: req.reason,
            eligibility: result,
            overrideReason: overridden ? (req.overrideReason ?? null) : null,
            requestedBy: actor.accountId,
          },
          trx,
        );
        if (!rid) throw new AppError('CONFLICT', '该推荐已有待审批的替训申请', { nominationId: old.id });
        await audit.record(
          actor,
          {
            action: 'substitution.request',
            entity: 'substitution_request',
            entityId: rid,
            orgId: quotaOrg.id,
            details: {
              programmeId: p.id,
              nominationId: old.id,
              fromTeacherId: old.teacher_id,
              toTeacherId: t.id,
              reason: req.reason,
            },
          },
          trx,
        );
        return rid;
      });
      const row = await repo.findSubstitution(requestId);
      if (!row) throw notFound('替训申请');
      return toSubstitution(row);
    },

    async listSubstitutions(
      actor: Actor,
      id: string,
      query: SubstitutionListQuery,
    ): Promise<Page<SubstitutionRequestBody>> {
      const p = await loadProgramme(actor, id);
      const { rows, total } = await repo.listSubstitutions({
        programmeId: p.id,
        roots: scopeOf(actor, 'program.read'),
        status: query.status,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: rows.map(toSubstitution), total, page: query.page, pageSize: query.pageSize };
    },

    /**
     * The level that allocated the nominating unit's seats approves (the seat passes to the replacement, the
     * replaced nomination keeps its record as `replaced`) or refuses (a reason is required). The replacement is
     * checked again on approval: a rule broken since the request refuses the approval.
     */
    async decideSubstitution(
      actor: Actor,
      id: string,
      requestId: string,
      req: SubstitutionDecision,
    ): Promise<SubstitutionDecisionResult> {
      const p = await loadProgramme(actor, id);
      const r = isId(requestId) ? await repo.findSubstitution(requestId) : undefined;
      if (!r || r.programme_id !== p.id || !related(actor, 'program.read', r.org_path))
        throw notFound('替训申请');
      const approver = await repo.findOrg(r.approver_org_id);
      if (!approver || !can(actor, 'quota.allocate', approver.path)) {
        throw forbidden('替训申请由下达该单位名额的上级审批');
      }
      if (r.status !== 'pending') throw new AppError('CONFLICT', '该替训申请已处理', { status: r.status });
      if (!req.approve && (req.reason ?? '').trim().length < 2) {
        throw new AppError('VALIDATION_FAILED', '不同意替训时须填写理由', {
          issues: [{ path: '/reason', message: '请填写理由' }],
        });
      }
      if (req.approve) {
        // checked again: a rule broken since the request (a new integrity record …) refuses the approval;
        // the attestations the unit confirmed at request time stand
        const t = await repo.findCandidate(r.teacher_id);
        if (!t) throw notFound('教师');
        const pack = await packOf(p);
        const type = findProjectType(pack, p.project_type_code);
        const track = type && findTrack(type, p.track_code);
        const stored = r.eligibility as EligibilityResult;
        const confirmed = stored.checks.some((c) => c.label === '资格条件确认' && c.passed)
          ? (track?.eligibility.attestations?.value ?? []).map((a) => a.code)
          : [];
        const again = await evaluate(actor, p, pack, t, {
          attestations: confirmed,
          overrideReason: r.override_reason ?? undefined,
        });
        if (!again.eligible) throw refuseIneligible(again);
      }
      // read before the transaction (PGlite has one connection: no reads outside `trx` inside it)
      const replacement = req.approve ? await repo.findCandidate(r.teacher_id) : undefined;
      const newId = await db.transaction().execute(async (trx) => {
        const locked = await repo.lockSubstitution(r.region_id, r.id, trx);
        if (locked?.status !== 'pending')
          throw new AppError('CONFLICT', '该替训申请已处理', { status: locked?.status });
        let created: string | null = null;
        let leftClassIds: string[] = [];
        if (req.approve) {
          const old = await repo.lockNomination(r.nomination_county_id, r.nomination_id, trx);
          if (old?.status !== 'selected') {
            throw new AppError('CONFLICT', '被替换的推荐已不在入选状态', { status: old?.status });
          }
          const t = replacement;
          if (!t) throw notFound('教师');
          created =
            (await repo.insertNomination(
              {
                countyId: t.county_id,
                programmeId: p.id,
                teacherId: t.id,
                schoolId: t.school_id,
                orgPath: t.org_path,
                quotaRegionId: r.region_id,
                quotaOrgId: r.quota_org_id,
                status: 'selected',
                eligibility: r.eligibility,
                overrideReason: r.override_reason,
                replacesId: r.nomination_id,
                createdBy: actor.accountId,
              },
              trx,
            )) ?? null;
          if (!created) throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, { teacherId: t.id });
          await repo.setNominationStatus(
            r.nomination_county_id,
            r.nomination_id,
            'replaced',
            { reason: r.reason, replacedById: created },
            trx,
          );
          // the replaced teacher leaves their class; the substitute can then be enrolled (classes module)
          leftClassIds = await removeEnrolmentsOfNomination(trx, r.nomination_county_id, r.nomination_id);
        }
        await repo.decideSubstitution(
          r.region_id,
          r.id,
          {
            status: req.approve ? 'approved' : 'refused',
            decidedBy: actor.accountId,
            reason: req.reason?.trim() || null,
            newNominationId: created,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: req.approve ? 'substitution.approve' : 'substitution.refuse',
            entity: 'substitution_request',
            entityId: r.id,
            orgId: r.approver_org_id,
            details: {
              programmeId: p.id,
              nominationId: r.nomination_id,
              fromTeacherId: r.replaced_teacher_id,
              toTeacherId: r.teacher_id,
              newNominationId: created,
              reason: req.reason ?? null,
              leftClassIds,
            },
          },
          trx,
        );
        return created;
      });
      const after = await repo.findSubstitution(r.id);
      if (!after) throw notFound('替训申请');
      const replaced = newId ? await repo.findNomination(r.nomination_id) : undefined;
      const created = newId ? await repo.findNomination(newId) : undefined;
      return {
        request: toSubstitution(after),
        replaced: replaced ? await nominationOut(replaced) : null,
        nomination: created ? await nominationOut(created) : null,
      };
    },

    // ------------------------------------------------------------------------- shortlists (R-004-59)

    /**
     * The selecting level (the programme's owner, recording the provider's choice) confirms a quota node's
     * shortlist: the listed candidates are selected (taking seats), every other candidate there is not selected.
     */
    async confirmShortlist(actor: Actor, id: string, req: ConfirmShortlistRequest): Promise<ShortlistResult> {
      const p = await loadProgramme(actor, id);
      requirePermission(actor, 'program.manage', p.owner_path);
      const pack = await packOf(p);
      const ratio = competitiveRatioOf(pack, p);
      if (!ratio) {
        throw new AppError('VALIDATION_FAILED', '本项目不采取差额遴选，推荐即入选', {
          ruleId: SHORTLIST_RULE_ID,
        });
      }
      const org = isId(req.orgId) ? await repo.findOrg(req.orgId) : undefined;
      if (!org?.path.startsWith(p.owner_path)) throw notFound('名额单位');
      const key = { regionId: regionKeyOf(org), programmeId: p.id, orgId: org.id };
      return db.transaction().execute(async (trx) => {
        const quota = await repo.lockQuota(key, trx);
        if (!quota) throw notFound('该单位的本项目名额');
        // shortlist: once the approved provider selects on the platform, its selection decides (R-004-59)
        if (await repo.hasProviderSelection(p.id, trx)) {
          throw new AppError(
            'CONFLICT',
            `承训高校已在平台上进行差额遴选（${SHORTLIST_RULE_ID}），请在"差额遴选"中确认或退回其提交的名单`,
            { ruleId: SHORTLIST_RULE_ID },
          );
        }
        const candidates = await repo.lockCandidates(p.id, org.id, trx);
        const chosen = new Set(req.selectedIds);
        const unknown = [...chosen].filter((x) => !candidates.some((c) => c.id === x));
        if (unknown.length > 0) {
          throw new AppError('VALIDATION_FAILED', `推荐记录 ${unknown.join('、')} 不是${org.name}的候选人`, {
            ruleId: SHORTLIST_RULE_ID,
            unknown,
          });
        }
        const free = quota.seats - quota.allocated - quota.used;
        if (chosen.size > free) {
          throw new AppError(
            'VALIDATION_FAILED',
            `${org.name}只有 ${free} 个名额，不能确定 ${chosen.size} 人入选（${SHORTLIST_RULE_ID}、${QUOTA_RULE_ID}）`,
            { ruleId: SHORTLIST_RULE_ID, seats: free, selected: chosen.size },
          );
        }
        if (chosen.size > 0 && !(await repo.takeSeats(key, chosen.size, trx))) {
          throw new AppError('CONFLICT', `${org.name}的名额已变化，请刷新后重试`, { ruleId: QUOTA_RULE_ID });
        }
        const values = `名额 ${free} 个、候选 ${candidates.length} 人，1:${ratio} 差额遴选`;
        const results: ShortlistResult['results'] = [];
        for (const c of candidates) {
          const selected = chosen.has(c.id);
          const message = selected
            ? `经差额遴选入选（${SHORTLIST_RULE_ID}，${values}）`
            : `差额遴选未入选（${SHORTLIST_RULE_ID}，${values}）${req.reason ? `：${req.reason}` : ''}`;
          await repo.decideCandidate(
            c.county_id,
            c.id,
            selected ? 'selected' : 'not_selected',
            message,
            actor.accountId,
            trx,
          );
          results.push({
            nominationId: c.id,
            teacherId: c.teacher_id,
            teacherName: c.teacher_name,
            status: selected ? 'selected' : 'not_selected',
            ruleId: SHORTLIST_RULE_ID,
            message,
          });
        }
        await audit.record(
          actor,
          {
            action: 'shortlist.confirm',
            entity: 'programme',
            entityId: p.id,
            orgId: org.id,
            details: { selected: [...chosen], candidates: candidates.map((c) => c.id), seats: free },
          },
          trx,
        );
        return { orgId: org.id, seats: free, ruleId: SHORTLIST_RULE_ID, results };
      });
    },

    // --------------------------------------------------------------------------------------- integrity

    async listIntegrity(actor: Actor, query: IntegrityListQuery): Promise<Page<IntegrityRecordBody>> {
      const roots = requirePermission(actor, 'integrity.manage');
      const { rows, total } = await repo.listIntegrity({
        roots,
        teacherId: query.teacherId,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: await integrityBody(rows), total, page: query.page, pageSize: query.pageSize };
    },

    /** Record a no-show, dismissal or non-completion (R-004-20); the teacher is notified in the same transaction. */
    async createIntegrity(actor: Actor, req: CreateIntegrityRecordRequest): Promise<IntegrityRecordBody> {
      requirePermission(actor, 'integrity.manage');
      const t = isId(req.teacherId) ? await repo.findCandidate(req.teacherId) : undefined;
      if (!t || !can(actor, 'integrity.manage', t.org_path)) throw notFound('教师');
      const prog = req.programmeId ? await loadProgramme(actor, req.programmeId) : undefined;
      const pack = prog ? await packOf(prog) : HENAN_2021_PACK;
      const bar = integrityBar(pack, req.recordDate);
      const kindName = INTEGRITY_KIND_NAMES[req.kind];
      const newId = await db.transaction().execute(async (trx) => {
        const rid = await repo.insertIntegrity(
          {
            countyId: t.county_id,
            teacherId: t.id,
            orgPath: t.org_path,
            kind: req.kind,
            recordDate: req.recordDate,
            programmeId: req.programmeId ?? null,
            evidence: req.evidence ?? null,
            createdBy: actor.accountId,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'integrity.create',
            entity: 'integrity_record',
            entityId: rid,
            orgId: t.school_id,
            details: { teacherId: t.id, kind: req.kind, recordDate: req.recordDate },
          },
          trx,
        );
        await notifications.notifyTeacher(
          {
            countyId: t.county_id,
            teacherId: t.id,
            kind: 'integrity.record',
            title: `培训诚信档案记录：${kindName}`,
            body: `${req.recordDate} 因"${kindName}"${prog ? `（${prog.title}）` : ''}记入培训诚信档案（${bar.ruleId}）：${bar.years} 年内（至 ${bar.lastBarredDay}）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。`,
            entity: 'integrity_record',
            entityId: rid,
          },
          trx,
        );
        return rid;
      });
      return oneIntegrity(newId);
    },

    /** The signed-in teacher's own records, with the date each bar ends and the state of any appeal. */
    async myIntegrity(actor: Actor): Promise<IntegrityRecordBody[]> {
      if (!actor.teacherId) throw forbidden('只有教师本人可以查看个人诚信档案');
      const { rows } = await repo.listIntegrity({
        roots: null,
        teacherId: actor.teacherId,
        offset: 0,
        limit: 200,
      });
      return integrityBody(rows);
    },

    /** The teacher appeals one of their own standing records with a reason (one appeal per record). */
    async appealIntegrity(
      actor: Actor,
      recordId: string,
      req: IntegrityAppealRequest,
    ): Promise<IntegrityRecordBody> {
      if (!actor.teacherId) throw forbidden('只有教师本人可以申诉');
      const r = isId(recordId) ? await repo.findIntegrity(recordId) : undefined;
      if (!r || r.teacher_id !== actor.teacherId) throw notFound('诚信档案');
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockIntegrity(r.county_id, r.id, trx);
        if (!locked?.standing) throw new AppError('CONFLICT', '该记录已不再有效，无需申诉');
        if (locked.appeal_status !== 'none') {
          throw new AppError('CONFLICT', '该记录已提出过申诉', { appealStatus: locked.appeal_status });
        }
        await repo.setAppeal(r.county_id, r.id, req.reason, trx);
        await audit.record(
          actor,
          {
            action: 'integrity.appeal',
            entity: 'integrity_record',
            entityId: r.id,
            details: { teacherId: r.teacher_id, reason: req.reason },
          },
          trx,
        );
      });
      return oneIntegrity(r.id);
    },

    /** The bureau decides an appeal: upheld → the record stops standing (with the reason); rejected → it stays. */
    async decideAppeal(
      actor: Actor,
      recordId: string,
      req: IntegrityAppealDecision,
    ): Promise<IntegrityRecordBody> {
      requirePermission(actor, 'integrity.manage');
      const r = isId(recordId) ? await repo.findIntegrity(recordId) : undefined;
      if (!r || !can(actor, 'integrity.manage', r.org_path)) throw notFound('诚信档案');
      const upheld = req.decision === 'upheld';
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lockIntegrity(r.county_id, r.id, trx);
        if (locked?.appeal_status !== 'pending') {
          throw new AppError('CONFLICT', '该记录没有待处理的申诉', { appealStatus: locked?.appeal_status });
        }
        await repo.decideAppeal(r.county_id, r.id, { upheld, reason: req.reason, by: actor.accountId }, trx);
        await audit.record(
          actor,
          {
            action: upheld ? 'integrity.appeal_upheld' : 'integrity.appeal_rejected',
            entity: 'integrity_record',
            entityId: r.id,
            details: { teacherId: r.teacher_id, reason: req.reason },
          },
          trx,
        );
        await notifications.notifyTeacher(
          {
            countyId: r.county_id,
            teacherId: r.teacher_id,
            kind: 'integrity.appeal',
            title: upheld ? '诚信档案申诉成立' : '诚信档案申诉未获支持',
            body: upheld
              ? `您对 ${r.record_date} 记录的申诉成立，该记录不再限制参训（${INTEGRITY_RULE_ID}）。理由：${req.reason}`
              : `您对 ${r.record_date} 记录的申诉未获支持，该记录继续有效（${INTEGRITY_RULE_ID}）。理由：${req.reason}`,
            entity: 'integrity_record',
            entityId: r.id,
          },
          trx,
        );
      });
      return oneIntegrity(r.id);
    },

    // ---------------------------------------------------------------------- selection quality (R3-B03)

    /**
     * Selection quality per city, county or school in the actor's scope: nominations by outcome, overridden
     * and refused (ineligible) attempts, no-shows and non-completions, and for counties the project-county
     * deduction of R3-B03 (−1 per person-time: 少报, 缺培, 未结业, 学员不符合遴选条件).
     */
    async selectionQuality(
      actor: Actor,
      id: string,
      query: SelectionQualityQuery,
    ): Promise<SelectionQuality> {
      const p = await loadProgramme(actor, id);
      const level = query.level;
      const roots = scopeOf(actor, 'program.read').map((r) =>
        p.owner_path.startsWith(r) ? p.owner_path : r,
      );
      const nodes = new Map<string, { id: string; name: string; kind: string; path: string }>();
      for (const root of new Set(roots)) {
        if (!root.startsWith(p.owner_path)) continue;
        const grant = actor.grants.find((g) => g.orgPath === root);
        const self = grant ? await repo.findOrg(grant.orgId) : undefined;
        if (self?.kind === level) nodes.set(self.id, self);
        for (const o of await repo.orgsBelow(root, [level])) nodes.set(o.id, o);
      }
      const list = [...nodes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const [counts, quotaRows] = await Promise.all([
        repo.qualityCounts(p.id, list),
        repo.quotaNodes(p.id, null),
      ]);
      const seatsOf = new Map(quotaRows.map((q) => [q.org_id, q.seats]));
      const byOrg = new Map(counts.map((c) => [c.org_id, c]));
      const rules = PROJECT_COUNTY_DEDUCTION;
      return {
        programmeId: p.id,
        level,
        rows: list.map((o) => {
          const c = byOrg.get(o.id);
          const seats = seatsOf.get(o.id) ?? null;
          const selected = c?.selected ?? 0;
          const overridden = c?.overridden ?? 0;
          const ineligible =
            (c?.ineligible_selected ?? 0) + (rules.overridesCountAsIneligible.value ? overridden : 0);
          return {
            orgId: o.id,
            orgName: o.name,
            orgKind: o.kind,
            seats,
            nominations: c?.nominations ?? 0,
            selected,
            candidates: c?.candidates ?? 0,
            notSelected: c?.not_selected ?? 0,
            waitlisted: c?.waitlisted ?? 0,
            withdrawn: c?.withdrawn ?? 0,
            replaced: c?.replaced ?? 0,
            overridden,
            refusedAttempts: c?.refused ?? 0,
            noShows: c?.no_shows ?? 0,
            notCompleted: c?.not_completed ?? 0,
            deduction:
              o.kind === 'county'
                ? projectCountyDeduction(
                    {
                      underReported: Math.max(0, (seats ?? 0) - selected),
                      missed: c?.no_shows ?? 0,
                      notCompleted: c?.not_completed ?? 0,
                      ineligible,
                    },
                    rules,
                  )
                : null,
          };
        }),
      };
    },

    /** The selection-quality report as an Excel workbook (one sheet, Chinese headers). */
    async exportSelectionQuality(
      actor: Actor,
      id: string,
      query: SelectionQualityQuery,
    ): Promise<{ fileName: string; body: Buffer }> {
      const report = await this.selectionQuality(actor, id, query);
      const p = await loadProgramme(actor, id);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('遴选质量');
      ws.columns = [
        { header: '单位', key: 'orgName', width: 24 },
        { header: '名额', key: 'seats', width: 8 },
        { header: '推荐人次', key: 'nominations', width: 10 },
        { header: '入选', key: 'selected', width: 8 },
        { header: '候选', key: 'candidates', width: 8 },
        { header: '差额未入选', key: 'notSelected', width: 10 },
        { header: '候补', key: 'waitlisted', width: 8 },
        { header: '撤回', key: 'withdrawn', width: 8 },
        { header: '被替换', key: 'replaced', width: 8 },
        { header: '例外通过', key: 'overridden', width: 10 },
        { header: '不符合条件被拒', key: 'refusedAttempts', width: 14 },
        { header: '缺培', key: 'noShows', width: 8 },
        { header: '未结业', key: 'notCompleted', width: 8 },
        { header: '少报', key: 'underReported', width: 8 },
        { header: `扣分（${PROJECT_COUNTY_DEDUCTION.maxPoints.ruleId}）`, key: 'points', width: 12 },
        { header: `得分（满分 ${PROJECT_COUNTY_DEDUCTION.maxPoints.value}）`, key: 'score', width: 14 },
      ];
      for (const r of report.rows) {
        ws.addRow({
          ...r,
          seats: r.seats ?? '',
          underReported: r.deduction?.items.find((i) => i.code === 'under_reported')?.personTimes ?? '',
          points: r.deduction?.points ?? '',
          score: r.deduction?.score ?? '',
        });
      }
      ws.getRow(1).font = { bold: true };
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      return { fileName: `${p.title}-遴选质量.xlsx`, body };
    },

    // ---------------------------------------------- for other modules (plans): no actor, callers authorize

    /** A programme and its pack, for a module that authorizes on its own (plans); undefined when unknown. */
    async programmeWithPack(id: string): Promise<{ programme: ProgrammeRef; pack: PolicyPack } | undefined> {
      const row = isId(id) ? await repo.findProgramme(id) : undefined;
      if (!row) return undefined;
      return { programme: toRef(row), pack: await packOf(row) };
    },

    /**
     * every programme the actor may read (owned in the actor's program.read subtrees or on their
     * ancestor chain, as the programme list), with its pack (each pack read once) and the actor's roots.
     * For the training overview; at most `limit`, newest first.
     */
    async programmesInScope(
      actor: Actor,
      limit = 2000,
    ): Promise<{ roots: string[]; items: Array<{ programme: ProgrammeRef; pack: PolicyPack }> }> {
      const roots = requirePermission(actor, 'program.read');
      const { rows } = await repo.listProgrammes({ roots, offset: 0, limit });
      const packs = new Map<string, PolicyPack>();
      const items: Array<{ programme: ProgrammeRef; pack: PolicyPack }> = [];
      for (const r of rows) {
        let pack = packs.get(r.pack_id);
        if (!pack) {
          pack = await packOf(r);
          packs.set(r.pack_id, pack);
        }
        items.push({ programme: toRef(r), pack });
      }
      return { roots, items };
    },

    /**
     * Programmes owned on the ancestor chain of `path` (and in its subtree): those a provider registered
     * under a bureau may apply to. Newest first, at most `limit`.
     */
    async programmesAround(
      path: string,
      limit = 500,
    ): Promise<Array<{ programme: ProgrammeRef; pack: PolicyPack }>> {
      const { rows } = await repo.listProgrammes({ roots: [path], offset: 0, limit });
      const packs = new Map<string, PolicyPack>();
      const out: Array<{ programme: ProgrammeRef; pack: PolicyPack }> = [];
      for (const r of rows) {
        let pack = packs.get(r.pack_id);
        if (!pack) {
          pack = await packOf(r);
          packs.set(r.pack_id, pack);
        }
        out.push({ programme: toRef(r), pack });
      }
      return out;
    },
  };
}

/** What other modules see of a programme. */
export interface ProgrammeRef {
  id: string;
  title: string;
  packId: string;
  projectTypeCode: string;
  trackCode: string;
  level: string;
  year: number;
  ownerOrgId: string;
  ownerOrgName: string;
  ownerPath: string;
  startDate: string;
  endDate: string;
  totalSeats: number;
  /** shortlist: the trainee selection deadline (R-004-18). */
  selectionDeadline: string;
}

function toRef(r: ProgrammeRow): ProgrammeRef {
  return {
    id: r.id,
    title: r.title,
    packId: r.pack_id,
    projectTypeCode: r.project_type_code,
    trackCode: r.track_code,
    level: r.level,
    year: r.year,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: r.owner_name,
    ownerPath: r.owner_path,
    startDate: r.start_date,
    endDate: r.end_date,
    totalSeats: r.total_seats,
    selectionDeadline: r.selection_deadline,
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
