import type {
  CheckinDisplay,
  CheckinRefusal,
  CheckinRequest,
  CheckinResult,
  ClassAlert,
  ClassDetail,
  ClassDocument,
  ClassListQuery,
  ClassProvider,
  ClassSession,
  ClassSummary,
  CreateClassRequest,
  CreateDocumentRequest,
  CreateSessionRequest,
  Enrolment as EnrolmentOut,
  EnrolRequest,
  EnrolResult,
  Leave,
  LeaveDecision,
  LeaveRequestBody,
  LiveBoard,
  ManualAttendanceRequest,
  MyClass,
  UpdateClassRequest,
} from '@yanxun/contracts';
import {
  type BoardItem,
  boardSummary,
  CHECKIN_RULE_ENROLLED,
  CHECKIN_RULE_EXPIRED,
  CHECKIN_RULE_OPEN,
  type ClassOperations,
  type ClassSubmissions,
  checkinOpen,
  checkinWindow,
  classOperationsOf,
  deadlineBoard,
  type PolicyPack,
  todayInShanghai,
  windowAccepted,
  windowEndsAt,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { once } from '../../shared/once';
import { can, type Permission, requirePermission, scopeOf } from '../../shared/permissions';
import type { AuditService } from '../audit';
import type { ProgramsRepository } from '../programs';
import {
  createThrottleRepository,
  createThrottleService,
  type ThrottleRule,
  type ThrottleService,
  throttleKey,
} from '../throttle';
import { makeToken, readToken, shortCode } from './checkin-token';
import type {
  ClassesRepository,
  ClassRow,
  DocumentRow,
  EnrolmentRow,
  LeaveRow,
  SessionRow,
} from './classes.repository';

/** R-004-18: only selected nominations (遴选结果) are placed in a class. */
const SELECTED_RULE_ID = 'R-004-18';
/** Sessions and documents must lie inside the class's dates. */
const CLASS_DATES_RULE = 'Y-004-CLASS-DATES';
/** How long the check-in path trusts its copy of a class (dates, sessions, pack rules). */
const CLASS_CACHE_MS = 5_000;
const CODE_RULE = 'Y-004-QR-ROTATE';
/**
 * Wrong short codes a teacher may enter (guessing 10⁶ codes): the 10th within a streak makes the teacher wait
 * 5 minutes; counted in the database (modules/throttle), so several servers do not each allow 10.
 */
const CODE_THROTTLE: ThrottleRule = {
  scope: 'checkin.short_code',
  limit: 10,
  blockMs: 5 * 60_000,
  maxBlockMs: 5 * 60_000,
  windowMs: 5 * 60_000,
};

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

interface ClassInfo {
  row: ClassRow;
  pack: PolicyPack;
  ops: ClassOperations;
  sessions: SessionRow[];
  at: number;
}

function refuse(
  reason: CheckinRefusal,
  message: string,
  ruleId: string,
  extra: Record<string, unknown> = {},
) {
  const code =
    reason === 'invalid' || reason === 'expired' || reason === 'not_open' ? 'VALIDATION_FAILED' : 'FORBIDDEN';
  return new AppError(code, message, { reason, ruleId, ...extra });
}

function toSession(s: SessionRow): ClassSession {
  return {
    id: s.id,
    date: s.session_date,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    title: s.title,
    mode: s.mode,
    location: s.location,
  };
}

function toDocument(d: DocumentRow): ClassDocument {
  return {
    id: d.id,
    kind: d.kind as ClassDocument['kind'],
    item: d.item,
    title: d.title,
    submittedOn: d.submitted_on,
  };
}

function toLeave(l: LeaveRow): Leave {
  return {
    id: l.id,
    classId: l.class_id,
    sessionId: l.session_id,
    sessionTitle: l.session_title,
    sessionDate: l.session_date,
    teacherId: l.teacher_id,
    teacherName: l.teacher_name,
    reason: l.reason,
    status: l.status as Leave['status'],
    decisionNote: l.decision_note,
    createdAt: l.created_at.toISOString(),
  };
}

export function submissionsOf(docs: DocumentRow[], c: ClassRow, bulletinDates: string[]): ClassSubmissions {
  const first = (kind: string) => docs.find((d) => d.kind === kind)?.submitted_on ?? null;
  const finals: Record<string, string> = {};
  for (const d of docs) if (d.kind === 'final_report' && !(d.item in finals)) finals[d.item] = d.submitted_on;
  return {
    classDatesReportedOn: c.dates_reported_on,
    registrationNoticeOn: first('registration_notice'),
    timetableOn: first('timetable'),
    bulletinDates,
    finalReports: finals,
  };
}

export function createClassesService(deps: {
  db: Database;
  repo: ClassesRepository;
  programsRepo: Pick<ProgramsRepository, 'findProgramme' | 'findPack' | 'selectedNominations'>;
  audit: AuditService;
  /**
   * The HMAC key of the check-in codes; every server of a deployment must share it: CHECKIN_SECRET, or else a
   * random key generated on first use and kept in the database (app_secrets), so several servers agree by default.
   */
  checkinSecret?: Buffer;
  /** the deployment's shared failure throttle (one over `db` when not given) */
  throttle?: ThrottleService;
  clock?: () => Date;
}) {
  const { db, repo, programsRepo, audit } = deps;
  const throttle = deps.throttle ?? createThrottleService({ repo: createThrottleRepository(db) });
  const checkinKey = once(() => repo.secret('checkin'), deps.checkinSecret);
  const now = deps.clock ?? (() => new Date());
  const today = () => todayInShanghai(now());

  // ------------------------------------------------------------------------------------------- caches

  const packs = new Map<string, { pack: PolicyPack; at: number }>();
  async function packById(id: string): Promise<PolicyPack> {
    const hit = packs.get(id);
    if (hit && Date.now() - hit.at < 60_000) return hit.pack;
    const row = await programsRepo.findPack(id);
    if (!row) throw new AppError('INTERNAL', `政策包 ${id} 不存在`);
    const pack = row.body as PolicyPack;
    packs.set(id, { pack, at: Date.now() });
    return pack;
  }

  const infos = new Map<string, ClassInfo>();
  /** Loads in flight, one per class: when the copy expires under load, concurrent check-ins share one reload. */
  const loading = new Map<string, Promise<ClassInfo | undefined>>();
  function loadClassInfo(id: string): Promise<ClassInfo | undefined> {
    const p = (async () => {
      const row = await repo.findClass(id);
      if (!row) return undefined;
      const [pack, sessions] = await Promise.all([packById(row.pack_id), repo.listSessions(id)]);
      return { row, pack, ops: classOperationsOf(pack), sessions, at: Date.now() };
    })();
    loading.set(id, p);
    const settle = (info: ClassInfo | undefined) => {
      if (loading.get(id) !== p) return; // forgotten meanwhile (a write to the class): do not cache
      loading.delete(id);
      if (!info) return;
      infos.set(id, info);
      if (infos.size > 10_000) infos.delete(infos.keys().next().value ?? '');
    };
    p.then(settle, () => settle(undefined));
    return p;
  }
  async function classInfo(id: string): Promise<ClassInfo | undefined> {
    const hit = infos.get(id);
    if (hit && Date.now() - hit.at < CLASS_CACHE_MS) return hit;
    return loading.get(id) ?? loadClassInfo(id);
  }
  /** After a write to the class: drop the copy and any reload that started before the write. */
  function forgetClassInfo(id: string): void {
    infos.delete(id);
    loading.delete(id);
  }

  // ------------------------------------------------------------------------------------------ visibility

  /** Inside the actor's scope of `permission`, or above it (a province's programme reaches its counties). */
  function related(actor: Actor, permission: Permission, path: string): boolean {
    return scopeOf(actor, permission).some((root) => root.startsWith(path) || path.startsWith(root));
  }

  /** Provider staff on the class's provider org, or a bureau admin over the programme's owner. */
  function canManage(actor: Actor, c: ClassRow): boolean {
    return can(actor, 'class.manage', c.provider_path) || can(actor, 'program.manage', c.owner_path);
  }

  /** Sees every trainee of the class (not only those of their own region). */
  function seesAll(actor: Actor, c: ClassRow): boolean {
    return (
      canManage(actor, c) ||
      can(actor, 'class.read', c.provider_path) ||
      can(actor, 'program.read', c.owner_path)
    );
  }

  function visible(actor: Actor, c: ClassRow): boolean {
    return seesAll(actor, c) || related(actor, 'program.read', c.owner_path);
  }

  /** Trainees the actor may see: all, or those under the actor's own bureau scope (a county sees its own). */
  function traineeFilter(actor: Actor, c: ClassRow): (orgPath: string) => boolean {
    if (seesAll(actor, c)) return () => true;
    const roots = scopeOf(actor, 'program.read');
    return (p) => roots.some((r) => p.startsWith(r));
  }

  async function loadClass(actor: Actor, id: string): Promise<ClassRow> {
    requirePermission(actor, 'class.read');
    const c = isId(id) ? await repo.findClass(id) : undefined;
    if (!c || !visible(actor, c)) throw notFound('培训班');
    return c;
  }

  async function loadManaged(actor: Actor, id: string): Promise<ClassRow> {
    const c = await loadClass(actor, id);
    if (!canManage(actor, c)) throw forbidden('只有承训机构或项目主管部门可以管理该班');
    return c;
  }

  // ------------------------------------------------------------------------------------------------ board

  async function boardOf(
    c: ClassRow,
    pack: PolicyPack,
    docs: DocumentRow[],
    day: string,
  ): Promise<BoardItem[]> {
    // R-004-14 "每个单位…不少于3期": per provider and project (or per provider), as the pack reads it
    const perProject = pack.deadlines.bulletinsBasis.value === 'provider_project';
    const b = await repo.providerBulletins(perProject ? c.programme_id : null, c.provider_org_id);
    const due = b.lastEnd && b.lastEnd > c.end_date ? b.lastEnd : c.end_date;
    return deadlineBoard(
      pack,
      { startDate: c.start_date, endDate: c.end_date },
      submissionsOf(docs, c, b.dates),
      day,
      {
        bulletinsDueDate: due,
      },
    );
  }

  async function summaries(actor: Actor, rows: ClassRow[]): Promise<ClassSummary[]> {
    const docs = await repo.listDocuments(rows.map((r) => r.id));
    const day = today();
    return Promise.all(
      rows.map(async (c) => {
        const board = await boardOf(
          c,
          await packById(c.pack_id),
          docs.filter((d) => d.class_id === c.id),
          day,
        );
        return toSummary(actor, c, boardSummary(board));
      }),
    );
  }

  function toSummary(actor: Actor, c: ClassRow, lights: ClassSummary['lights']): ClassSummary {
    return {
      id: c.id,
      programmeId: c.programme_id,
      programmeTitle: c.programme_title,
      name: c.name,
      periodNo: c.period_no,
      startDate: c.start_date,
      endDate: c.end_date,
      venue: c.venue,
      providerOrgId: c.provider_org_id,
      providerOrgName: c.provider_name,
      enrolled: c.enrolled,
      lights,
      canManage: canManage(actor, c),
    };
  }

  function slotLabel(slot: string, sessions: SessionRow[]): string {
    if (slot === 'register') return '注册';
    if (slot === 'arrive') return '报到';
    const s = sessions.find((x) => `s${x.id}` === slot);
    return s ? `${s.session_date} ${s.starts_at} ${s.title}` : slot;
  }

  function requireSlot(slot: string, info: ClassInfo): SessionRow | null {
    if (slot === 'register' || slot === 'arrive') return null;
    const s = info.sessions.find((x) => `s${x.id}` === slot);
    if (!s) throw new AppError('NOT_FOUND', '该课次不存在或不属于本班');
    return s;
  }

  // ------------------------------------------------------------------------------------------- check-in

  async function checkinAt(
    teacherId: string,
    info: ClassInfo,
    slot: string,
    method: 'qr' | 'code',
  ): Promise<CheckinResult> {
    const c = info.row;
    const session = (() => {
      try {
        return requireSlot(slot, info);
      } catch {
        throw refuse('invalid', '签到码无效：该课次不属于本班', CHECKIN_RULE_EXPIRED);
      }
    })();
    const day = today();
    const open = checkinOpen(info.ops, { startDate: c.start_date, endDate: c.end_date }, day);
    if (!open.open) {
      throw refuse(
        'not_open',
        `"${c.name}"的签到时间为 ${open.opensOn} 至 ${open.closesOn}，今天（${day}）不能签到（${CHECKIN_RULE_OPEN}）`,
        CHECKIN_RULE_OPEN,
        { opensOn: open.opensOn, closesOn: open.closesOn, today: day },
      );
    }
    if (session && session.session_date !== day) {
      throw refuse(
        'not_open',
        `该课次在 ${session.session_date}，只能当天签到（${CHECKIN_RULE_OPEN}）`,
        CHECKIN_RULE_OPEN,
        { sessionDate: session.session_date, today: day },
      );
    }
    const label = slotLabel(slot, info.sessions);
    const written = await repo.checkin(c.id, teacherId, slot, method, null);
    if (written) {
      return {
        status: 'checked_in',
        classId: c.id,
        className: c.name,
        slot,
        slotLabel: label,
        checkedAt: written.toISOString(),
        message: `${label}签到成功（${TIME.format(written)}）`,
      };
    }
    const earlier = await repo.attendanceAt(c.id, teacherId, slot);
    if (earlier) {
      return {
        status: 'already',
        classId: c.id,
        className: c.name,
        slot,
        slotLabel: label,
        checkedAt: earlier.toISOString(),
        message: `已签到（${TIME.format(earlier)}），无需重复签到`,
      };
    }
    const mine = await repo.classesOfTeacher(teacherId);
    if (mine.length > 0) {
      throw refuse(
        'other_class',
        `该签到码属于"${c.name}"，您不是该班学员，请扫描本班现场的二维码（${CHECKIN_RULE_ENROLLED}）`,
        CHECKIN_RULE_ENROLLED,
        { classId: c.id, className: c.name },
      );
    }
    throw refuse(
      'not_enrolled',
      `您未编入"${c.name}"，不能签到；请联系所在学校或县区教育局（${CHECKIN_RULE_ENROLLED}）`,
      CHECKIN_RULE_ENROLLED,
      { classId: c.id, className: c.name },
    );
  }

  return {
    // -------------------------------------------------------------------------------------------- classes

    /** The providers a class can be given to: for whoever may open a class (program.manage). */
    async providers(actor: Actor): Promise<ClassProvider[]> {
      requirePermission(actor, 'program.manage');
      return (await repo.providers()).map((o) => ({ id: String(o.id), name: o.name }));
    },

    async list(actor: Actor, query: ClassListQuery): Promise<ClassSummary[]> {
      requirePermission(actor, 'class.read');
      const rows = await repo.listClasses({
        ownerRoots: scopeOf(actor, 'program.read'),
        providerRoots: [...scopeOf(actor, 'class.read'), ...scopeOf(actor, 'class.manage')],
        programmeId: query.programmeId,
        limit: 500,
      });
      return summaries(
        actor,
        rows.filter((r) => visible(actor, r)),
      );
    },

    async get(actor: Actor, id: string): Promise<ClassDetail> {
      const c = await loadClass(actor, id);
      const pack = await packById(c.pack_id);
      const [sessions, docs] = await Promise.all([repo.listSessions(c.id), repo.listDocuments([c.id])]);
      const day = today();
      const board = await boardOf(c, pack, docs, day);
      const ops = classOperationsOf(pack);
      const open = checkinOpen(ops, { startDate: c.start_date, endDate: c.end_date }, day);
      return {
        ...toSummary(actor, c, boardSummary(board)),
        sessions: sessions.map(toSession),
        documents: docs.map(toDocument),
        board,
        checkin: { ...open, rotationSeconds: ops.checkinRotationSeconds.value, ruleId: CHECKIN_RULE_OPEN },
        canDisplay: canManage(actor, c) || can(actor, 'checkin.display', c.provider_path),
      };
    },

    /** A bureau over the programme's owner opens a class and names the provider org that runs it. */
    async create(actor: Actor, req: CreateClassRequest): Promise<ClassDetail> {
      requirePermission(actor, 'program.manage');
      const p = isId(req.programmeId) ? await programsRepo.findProgramme(req.programmeId) : undefined;
      if (!p || !related(actor, 'program.read', p.owner_path)) throw notFound('培训项目');
      if (!can(actor, 'program.manage', p.owner_path)) throw forbidden('只有项目主管部门可以开班');
      const provider = isId(req.providerOrgId) ? await repo.findOrg(req.providerOrgId) : undefined;
      if (provider?.kind !== 'provider') {
        throw new AppError('VALIDATION_FAILED', '承训机构不存在，请选择一个承训机构');
      }
      const start = req.startDate;
      const end = req.endDate;
      if (start > end) throw new AppError('VALIDATION_FAILED', `开班日期 ${start} 晚于结业日期 ${end}`);
      if (start < p.start_date || end > p.end_date) {
        throw new AppError(
          'VALIDATION_FAILED',
          `培训班日期 ${start}～${end} 超出项目日期 ${p.start_date}～${p.end_date}（${CLASS_DATES_RULE}）`,
          { ruleId: CLASS_DATES_RULE, programme: { startDate: p.start_date, endDate: p.end_date } },
        );
      }
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertClass(
          {
            programmeId: p.id,
            name: req.name,
            periodNo: req.periodNo ?? 1,
            startDate: start,
            endDate: end,
            venue: req.venue ?? '',
            providerOrgId: provider.id,
            providerPath: provider.path,
            ownerPath: p.owner_path,
            datesReportedOn: today(),
            createdBy: actor.accountId,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'class.create',
            entity: 'class',
            entityId: newId,
            orgId: p.owner_org_id,
            details: { programmeId: p.id, providerOrgId: provider.id, startDate: start, endDate: end },
          },
          trx,
        );
        return newId;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, req: UpdateClassRequest): Promise<ClassDetail> {
      const c = await loadManaged(actor, id);
      if (req.startDate > req.endDate) {
        throw new AppError('VALIDATION_FAILED', `开班日期 ${req.startDate} 晚于结业日期 ${req.endDate}`);
      }
      const p = await programsRepo.findProgramme(c.programme_id);
      if (p && (req.startDate < p.start_date || req.endDate > p.end_date)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `培训班日期超出项目日期 ${p.start_date}～${p.end_date}（${CLASS_DATES_RULE}）`,
          { ruleId: CLASS_DATES_RULE },
        );
      }
      await db.transaction().execute(async (trx) => {
        await repo.updateClass(c.id, req, trx);
        await audit.record(
          actor,
          {
            action: 'class.update',
            entity: 'class',
            entityId: c.id,
            details: { before: { start: c.start_date, end: c.end_date, venue: c.venue }, after: req },
          },
          trx,
        );
      });
      forgetClassInfo(c.id);
      return this.get(actor, c.id);
    },

    async addSession(actor: Actor, id: string, req: CreateSessionRequest): Promise<ClassSession> {
      const c = await loadManaged(actor, id);
      if (req.date < c.start_date || req.date > c.end_date) {
        throw new AppError(
          'VALIDATION_FAILED',
          `课次日期 ${req.date} 不在培训班日期 ${c.start_date}～${c.end_date} 内（${CLASS_DATES_RULE}）`,
          { ruleId: CLASS_DATES_RULE },
        );
      }
      if (req.startsAt >= req.endsAt) {
        throw new AppError('VALIDATION_FAILED', `课次开始时间 ${req.startsAt} 应早于结束时间 ${req.endsAt}`);
      }
      const w = {
        classId: c.id,
        date: req.date,
        startsAt: req.startsAt,
        endsAt: req.endsAt,
        title: req.title,
        mode: req.mode ?? 'centralized',
        location: req.location ?? '',
      };
      const sid = await db.transaction().execute(async (trx) => {
        const s = await repo.insertSession(w, trx);
        await audit.record(
          actor,
          { action: 'class.session.create', entity: 'class_session', entityId: s, details: w },
          trx,
        );
        return s;
      });
      forgetClassInfo(c.id);
      return toSession({
        id: sid,
        class_id: c.id,
        session_date: w.date,
        starts_at: w.startsAt,
        ends_at: w.endsAt,
        title: w.title,
        mode: w.mode,
        location: w.location,
      });
    },

    /** Record a deadline document (报到通知书, 课程表, 工作简报, 总结报告) as submitted on a date. */
    async addDocument(actor: Actor, id: string, req: CreateDocumentRequest): Promise<ClassDocument> {
      const c = await loadManaged(actor, id);
      const pack = await packById(c.pack_id);
      const day = today();
      if (req.submittedOn > day) {
        throw new AppError(
          'VALIDATION_FAILED',
          `报送日期 ${req.submittedOn} 晚于今天（${day}），不能预先登记`,
        );
      }
      let item = req.item ?? '';
      if (req.kind === 'final_report') {
        const items = pack.deadlines.finalReportItems.value;
        if (!items.includes(item)) {
          throw new AppError(
            'VALIDATION_FAILED',
            `总结材料应为以下之一：${items.join('、')}（${pack.deadlines.finalReportItems.ruleId}）`,
            { ruleId: pack.deadlines.finalReportItems.ruleId, items },
          );
        }
      } else {
        item = '';
      }
      const w = {
        classId: c.id,
        kind: req.kind,
        item,
        title: req.title ?? '',
        submittedOn: req.submittedOn,
        createdBy: actor.accountId,
      };
      const docId = await db.transaction().execute(async (trx) => {
        const d = await repo.insertDocument(w, trx);
        await audit.record(
          actor,
          { action: 'class.document.create', entity: 'class_document', entityId: d, details: { ...w } },
          trx,
        );
        return d;
      });
      return { id: docId, kind: req.kind, item, title: w.title, submittedOn: w.submittedOn };
    },

    /** Overdue and due-soon deadline items of every class in the actor's scope, the overdue first. */
    async alerts(actor: Actor): Promise<ClassAlert[]> {
      requirePermission(actor, 'class.read');
      const rows = (
        await repo.listClasses({
          ownerRoots: scopeOf(actor, 'program.read'),
          providerRoots: [...scopeOf(actor, 'class.read'), ...scopeOf(actor, 'class.manage')],
          limit: 500,
        })
      ).filter((r) => visible(actor, r));
      const docs = await repo.listDocuments(rows.map((r) => r.id));
      const day = today();
      const out: ClassAlert[] = [];
      for (const c of rows) {
        const board = await boardOf(
          c,
          await packById(c.pack_id),
          docs.filter((d) => d.class_id === c.id),
          day,
        );
        for (const i of board) {
          if (i.light !== 'red' && i.light !== 'amber') continue;
          out.push({
            classId: c.id,
            className: c.name,
            programmeTitle: c.programme_title,
            code: i.code,
            label: i.label,
            ruleId: i.ruleId,
            light: i.light,
            dueDate: i.dueDate,
            days: i.days,
            message: i.message,
          });
        }
      }
      const rank = (a: ClassAlert) => (a.light === 'red' ? -a.days : 1000 + a.days);
      return out.sort((a, b) => rank(a) - rank(b));
    },

    // ---------------------------------------------------------------------------------------- enrolment

    /** Place the programme's selected nominations (all not yet placed, or the given teachers) in the class. */
    async enrol(actor: Actor, id: string, req: EnrolRequest): Promise<EnrolResult> {
      const c = await loadManaged(actor, id);
      const wanted = req.teacherIds ? [...new Set(req.teacherIds)] : undefined;
      return db.transaction().execute(async (trx) => {
        const noms = await programsRepo.selectedNominations(c.programme_id, wanted, trx);
        const placed = new Set(
          await repo.enrol(
            noms.map((n) => ({
              countyId: n.county_id,
              teacherId: n.teacher_id,
              nominationId: n.id,
              orgPath: n.org_path,
            })),
            c.id,
            c.programme_id,
            trx,
          ),
        );
        const selected = new Set(noms.map((n) => n.teacher_id));
        const skipped: EnrolResult['skipped'] = [];
        for (const t of wanted ?? []) {
          if (!selected.has(t)) {
            skipped.push({ teacherId: t, reason: '该教师不是本项目的入选学员', ruleId: SELECTED_RULE_ID });
          }
        }
        for (const n of noms) {
          if (!placed.has(n.teacher_id) && wanted) {
            skipped.push({
              teacherId: n.teacher_id,
              reason: '该教师已编入本项目的一个培训班',
              ruleId: SELECTED_RULE_ID,
            });
          }
        }
        await audit.record(
          actor,
          {
            action: 'class.enrol',
            entity: 'class',
            entityId: c.id,
            details: { enrolled: placed.size, skipped: skipped.length },
          },
          trx,
        );
        return { enrolled: placed.size, skipped };
      });
    },

    async enrolments(actor: Actor, id: string): Promise<EnrolmentOut[]> {
      const c = await loadClass(actor, id);
      const keep = traineeFilter(actor, c);
      const [rows, att] = await Promise.all([
        repo.enrolments(c.id),
        repo.attendance(c.id, ['register', 'arrive']),
      ]);
      const at = new Map(att.map((a) => [`${a.slot}:${a.teacher_id}`, a.checked_at.toISOString()]));
      return rows
        .filter((r) => keep(r.org_path))
        .map((r: EnrolmentRow) => ({
          teacherId: r.teacher_id,
          teacherName: r.teacher_name,
          schoolName: r.school_name,
          registeredAt: at.get(`register:${r.teacher_id}`) ?? null,
          arrivedAt: at.get(`arrive:${r.teacher_id}`) ?? null,
        }));
    },

    // ----------------------------------------------------------------------------------------- check-in

    /** The venue screen: the current token and short code of a slot, rotating every N seconds (Y-004-QR-ROTATE). */
    async display(actor: Actor, id: string, slot: string): Promise<CheckinDisplay> {
      const c = await loadClass(actor, id);
      if (!(canManage(actor, c) || can(actor, 'checkin.display', c.provider_path))) {
        throw forbidden('只有承训机构可以显示签到码');
      }
      const info = await classInfo(c.id);
      if (!info) throw notFound('培训班');
      requireSlot(slot, info);
      const t = now().getTime();
      const rotation = info.ops.checkinRotationSeconds.value;
      const w = checkinWindow(t, rotation);
      const parts = { classId: c.id, slot, window: w };
      const secret = await checkinKey();
      const token = makeToken(secret, parts);
      const open = checkinOpen(info.ops, { startDate: c.start_date, endDate: c.end_date }, today());
      return {
        classId: c.id,
        className: c.name,
        slot,
        slotLabel: slotLabel(slot, info.sessions),
        path: `/checkin?t=${token}`,
        token,
        shortCode: shortCode(secret, parts),
        rotationSeconds: rotation,
        expiresAt: windowEndsAt(w, rotation),
        serverTime: t,
        checkedIn: await repo.countAttendance(c.id, slot),
        total: c.enrolled,
        open: open.open,
        ruleId: info.ops.checkinRotationSeconds.ruleId,
      };
    },

    /**
     * A teacher checks in with the token of a scanned QR code, or with the 6-digit short code. The token must
     * be of the current window or the grace window(s) before it, of a class the teacher is enrolled in, while
     * check-in is open. A second check-in changes nothing and says when the first was.
     */
    async checkin(actor: Actor, req: CheckinRequest): Promise<CheckinResult> {
      const teacherId = actor.teacherId;
      if (!teacherId) {
        throw refuse('not_teacher', '只有参训教师本人可以签到，请用教师账号登录', CHECKIN_RULE_ENROLLED);
      }
      const t = now().getTime();
      const secret = await checkinKey();
      if (req.t) {
        const parts = readToken(secret, req.t);
        const info = parts ? await classInfo(parts.classId) : undefined;
        if (!parts || !info) {
          throw refuse('invalid', '签到码无效，请扫描现场屏幕上的二维码', CHECKIN_RULE_EXPIRED);
        }
        const rotation = info.ops.checkinRotationSeconds.value;
        const grace = info.ops.checkinGraceWindows.value;
        if (!windowAccepted(parts.window, checkinWindow(t, rotation), grace)) {
          throw refuse(
            'expired',
            `签到码已过期：现场二维码每 ${rotation} 秒更换，请扫描屏幕上最新的二维码（${CHECKIN_RULE_EXPIRED}）`,
            CHECKIN_RULE_EXPIRED,
            { rotationSeconds: rotation, graceWindows: grace },
          );
        }
        return checkinAt(teacherId, info, parts.slot, 'qr');
      }
      const code = req.code ?? '';
      // counted as a wrong code before the code is judged (concurrent guesses cannot slip past), given back if right
      const codeKey = throttleKey(CODE_THROTTLE, [teacherId]);
      const attempt = await throttle.attempt([codeKey], new Date(t));
      if (attempt.refusedUntil) {
        const ms = attempt.refusedUntil.getTime() - t;
        throw new AppError(
          'RATE_LIMITED',
          `数字码输错次数过多，请 ${Math.ceil(ms / 60_000)} 分钟后再试，或扫描现场二维码（${CODE_RULE}）`,
          { reason: 'expired', ruleId: CODE_RULE, retryAfterMs: ms, retryAfterSeconds: Math.ceil(ms / 1000) },
        );
      }
      const classIds = await repo.classesOfTeacher(teacherId);
      if (classIds.length === 0) {
        throw refuse(
          'not_enrolled',
          `您没有编入任何培训班，不能签到（${CHECKIN_RULE_ENROLLED}）`,
          CHECKIN_RULE_ENROLLED,
        );
      }
      const day = today();
      for (const cid of classIds) {
        const info = await classInfo(cid);
        if (!info) continue;
        const rotation = info.ops.checkinRotationSeconds.value;
        const w = checkinWindow(t, rotation);
        const slots = [
          'register',
          'arrive',
          ...info.sessions.filter((s) => s.session_date === day).map((s) => `s${s.id}`),
        ];
        for (const slot of slots) {
          for (let back = 0; back <= info.ops.checkinGraceWindows.value; back++) {
            if (shortCode(secret, { classId: cid, slot, window: w - back }) === code) {
              await throttle.succeed(attempt, [codeKey]);
              return checkinAt(teacherId, info, slot, 'code');
            }
          }
        }
      }
      throw refuse(
        'expired',
        `数字码不正确或已过期：数字码随二维码定时更换，请输入屏幕上当前显示的 6 位数字（${CHECKIN_RULE_EXPIRED}）`,
        CHECKIN_RULE_EXPIRED,
      );
    },

    /** Live "checked in / not yet" board of a slot. */
    async live(actor: Actor, id: string, slot: string): Promise<LiveBoard> {
      const c = await loadClass(actor, id);
      const info = await classInfo(c.id);
      if (!info) throw notFound('培训班');
      const session = requireSlot(slot, info);
      const keep = traineeFilter(actor, c);
      const [rows, att, leave] = await Promise.all([
        repo.enrolments(c.id),
        repo.attendance(c.id, [slot]),
        session ? repo.approvedLeave(c.id, session.id) : Promise.resolve([]),
      ]);
      const mine = rows.filter((r) => keep(r.org_path));
      const names = new Map(mine.map((r) => [r.teacher_id, r]));
      const done = new Map(
        att.filter((a) => names.has(a.teacher_id)).map((a) => [a.teacher_id, a.checked_at]),
      );
      const onLeave = new Set(leave.map((l) => l.teacher_id).filter((t) => names.has(t) && !done.has(t)));
      const recent = [...done.entries()]
        .sort((a, b) => b[1].getTime() - a[1].getTime())
        .slice(0, 20)
        .map(([tid, at]) => ({
          teacherId: tid,
          teacherName: names.get(tid)?.teacher_name ?? '',
          checkedAt: at.toISOString(),
        }));
      return {
        classId: c.id,
        slot,
        slotLabel: slotLabel(slot, info.sessions),
        total: mine.length,
        checkedIn: done.size,
        onLeave: onLeave.size,
        notYet: mine
          .filter((r) => !done.has(r.teacher_id) && !onLeave.has(r.teacher_id))
          .map((r) => ({ teacherId: r.teacher_id, teacherName: r.teacher_name, schoolName: r.school_name })),
        recent,
      };
    },

    /** Staff mark a teacher present (a phone that cannot check in); audited. */
    async markAttendance(actor: Actor, id: string, req: ManualAttendanceRequest): Promise<CheckinResult> {
      const c = await loadClass(actor, id);
      if (!(canManage(actor, c) || can(actor, 'attendance.write', c.provider_path))) {
        throw forbidden('只有承训机构可以补登签到');
      }
      const info = await classInfo(c.id);
      if (!info) throw notFound('培训班');
      requireSlot(req.slot, info);
      const label = slotLabel(req.slot, info.sessions);
      const written = await repo.checkin(c.id, req.teacherId, req.slot, 'staff', actor.accountId);
      if (!written) {
        const earlier = await repo.attendanceAt(c.id, req.teacherId, req.slot);
        if (!earlier) throw notFound('本班学员');
        return {
          status: 'already',
          classId: c.id,
          className: c.name,
          slot: req.slot,
          slotLabel: label,
          checkedAt: earlier.toISOString(),
          message: `已签到（${TIME.format(earlier)}）`,
        };
      }
      await audit.record(actor, {
        action: 'attendance.mark',
        entity: 'class',
        entityId: c.id,
        details: { teacherId: req.teacherId, slot: req.slot },
      });
      return {
        status: 'checked_in',
        classId: c.id,
        className: c.name,
        slot: req.slot,
        slotLabel: label,
        checkedAt: written.toISOString(),
        message: `${label}已补登（${TIME.format(written)}）`,
      };
    },

    /** The teacher's own classes, for the phone page. */
    async myClasses(actor: Actor): Promise<MyClass[]> {
      if (!actor.teacherId) return [];
      const ids = await repo.classesOfTeacher(actor.teacherId);
      const out: MyClass[] = [];
      for (const cid of ids) {
        const c = await repo.findClass(cid);
        if (!c) continue;
        const [reg, arr] = await Promise.all([
          repo.attendanceAt(cid, actor.teacherId, 'register'),
          repo.attendanceAt(cid, actor.teacherId, 'arrive'),
        ]);
        out.push({
          classId: c.id,
          className: c.name,
          programmeTitle: c.programme_title,
          startDate: c.start_date,
          endDate: c.end_date,
          venue: c.venue,
          registeredAt: reg?.toISOString() ?? null,
          arrivedAt: arr?.toISOString() ?? null,
        });
      }
      return out;
    },

    // --------------------------------------------------------------------------------------------- leave

    async requestLeave(actor: Actor, id: string, req: LeaveRequestBody): Promise<Leave> {
      requirePermission(actor, 'leave.request');
      const teacherId = actor.teacherId;
      const e = teacherId && isId(id) ? await repo.enrolmentOf(id, teacherId) : undefined;
      if (!teacherId || !e) throw notFound('培训班');
      const s = await repo.findSession(req.sessionId);
      if (!s || s.class_id !== id) throw notFound('课次');
      const day = today();
      if (s.session_date < day) {
        throw new AppError('VALIDATION_FAILED', `课次 ${s.session_date} 已过，不能再请假（今天 ${day}）`, {
          ruleId: 'Y-004-LEAVE',
        });
      }
      const leaveId = await db.transaction().execute(async (trx) => {
        const l = await repo.insertLeave(
          { countyId: e.county_id, classId: id, sessionId: s.id, teacherId, reason: req.reason },
          trx,
        );
        if (!l) throw new AppError('CONFLICT', '该课次已有待审批或已批准的请假');
        await audit.record(
          actor,
          {
            action: 'leave.request',
            entity: 'leave_request',
            entityId: l,
            details: { classId: id, sessionId: s.id },
          },
          trx,
        );
        return l;
      });
      const [row] = await repo.listLeave({ classId: id, id: leaveId });
      if (!row) throw new AppError('INTERNAL', '请假记录写入后未找到');
      return toLeave(row);
    },

    async listLeave(actor: Actor, id: string): Promise<Leave[]> {
      if (actor.teacherId && isId(id)) {
        const e = await repo.enrolmentOf(id, actor.teacherId);
        if (e && scopeOf(actor, 'class.read').length === 0) {
          return (await repo.listLeave({ classId: id, teacherId: actor.teacherId })).map(toLeave);
        }
      }
      const c = await loadClass(actor, id);
      const keep = traineeFilter(actor, c);
      return (await repo.listLeave({ classId: c.id })).filter((l) => keep(l.org_path)).map(toLeave);
    },

    async decideLeave(actor: Actor, id: string, leaveId: string, req: LeaveDecision): Promise<Leave> {
      const c = await loadClass(actor, id);
      if (!(canManage(actor, c) || can(actor, 'leave.decide', c.provider_path))) {
        throw forbidden('只有承训机构或项目主管部门可以审批请假');
      }
      const [row] = isId(leaveId) ? await repo.listLeave({ classId: c.id, id: leaveId }) : [];
      if (!row) throw notFound('请假记录');
      const status = req.approve ? 'approved' : 'refused';
      await db.transaction().execute(async (trx) => {
        const ok = await repo.decideLeave(
          row.county_id,
          row.id,
          { status, by: actor.accountId, note: req.note ?? '' },
          trx,
        );
        if (!ok) throw new AppError('CONFLICT', '该请假已审批，不能重复审批');
        await audit.record(
          actor,
          {
            action: 'leave.decide',
            entity: 'leave_request',
            entityId: row.id,
            details: { status, note: req.note ?? '' },
          },
          trx,
        );
      });
      const [after] = await repo.listLeave({ classId: c.id, id: row.id });
      if (!after) throw new AppError('INTERNAL', '请假记录未找到');
      return toLeave(after);
    },
  };
}

export type ClassesService = ReturnType<typeof createClassesService>;
