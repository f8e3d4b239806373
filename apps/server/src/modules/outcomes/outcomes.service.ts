import type {
  Certificate,
  ClassCompletion,
  CompletionCheckOut,
  CompletionRow,
  CompletionRunResult,
  FileMeta,
  HoursEntry,
  MyTraining,
  MyTrainingItem,
  OutcomeQueueQuery,
  OutcomeRequirementOut,
  OutcomeSubmission,
  RecordNotCompletedRequest,
  ReverseHoursRequest,
  ReviewOutcomeRequest,
  TeacherHours,
} from '@yanxun/contracts';
import {
  allRequirements,
  COMPLETION_RULE_INTEGRITY,
  COMPLETION_RULE_RUN,
  type CompletionRules,
  certificateNumber,
  completionRulesOf,
  evaluateCompletion,
  formatHours,
  OUTCOME_RULE_ENROLLED,
  type OutcomeRequirement,
  type OutcomeRequirementSet,
  type OutcomeStatus,
  outcomeWindow,
  type PolicyPack,
  programmeHoursTenths,
  requiredOutcomes,
  todayInShanghai,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { renderPdf } from '../../shared/pdf';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import type { AuditService } from '../audit';
import { attendanceSummary, type ClassRow, classById, classesOfTeacher } from '../classes';
import type { FileKind, FilesService, Upload } from '../files';
import type { PeopleService } from '../people';
import type { ProgrammeRef, ProgramsService } from '../programs';
import type {
  CertificateRow,
  HoursRow,
  OutcomesRepository,
  ResultRow,
  SubmissionRow,
} from './outcomes.repository';

interface Context {
  c: ClassRow;
  programme: ProgrammeRef;
  pack: PolicyPack;
  rules: CompletionRules;
  sets: OutcomeRequirementSet[];
  requirements: OutcomeRequirement[];
}

function toCheck(x: unknown): CompletionCheckOut[] {
  return Array.isArray(x) ? (x as CompletionCheckOut[]) : [];
}

function toCertificate(r: CertificateRow | undefined): Certificate | null {
  return r
    ? { certificateNo: r.certificate_no, issuedAt: r.issued_at.toISOString(), revoked: !!r.revoked_at }
    : null;
}

function toHours(r: HoursRow): HoursEntry {
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    classId: r.class_id,
    hoursTenths: r.hours_tenths,
    source: r.source,
    ruleId: r.rule_id,
    postedAt: r.posted_at.toISOString(),
    reversedAt: r.reversed_at?.toISOString() ?? null,
    reverseReason: r.reverse_reason,
  };
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/**
 * Outcomes and completion: trainees hand in the outcomes their track owes (seed 004 annex)
 * before the due date; trainers and provider staff of the class review them with a score or return them;
 * a completion run evaluates every enrolled teacher (attendance from the classes module, accepted outcomes),
 * numbers certificates per programme without gaps and posts 学时 once per teacher and programme.
 */
export function createOutcomesService(deps: {
  db: Database;
  repo: OutcomesRepository;
  programs: Pick<ProgramsService, 'programmeWithPack' | 'createIntegrity'>;
  files: Pick<FilesService, 'storeAnyOf' | 'metaOf' | 'meta' | 'content'>;
  people: Pick<PeopleService, 'detail'>;
  audit: AuditService;
  /** Outcome upload kinds allowed by the configuration (OUTCOME_FILE_TYPES). */
  fileTypes: FileKind[];
  clock?: () => Date;
}) {
  const { db, repo, programs, files, people, audit } = deps;
  const now = deps.clock ?? (() => new Date());
  const today = () => todayInShanghai(now());

  async function contextOf(c: ClassRow): Promise<Context> {
    const pp = await programs.programmeWithPack(c.programme_id);
    if (!pp) throw new AppError('INTERNAL', `项目 ${c.programme_id} 不存在`);
    const sets = requiredOutcomes(pp.pack, pp.programme.projectTypeCode, pp.programme.trackCode);
    return {
      c,
      programme: pp.programme,
      pack: pp.pack,
      rules: completionRulesOf(pp.pack),
      sets,
      requirements: allRequirements(sets),
    };
  }

  function ruleOf(ctx: Context, key: string): string {
    return ctx.sets.find((s) => s.items.some((i) => i.requirements.some((r) => r.key === key)))?.ruleId ?? '';
  }

  function accepts(r: OutcomeRequirement): OutcomeRequirementOut['accepts'] {
    const kinds: FileKind[] = r.video ? ['pdf', 'docx', 'mp4'] : ['pdf', 'docx'];
    const out: OutcomeRequirementOut['accepts'] = kinds.filter((k) => deps.fileTypes.includes(k));
    if (r.video) out.push('link');
    return out;
  }

  function toRequirement(ctx: Context, r: OutcomeRequirement): OutcomeRequirementOut {
    return { ...r, accepts: accepts(r), ruleId: ruleOf(ctx, r.key) };
  }

  function toSubmission(ctx: Context, s: SubmissionRow, fileMeta: Map<string, FileMeta>): OutcomeSubmission {
    return {
      id: s.id,
      classId: s.class_id,
      className: s.class_name,
      programmeId: s.programme_id,
      teacherId: s.teacher_id,
      teacherName: s.teacher_name,
      schoolName: s.school_name,
      requirement: s.requirement,
      label: ctx.requirements.find((r) => r.key === s.requirement)?.label ?? s.requirement,
      version: s.version,
      file: s.file_id ? (fileMeta.get(s.file_id) ?? null) : null,
      link: s.link,
      note: s.note,
      status: s.status as OutcomeSubmission['status'],
      score: s.score,
      reviewComment: s.review_comment,
      submittedAt: s.submitted_at.toISOString(),
      reviewedAt: s.reviewed_at?.toISOString() ?? null,
    };
  }

  async function submissionsOut(ctx: Context, rows: SubmissionRow[]): Promise<OutcomeSubmission[]> {
    const meta = await files.metaOf(rows.flatMap((r) => (r.file_id ? [r.file_id] : [])));
    return rows.map((r) => toSubmission(ctx, r, meta));
  }

  // ------------------------------------------------------------------------------------------ visibility

  function canReview(actor: Actor, c: ClassRow): boolean {
    return can(actor, 'outcome.review', c.provider_path) || can(actor, 'program.manage', c.owner_path);
  }

  function canRun(actor: Actor, c: ClassRow): boolean {
    return can(actor, 'completion.run', c.provider_path) || can(actor, 'program.manage', c.owner_path);
  }

  /** Every teacher of the class, or only those under the actor's bureau scope (a county sees its own), or none. */
  function rowFilter(actor: Actor, c: ClassRow): ((orgPath: string) => boolean) | undefined {
    if (canReview(actor, c) || canRun(actor, c) || can(actor, 'program.read', c.owner_path))
      return () => true;
    const roots = scopeOf(actor, 'program.read').filter((r) => r.startsWith(c.owner_path));
    return roots.length > 0 ? (p) => roots.some((r) => p.startsWith(r)) : undefined;
  }

  async function loadClass(id: string): Promise<ClassRow> {
    const c = isId(id) ? await classById(db, id) : undefined;
    if (!c) throw notFound('培训班');
    return c;
  }

  /** The teacher's own enrolment in the class: refused naming R-004-16 when there is none. */
  async function ownEnrolment(actor: Actor, classId: string) {
    const teacherId = actor.teacherId;
    if (!teacherId) throw forbidden('只有参训教师本人可以提交成果，请用教师账号登录');
    requirePermission(actor, 'outcome.submit');
    const c = await loadClass(classId);
    const [att] = (await attendanceSummary(db, c.id, teacherId)).rows;
    if (!att) {
      throw new AppError(
        'FORBIDDEN',
        `您不是"${c.name}"的学员，不能提交该班的成果（${OUTCOME_RULE_ENROLLED}）`,
        { ruleId: OUTCOME_RULE_ENROLLED, classId: c.id },
      );
    }
    return { c, teacherId, enrolment: att };
  }

  // ----------------------------------------------------------------------------------------- completion

  async function completionRows(ctx: Context, keep: (p: string) => boolean): Promise<CompletionRow[]> {
    const [summary, results, certs] = await Promise.all([
      attendanceSummary(db, ctx.c.id),
      repo.resultsOfClass(ctx.c.id),
      repo.certificatesOfClass(ctx.c.id),
    ]);
    const byTeacher = new Map(results.map((r) => [r.teacher_id, r]));
    const certOf = new Map(certs.map((r) => [r.teacher_id, r]));
    const rows = summary.rows.filter((r) => keep(r.orgPath));
    const recorded = await repo.notCompletedRecorded(
      ctx.c.programme_id,
      rows.map((r) => r.teacherId),
    );
    return rows.flatMap((r) => {
      const res = byTeacher.get(r.teacherId);
      return res ? [toRow(r, res, certOf.get(r.teacherId), recorded.has(r.teacherId))] : [];
    });
  }

  function toRow(
    t: { teacherId: string; teacherName: string; schoolName: string },
    res: ResultRow,
    cert: CertificateRow | undefined,
    integrityRecorded: boolean,
  ): CompletionRow {
    return {
      teacherId: t.teacherId,
      teacherName: t.teacherName,
      schoolName: t.schoolName,
      completed: res.completed,
      attendancePct: Number(res.attendance_pct),
      checks: toCheck(res.checks),
      hoursTenths: res.hours_tenths,
      certificate: toCertificate(cert),
      evaluatedAt: res.evaluated_at.toISOString(),
      integrityRecorded,
    };
  }

  async function classCompletion(actor: Actor, ctx: Context): Promise<ClassCompletion> {
    const keep = rowFilter(actor, ctx.c);
    if (!keep) throw notFound('培训班');
    return {
      classId: ctx.c.id,
      className: ctx.c.name,
      programmeId: ctx.c.programme_id,
      programmeTitle: ctx.c.programme_title,
      endDate: ctx.c.end_date,
      canRun: canRun(actor, ctx.c) && today() >= ctx.c.end_date,
      canRecordIntegrity: scopeOf(actor, 'integrity.manage').length > 0,
      runOpensOn: ctx.c.end_date,
      fullHoursTenths: programmeHoursTenths(ctx.pack, ctx.programme.projectTypeCode, ctx.programme.trackCode),
      rows: await completionRows(ctx, keep),
    };
  }

  async function hoursOf(teacherId: string, canReverse: boolean): Promise<TeacherHours> {
    const rows = await repo.hoursOfTeacher(teacherId);
    return {
      teacherId,
      totalTenths: rows.filter((r) => !r.reversed_at).reduce((s, r) => s + r.hours_tenths, 0),
      entries: rows.map(toHours),
      canReverse,
    };
  }

  /** What a certificate says; only for a current completer, for themselves or staff who see their result. */
  async function certificateData(actor: Actor, classId: string, teacherId: string) {
    const c = await loadClass(classId);
    if (teacherId !== actor.teacherId) {
      const keep = rowFilter(actor, c);
      const att = keep && (await attendanceSummary(db, c.id, teacherId)).rows[0];
      if (!keep || !att || !keep(att.orgPath)) throw notFound('结业证书');
    }
    const [summary, certs, res] = await Promise.all([
      attendanceSummary(db, c.id, teacherId),
      repo.certificatesOfProgramme(c.programme_id, [teacherId]),
      repo.resultOf(c.id, teacherId),
    ]);
    const t = summary.rows[0];
    const cert = certs[0];
    if (!t || !cert || cert.revoked_at || cert.class_id !== c.id || !res?.completed)
      throw notFound('结业证书');
    return {
      no: cert.certificate_no,
      teacherName: t.teacherName,
      schoolName: t.schoolName,
      programmeTitle: c.programme_title,
      body: `同志于 ${c.start_date} 至 ${c.end_date} 参加“${c.programme_title}”${c.name}，完成规定的培训学习和成果任务，经考核合格，准予结业，计 ${formatHours(res.hours_tenths)} 学时。`,
      issuer: c.provider_name,
      issuedOn: todayInShanghai(cert.issued_at),
    };
  }

  return {
    // ------------------------------------------------------------------------------------- teacher side

    /** "我的培训": the logged-in teacher's classes with attendance, outcomes, completion, certificate, hours. */
    async myTraining(actor: Actor): Promise<MyTraining> {
      const teacherId = actor.teacherId;
      if (!teacherId) return { teacherId: null, items: [], hours: null };
      const day = today();
      const items: MyTrainingItem[] = [];
      for (const cid of await classesOfTeacher(db, teacherId)) {
        const c = await classById(db, cid);
        if (!c) continue;
        const ctx = await contextOf(c);
        const [summary, subs, result, certs] = await Promise.all([
          attendanceSummary(db, c.id, teacherId),
          repo.submissionsOf(c.id, teacherId),
          repo.resultOf(c.id, teacherId),
          repo.certificatesOfProgramme(c.programme_id, [teacherId]),
        ]);
        const att = summary.rows[0];
        const out = await submissionsOut(ctx, subs);
        items.push({
          programmeId: c.programme_id,
          programmeTitle: c.programme_title,
          classId: c.id,
          className: c.name,
          startDate: c.start_date,
          endDate: c.end_date,
          venue: c.venue,
          attendance: {
            sessions: summary.sessions,
            attended: att?.attended ?? 0,
            approvedLeave: att?.approvedLeave ?? 0,
          },
          outcomeWindow: outcomeWindow(ctx.rules, { startDate: c.start_date, endDate: c.end_date }, day),
          outcomeSets: ctx.sets.map((s) => ({
            ruleId: s.ruleId,
            mode: s.mode,
            ...(s.note ? { note: s.note } : {}),
          })),
          requirements: ctx.requirements.map((r) => {
            const versions = out.filter((s) => s.requirement === r.key);
            return { ...toRequirement(ctx, r), current: versions.at(-1) ?? null, versions };
          }),
          completion: result && att ? toRow(att, result, certs[0], false) : null,
        });
      }
      return { teacherId, items, hours: await hoursOf(teacherId, false) };
    },

    /** Refuse before an upload is read: not a trainee of the class (R-004-16). */
    async assertCanSubmit(actor: Actor, classId: string): Promise<void> {
      await ownEnrolment(actor, classId);
    },

    /**
     * Hand in one requirement (a file of an allowed kind, or a link for a video requirement) as a new version.
     * Refused past the due date (Y-004-OUTCOME-DUE), for a teacher not in the class (R-004-16), for an unknown
     * requirement, and once the requirement has been accepted.
     */
    async submit(
      actor: Actor,
      classId: string,
      requirementKey: string,
      input: { upload?: Upload; link?: string; note?: string },
    ): Promise<OutcomeSubmission> {
      const { c, teacherId, enrolment } = await ownEnrolment(actor, classId);
      const ctx = await contextOf(c);
      const req = ctx.requirements.find((r) => r.key === requirementKey);
      if (!req) {
        throw new AppError('NOT_FOUND', `"${requirementKey}"不是本项目要求提交的成果`, {
          requirements: ctx.requirements.map((r) => r.key),
        });
      }
      const day = today();
      const w = outcomeWindow(ctx.rules, { startDate: c.start_date, endDate: c.end_date }, day);
      if (!w.open) {
        const msg =
          day < w.opensOn
            ? `成果提交自开班日 ${w.opensOn} 起开放，今天（${day}）还不能提交（${w.ruleId}）`
            : `成果提交截止日期为 ${w.dueDate}（结业后 ${ctx.rules.outcomeDueDaysAfterEnd.value} 天），今天（${day}）已过期，不能提交（${w.ruleId}）`;
        throw new AppError('VALIDATION_FAILED', msg, {
          ruleId: w.ruleId,
          dueDate: w.dueDate,
          opensOn: w.opensOn,
          today: day,
        });
      }
      const kinds = accepts(req);
      if (input.link !== undefined && !kinds.includes('link')) {
        throw new AppError(
          'VALIDATION_FAILED',
          `"${req.label}"须上传文件，只有课堂实录、示范课可以填写视频链接（${ctx.rules.videoOutcomes.ruleId}）`,
          { ruleId: ctx.rules.videoOutcomes.ruleId, field: 'link' },
        );
      }
      const id = await db.transaction().execute(async (trx) => {
        await repo.lockEnrolment(enrolment.countyId, c.id, teacherId, trx);
        const earlier = (await repo.submissionsOf(c.id, teacherId, trx)).filter(
          (s) => s.requirement === req.key,
        );
        const last = earlier.at(-1);
        if (last?.status === 'accepted') {
          throw new AppError('CONFLICT', `"${req.label}"已评审通过（${last.score} 分），不能再提交新版本`);
        }
        let fileId: string | null = null;
        if (input.upload) {
          const meta = await files.storeAnyOf(
            actor,
            {
              id: enrolment.orgPath.split('/').filter(Boolean).at(-1) ?? c.provider_org_id,
              path: enrolment.orgPath,
            },
            'outcome',
            kinds.filter((k): k is FileKind => k !== 'link'),
            input.upload,
            { trx, ruleId: ctx.rules.videoOutcomes.ruleId },
          );
          fileId = meta.id;
        } else if (!input.link) {
          throw new AppError('VALIDATION_FAILED', '请上传文件或填写视频链接', { field: 'file' });
        }
        const sid = await repo.insertSubmission(
          {
            countyId: enrolment.countyId,
            classId: c.id,
            programmeId: c.programme_id,
            teacherId,
            orgPath: enrolment.orgPath,
            requirement: req.key,
            fileId,
            link: fileId ? null : (input.link ?? null),
            note: input.note ?? '',
            submittedBy: actor.accountId,
          },
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'outcome.submit',
            entity: 'outcome_submission',
            entityId: sid,
            details: { classId: c.id, requirement: req.key, version: (last?.version ?? 0) + 1 },
          },
          trx,
        );
        return sid;
      });
      const row = await repo.findSubmission(id);
      if (!row) throw new AppError('INTERNAL', '成果写入后未找到');
      return (await submissionsOut(ctx, [row]))[0] as OutcomeSubmission;
    },

    /** The bytes of an outcome file: the teacher's own, or for reviewers and bureaus who see the class. */
    async file(actor: Actor, submissionId: string): Promise<{ name: string; mime: string; content: Buffer }> {
      const s = isId(submissionId) ? await repo.findSubmission(submissionId) : undefined;
      if (!s?.file_id) throw notFound('成果文件');
      if (s.teacher_id !== actor.teacherId) {
        const c = await loadClass(s.class_id);
        const keep = rowFilter(actor, c);
        if (!keep?.(s.org_path)) throw notFound('成果文件');
      }
      const [meta, content] = await Promise.all([files.meta(s.file_id), files.content(s.file_id)]);
      if (!meta || !content) throw notFound('成果文件');
      return { name: meta.name, mime: meta.mime, content };
    },

    // ------------------------------------------------------------------------------------ review side

    /** Latest version of every outcome of a class (optionally of one status), for its reviewers and bureaus. */
    async queue(actor: Actor, query: OutcomeQueueQuery): Promise<OutcomeSubmission[]> {
      requirePermission(actor, 'class.read');
      const c = await loadClass(query.classId);
      const keep = rowFilter(actor, c);
      if (!keep) throw notFound('培训班');
      const ctx = await contextOf(c);
      const rows = (await repo.latestOfClass(c.id)).filter(
        (r) => keep(r.org_path) && (!query.status || r.status === query.status),
      );
      return submissionsOut(ctx, rows);
    },

    /** Accept with a score (0–100) or return with a comment; only the latest version, only while it waits. */
    async review(actor: Actor, submissionId: string, req: ReviewOutcomeRequest): Promise<OutcomeSubmission> {
      const s = isId(submissionId) ? await repo.findSubmission(submissionId) : undefined;
      if (!s) throw notFound('成果');
      const c = await loadClass(s.class_id);
      // the submission of a trainee the actor does not see reads as not found, like an unknown id
      if (!rowFilter(actor, c)?.(s.org_path)) throw notFound('成果');
      if (!canReview(actor, c)) throw forbidden('只有该班的培训者、承训机构或项目主管部门可以评审成果');
      const ctx = await contextOf(c);
      const status = req.action === 'accept' ? 'accepted' : 'returned';
      await db.transaction().execute(async (trx) => {
        const latest = (await repo.submissionsOf(c.id, s.teacher_id, trx))
          .filter((x) => x.requirement === s.requirement)
          .at(-1);
        if (latest?.id !== s.id) throw new AppError('CONFLICT', '该成果已有更新的版本，请评审最新版本');
        const ok = await repo.review(
          s.county_id,
          s.id,
          {
            status,
            score: req.action === 'accept' ? req.score : null,
            comment: req.comment ?? null,
            by: actor.accountId,
          },
          trx,
        );
        if (!ok) throw new AppError('CONFLICT', '该成果已评审，不能重复评审');
        await audit.record(
          actor,
          {
            action: `outcome.${req.action}`,
            entity: 'outcome_submission',
            entityId: s.id,
            details: { score: req.action === 'accept' ? req.score : null, comment: req.comment ?? null },
          },
          trx,
        );
      });
      const row = await repo.findSubmission(s.id);
      if (!row) throw new AppError('INTERNAL', '成果未找到');
      return (await submissionsOut(ctx, [row]))[0] as OutcomeSubmission;
    },

    // -------------------------------------------------------------------------------------- completion

    async completion(actor: Actor, classId: string): Promise<ClassCompletion> {
      requirePermission(actor, 'class.read');
      return classCompletion(actor, await contextOf(await loadClass(classId)));
    },

    /**
     * Evaluate every enrolled teacher of the class and write, in one transaction holding the programme's
     * certificate counter: the results, certificates for new completers (numbered on from the programme's
     * last number; a revoked one is restored with its number), revocation for those no longer completing,
     * and 学时 (once per teacher and programme; a posting made by completion is reversed when a re-run finds
     * the teacher not completed). Re-running changes nothing when nothing changed.
     */
    async run(actor: Actor, classId: string): Promise<CompletionRunResult> {
      const c = await loadClass(classId);
      if (!rowFilter(actor, c)) throw notFound('培训班');
      if (!canRun(actor, c)) throw forbidden('只有承训机构或项目主管部门可以评定结业');
      const day = today();
      if (day < c.end_date) {
        throw new AppError(
          'VALIDATION_FAILED',
          `结业评定自结业日期 ${c.end_date} 起进行，今天（${day}）还不能评定（${COMPLETION_RULE_RUN}）`,
          { ruleId: COMPLETION_RULE_RUN, endDate: c.end_date, today: day },
        );
      }
      const ctx = await contextOf(c);
      const summary = await attendanceSummary(db, c.id);
      const latest = await repo.latestOfClass(c.id);
      const evaluated = summary.rows.map((t) => {
        const outcomes: Record<string, { status: OutcomeStatus; score: number | null }> = {};
        for (const s of latest) {
          if (s.teacher_id === t.teacherId) {
            outcomes[s.requirement] = { status: s.status as OutcomeStatus, score: s.score };
          }
        }
        const r = evaluateCompletion(
          { sessions: summary.sessions, attended: t.attended, approvedLeave: t.approvedLeave, outcomes },
          ctx.pack,
          ctx.programme.projectTypeCode,
          ctx.programme.trackCode,
        );
        return { t, r };
      });
      const digits = ctx.rules.certificateSeqDigits.value;
      const stats = await db.transaction().execute(async (trx) => {
        let last = await repo.lockCounter(c.programme_id, trx);
        await repo.upsertResults(
          evaluated.map(({ t, r }) => ({
            countyId: t.countyId,
            classId: c.id,
            teacherId: t.teacherId,
            programmeId: c.programme_id,
            orgPath: t.orgPath,
            completed: r.completed,
            attendancePct: r.attendancePct,
            checks: r.checks,
            hoursTenths: r.hoursTenths,
            evaluatedBy: actor.accountId,
          })),
          trx,
        );
        const ids = evaluated.map((e) => e.t.teacherId);
        const certs = new Map(
          (await repo.certificatesOfProgramme(c.programme_id, ids, trx)).map((x) => [x.teacher_id, x]),
        );
        const fresh = evaluated
          .filter((e) => e.r.completed && !certs.has(e.t.teacherId))
          .sort(
            (a, b) => a.t.orgPath.localeCompare(b.t.orgPath) || Number(a.t.teacherId) - Number(b.t.teacherId),
          );
        const newCerts = fresh.map((e) => {
          last += 1;
          return {
            programmeId: c.programme_id,
            seq: last,
            no: certificateNumber(ctx.programme.year, c.programme_id, last, digits),
            countyId: e.t.countyId,
            teacherId: e.t.teacherId,
            classId: c.id,
          };
        });
        await repo.insertCertificates(newCerts, trx);
        if (newCerts.length > 0) await repo.setCounter(c.programme_id, last, trx);
        await repo.setRevoked(
          c.programme_id,
          evaluated.filter((e) => !e.r.completed).map((e) => e.t.teacherId),
          true,
          trx,
        );
        await repo.setRevoked(
          c.programme_id,
          evaluated.filter((e) => e.r.completed).map((e) => e.t.teacherId),
          false,
          trx,
        );
        const posted = await repo.postHours(
          evaluated
            .filter((e) => e.r.hoursTenths > 0)
            .map((e) => ({
              countyId: e.t.countyId,
              teacherId: e.t.teacherId,
              programmeId: c.programme_id,
              classId: c.id,
              orgPath: e.t.orgPath,
              hoursTenths: e.r.hoursTenths,
              ruleId: e.r.hoursRuleId,
              postedBy: actor.accountId,
            })),
          trx,
        );
        const existing = await repo.hoursOfProgramme(c.programme_id, ids, trx);
        const noHours = new Set(evaluated.filter((e) => e.r.hoursTenths === 0).map((e) => e.t.teacherId));
        for (const h of existing) {
          if (noHours.has(h.teacher_id) && !h.reversed_at && h.source === 'completion') {
            await repo.reverseHours(
              h.county_id,
              h.id,
              { by: actor.accountId, reason: '重新评定为未结业，学时撤销（Y-004-HOURS）' },
              trx,
            );
          }
        }
        await audit.record(
          actor,
          {
            action: 'completion.run',
            entity: 'class',
            entityId: c.id,
            details: {
              evaluated: evaluated.length,
              completed: evaluated.filter((e) => e.r.completed).length,
              certificatesIssued: newCerts.length,
              hoursPosted: posted,
            },
          },
          trx,
        );
        return { certificatesIssued: newCerts.length, hoursPosted: posted };
      });
      const view = await classCompletion(actor, ctx);
      return {
        ...view,
        evaluated: evaluated.length,
        completed: evaluated.filter((e) => e.r.completed).length,
        ...stats,
      };
    },

    /** The bureau records 未结业 in the integrity archive for a non-completer (R-004-20), through programs. */
    async recordNotCompleted(
      actor: Actor,
      classId: string,
      teacherId: string,
      req: RecordNotCompletedRequest,
    ): Promise<CompletionRow> {
      requirePermission(actor, 'integrity.manage');
      const c = await loadClass(classId);
      const keep = rowFilter(actor, c);
      if (!keep) throw notFound('培训班');
      // a trainee the actor does not see (another county's, in a class above both) reads as not found:
      // nothing about their result may be told before this
      const [trainee] = isId(teacherId) ? (await attendanceSummary(db, c.id, teacherId)).rows : [];
      const visible = trainee && keep(trainee.orgPath) ? trainee : undefined;
      const res = visible ? await repo.resultOf(c.id, teacherId) : undefined;
      if (!res) throw notFound('结业评定结果');
      if (res.completed) {
        throw new AppError(
          'VALIDATION_FAILED',
          `该教师已结业，不能记入未结业诚信档案（${COMPLETION_RULE_INTEGRITY}）`,
          {
            ruleId: COMPLETION_RULE_INTEGRITY,
          },
        );
      }
      const already = await repo.notCompletedRecorded(c.programme_id, [teacherId]);
      if (already.has(teacherId)) throw new AppError('CONFLICT', '该教师本项目的未结业记录已存在');
      const reasons = toCheck(res.checks)
        .filter((x) => !x.passed)
        .map((x) => x.message)
        .join('；');
      await programs.createIntegrity(actor, {
        teacherId,
        kind: 'not_completed',
        recordDate: today(),
        programmeId: c.programme_id,
        evidence: [`${c.programme_title} ${c.name} 未结业：${reasons}`, req.evidence]
          .filter(Boolean)
          .join('\n'),
      });
      const ctx = await contextOf(c);
      const row = (await completionRows(ctx, () => true)).find((r) => r.teacherId === teacherId);
      if (!row) throw notFound('结业评定结果');
      return row;
    },

    /** A printable certificate (HTML) for the teacher or anyone who sees the class's results. */
    async certificate(actor: Actor, classId: string, teacherId: string): Promise<string> {
      const d = await certificateData(actor, classId, teacherId);
      return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>结业证书 ${esc(d.no)}</title>
<style>
@page { size: A4 landscape; margin: 0 }
body { margin: 0; font-family: "Noto Serif SC", "Source Han Serif SC", "SimSun", serif; color: #3a2a12 }
.sheet { box-sizing: border-box; width: 297mm; height: 210mm; padding: 18mm; }
.frame { box-sizing: border-box; height: 100%; border: 3mm double #a8802c; padding: 16mm 22mm; position: relative }
h1 { text-align: center; font-size: 34pt; letter-spacing: 1.2em; margin: 4mm 0 14mm; color: #8a1f11 }
p { font-size: 16pt; line-height: 2.1; text-indent: 2em; margin: 0 }
.no { position: absolute; top: 8mm; right: 12mm; font-size: 11pt }
.foot { position: absolute; right: 22mm; bottom: 16mm; text-align: right; font-size: 14pt; line-height: 1.8 }
@media screen { body { background: #eee } .sheet { margin: 10mm auto; background: #fff; box-shadow: 0 0 6px #999 } }
</style></head><body><div class="sheet"><div class="frame">
<div class="no">证书编号：${esc(d.no)}</div>
<h1>结业证书</h1>
<p><b>${esc(d.teacherName)}</b>（${esc(d.schoolName)}）${esc(d.body)}</p>
<p>特发此证。</p>
<div class="foot">${esc(d.issuer)}<br>${esc(d.issuedOn)}</div>
</div></div></body></html>`;
    },

    /** The same certificate as a PDF (A4 landscape, Noto Sans SC), with its file name. */
    async certificatePdf(
      actor: Actor,
      classId: string,
      teacherId: string,
    ): Promise<{ name: string; content: Buffer }> {
      const d = await certificateData(actor, classId, teacherId);
      const content = await renderPdf({
        pageSize: 'A4',
        pageOrientation: 'landscape',
        pageMargins: [70, 60, 70, 60],
        info: { title: `结业证书 ${d.no}`, subject: d.programmeTitle },
        background: (_page: number, size: { width: number; height: number }) => ({
          canvas: [
            {
              type: 'rect',
              x: 28,
              y: 28,
              w: size.width - 56,
              h: size.height - 56,
              lineWidth: 3,
              lineColor: '#a8802c',
            },
            {
              type: 'rect',
              x: 36,
              y: 36,
              w: size.width - 72,
              h: size.height - 72,
              lineWidth: 1,
              lineColor: '#a8802c',
            },
          ],
        }),
        content: [
          { text: `证书编号：${d.no}`, alignment: 'right', fontSize: 10, color: '#3a2a12' },
          {
            text: '结 业 证 书',
            alignment: 'center',
            fontSize: 36,
            bold: true,
            color: '#8a1f11',
            margin: [0, 24, 0, 36],
          },
          {
            text: [{ text: d.teacherName, bold: true }, `（${d.schoolName}）${d.body}`],
            fontSize: 16,
            lineHeight: 1.8,
            leadingIndent: 32,
            color: '#3a2a12',
          },
          { text: '特发此证。', fontSize: 16, leadingIndent: 32, margin: [0, 8, 0, 0], color: '#3a2a12' },
          {
            text: `${d.issuer}\n${d.issuedOn}`,
            alignment: 'right',
            fontSize: 14,
            lineHeight: 1.6,
            margin: [0, 60, 0, 0],
            color: '#3a2a12',
          },
        ],
      });
      return { name: `结业证书-${d.no}.pdf`, content };
    },

    // ------------------------------------------------------------------------------------------- hours

    /** A teacher's hours record, for staff who may read the teacher (the people module decides who). */
    async teacherHours(actor: Actor, teacherId: string): Promise<TeacherHours> {
      requirePermission(actor, 'hours.read');
      const t = await people.detail(actor, teacherId);
      return hoursOf(t.id, scopeOf(actor, 'hours.reverse').length > 0);
    },

    /** Reverse a posting with a reason (bureaus over the teacher); the row stays, marked reversed. */
    async reverseHours(actor: Actor, id: string, req: ReverseHoursRequest): Promise<TeacherHours> {
      const h = isId(id) ? await repo.findHours(id) : undefined;
      if (!h || !can(actor, 'hours.reverse', h.org_path)) throw notFound('学时记录');
      await db.transaction().execute(async (trx) => {
        const ok = await repo.reverseHours(
          h.county_id,
          h.id,
          { by: actor.accountId, reason: req.reason },
          trx,
        );
        if (!ok) throw new AppError('CONFLICT', '该学时记录已撤销');
        await audit.record(
          actor,
          {
            action: 'hours.reverse',
            entity: 'teacher_hours',
            entityId: h.id,
            details: { teacherId: h.teacher_id, programmeId: h.programme_id, reason: req.reason },
          },
          trx,
        );
      });
      return hoursOf(h.teacher_id, true);
    },
  };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
