/**
 * Parents and the public: what the monitoring office releases of an exam, and the two audiences
 * outside the platform's accounts.
 * - Public: the office publishes an exam's public summary (core `publicSummary`: region aggregates only, no
 *   school, no rank — SZ-12, R-002-58, Y-EXAM-PUBLIC). The summary is frozen at publication; anyone may read it.
 * - Parents: the office releases an exam to parents; a school issues one access code per student (an Excel list
 *   to hand out; stored as an HMAC, never the code); a parent gives the student id and the code and sees that
 *   student's own results as grade bands (core `parentResults`). Wrong codes are throttled per (student, address)
 *   and per address in the database (exams.parent.ts, Y-EXAM-PARENT-CODE); every read is in the audit log.
 */
import { randomBytes } from 'node:crypto';
import type {
  AccessCodeStatus,
  ExamLabels,
  ExamRelease,
  ExamReleaseRequest,
  IssueCodesRequest,
  PublicExamSummary,
} from '@yanxun/contracts';
import { STAGES, SUBJECTS } from '@yanxun/core';
import {
  accessCodeFromBytes,
  EXAM_REPORT_POLICY,
  type ExamKind,
  type ExamReportPolicy,
  formatAccessCode,
  type PublicSummaryBody,
  publicSummary,
} from '@yanxun/core/exams';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { ExcelJS } from '../../shared/exceljs';
import { isId } from '../../shared/ids';
import { once } from '../../shared/once';
import { requirePermission } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import type { AuditService } from '../audit';
import type { ThrottleService } from '../throttle';
import { type ClientInfo, createParentAccess, hashAccessCode, studentSubject } from './exams.parent';
import { createExamReleaseRepository, type ReleaseRow } from './exams.release.repository';
import type { ExamsService } from './exams.service';

const PUBLIC_RULE = 'Y-EXAM-PUBLIC';

function labelsOf(stage: string, subject: string): ExamLabels {
  const st = STAGES.find((c) => c.code === stage);
  const su = SUBJECTS.find((c) => c.code === subject);
  return {
    stage: st?.name ?? stage,
    stageEn: st?.nameEn ?? stage,
    subject: su?.name ?? subject,
    subjectEn: su?.nameEn ?? subject,
  };
}

export type { ClientInfo };

export function createExamReleaseService(deps: {
  db: Database;
  audit: AuditService;
  exams: ExamsService;
  throttle: ThrottleService;
  /**
   * The HMAC key of the access codes; every server of a deployment must share it and it must survive restarts:
   * EXAM_CODE_SECRET, or else a random key generated on first use and kept in the database (app_secrets).
   */
  codeSecret?: Buffer;
  clock?: () => Date;
  policy?: ExamReportPolicy;
}) {
  const { db, audit, exams } = deps;
  const repo = createExamReleaseRepository(db);
  const codeSecret = once(() => repo.secret('exam-code'), deps.codeSecret);
  const now = deps.clock ?? (() => new Date());
  const policy = deps.policy ?? EXAM_REPORT_POLICY;
  const rule = policy.parentAccess;
  const parents = createParentAccess({
    repo,
    audit,
    throttle: deps.throttle,
    codeSecret,
    labelsOf,
    policy,
    now,
  });

  function newCode(): string {
    for (;;) {
      const c = accessCodeFromBytes(randomBytes(rule.codeLength * 2), rule.codeLength);
      if (c) return c;
    }
  }

  async function examForRelease(actor: Actor, id: string) {
    // visibility first (404 outside the actor's scope), then the office's right to release
    await exams.getExam(actor, id);
    const row = await repo.examForRelease(id);
    if (!row) throw notFound('考试');
    requirePermission(actor, 'exam.manage', row.owner_path);
    return row;
  }

  function releaseOf(
    examId: string,
    r: ReleaseRow | undefined,
    dataVersion: number,
    ownerKind: string,
  ): ExamRelease {
    return {
      examId,
      publicAt: r?.public_at ? r.public_at.toISOString() : null,
      publicStale: !!r?.public_at && r.public_version !== dataVersion,
      parentsAt: r?.parents_at ? r.parents_at.toISOString() : null,
      publicBlocked:
        ownerKind === 'school'
          ? `学校组织的考试不向公众发布汇总结果（汇总即单校成绩，${PUBLIC_RULE}）`
          : null,
      summary: (r?.public_summary as PublicSummaryBody | null | undefined) ?? null,
    };
  }

  async function buildPublicSummary(actor: Actor, id: string): Promise<PublicSummaryBody> {
    const report = await exams.report(actor, id);
    if (report.audience !== 'monitoring')
      throw new AppError('FORBIDDEN', '只有监测部门可以发布公众汇总（R-002-58）', {
        permission: 'exam.diagnose',
      });
    const t = report.overall.totals;
    return publicSummary(
      {
        exam: { kind: report.exam.kind as ExamKind, stage: report.exam.stage },
        n: report.overall.n,
        absent: report.overall.absent,
        schools: report.schools.length,
        grades: report.overall.grades,
        gradeCuts: report.policy.gradeCuts,
        minGroupN: report.policy.minGroupN,
        rates: t
          ? {
              scoreRate: t.mean === null ? null : t.mean / report.exam.fullMarks,
              passRate: t.passRate,
              excellentRate: t.excellentRate,
            }
          : undefined,
      },
      policy,
    );
  }

  async function schoolFor(actor: Actor, schoolId: string) {
    requirePermission(actor, 'exam.codes');
    const found = isId(schoolId) ? await repo.findSchool(schoolId) : undefined;
    const school = orgForAction(actor, 'exam.codes', found?.kind === 'school' ? found : undefined, '学校');
    return { ...school, countyId: school.county_id ?? school.id };
  }

  function toPublic(r: Awaited<ReturnType<typeof repo.listPublic>>[number]): PublicExamSummary {
    return {
      examId: r.id,
      name: r.name,
      semester: r.semester,
      stage: r.stage,
      subject: r.subject,
      grade: r.grade,
      kind: r.kind as ExamKind,
      examDate: r.exam_date,
      region: r.region,
      labels: labelsOf(r.stage, r.subject),
      publishedAt: r.public_at.toISOString(),
      summary: r.public_summary as PublicSummaryBody,
    };
  }

  return {
    // ---------- the office ----------

    async releaseStatus(actor: Actor, id: string): Promise<ExamRelease> {
      const ex = await examForRelease(actor, id);
      return releaseOf(ex.id, await repo.findRelease(ex.id), ex.data_version, ex.owner_kind);
    },

    /** Publish or take back the public summary; release to parents or stop it. */
    async setRelease(actor: Actor, id: string, req: ExamReleaseRequest): Promise<ExamRelease> {
      const ex = await examForRelease(actor, id);
      const before = await repo.findRelease(ex.id);
      let summary: PublicSummaryBody | null = null;
      if (req.public) {
        if (ex.owner_kind === 'school')
          throw new AppError(
            'VALIDATION_FAILED',
            `学校组织的考试不向公众发布汇总结果（汇总即单校成绩，${PUBLIC_RULE}）`,
            { field: 'public', ruleId: PUBLIC_RULE },
          );
        summary = await buildPublicSummary(actor, ex.id);
      }
      await db.transaction().execute(async (trx) => {
        if (req.public || before?.public_at)
          await repo.setPublic(ex.id, summary, ex.data_version, actor.accountId, trx);
        if (req.parents !== !!before?.parents_at)
          await repo.setParents(ex.id, req.parents, actor.accountId, trx);
        await audit.record(
          actor,
          {
            action: 'exam.release',
            entity: 'exam',
            entityId: ex.id,
            orgId: ex.owner_org_id,
            details: {
              public: req.public,
              parents: req.parents,
              withheld: summary?.withheld?.reason ?? null,
            },
          },
          trx,
        );
      });
      return releaseOf(ex.id, await repo.findRelease(ex.id), ex.data_version, ex.owner_kind);
    },

    // ---------- the public (no sign-in) ----------

    async listPublic(): Promise<PublicExamSummary[]> {
      return (await repo.listPublic(200)).map(toPublic);
    },

    async getPublic(id: string): Promise<PublicExamSummary> {
      if (!isId(id)) throw notFound('公开结果');
      const [row] = await repo.listPublic(1, id);
      if (!row) throw notFound('公开结果');
      return toPublic(row);
    },

    // ---------- schools: access codes ----------

    async codeStatus(actor: Actor, schoolId: string): Promise<AccessCodeStatus> {
      const school = await schoolFor(actor, schoolId);
      const students = await repo.studentsOfSchool(school.id, school.countyId);
      const byClass = new Map<string, { className: string; students: number; withCode: number }>();
      for (const s of students) {
        let c = byClass.get(s.class_name);
        if (!c) {
          c = { className: s.class_name, students: 0, withCode: 0 };
          byClass.set(s.class_name, c);
        }
        c.students++;
        if (s.has_code) c.withCode++;
      }
      return {
        schoolId: school.id,
        school: school.name,
        students: students.length,
        withCode: students.filter((s) => s.has_code).length,
        classes: [...byClass.values()],
      };
    },

    /**
     * New codes for the school's students (those without one, or `reissue`), returned once as an Excel list to
     * hand out: the codes are not stored, only their HMAC. A new code resets the student's lock.
     */
    async issueCodes(
      actor: Actor,
      schoolId: string,
      req: IssueCodesRequest,
    ): Promise<{ fileName: string; body: Buffer; count: number }> {
      const school = await schoolFor(actor, schoolId);
      const students = await repo.studentsOfSchool(school.id, school.countyId);
      let targets = students;
      if (req.studentIds?.length) {
        const wanted = new Set(req.studentIds);
        targets = students.filter((s) => wanted.has(s.student_id));
        const known = new Set(targets.map((s) => s.student_id));
        const unknown = [...wanted].filter((x) => !known.has(x));
        if (unknown.length)
          throw new AppError(
            'VALIDATION_FAILED',
            `以下学号不是本校考试中的学生：${unknown.slice(0, 10).join('、')}`,
            {
              field: 'studentIds',
              unknown: unknown.slice(0, 100),
            },
          );
      }
      if (!req.reissue) targets = targets.filter((s) => !s.has_code);
      if (targets.length === 0)
        throw new AppError('CONFLICT', '没有需要发放访问码的学生（已发放的访问码请选择“重新发放”）');
      const issued = targets.map((s) => ({ ...s, code: newCode() }));
      const key = await codeSecret();
      await db.transaction().execute(async (trx) => {
        await repo.upsertCodes(
          issued.map((s) => ({
            countyId: school.countyId,
            studentId: s.student_id,
            schoolId: school.id,
            schoolPath: school.path,
            codeHash: hashAccessCode(key, school.countyId, s.student_id, s.code),
          })),
          actor.accountId,
          trx,
        );
        await audit.record(
          actor,
          {
            action: 'exam.codes.issue',
            entity: 'org',
            entityId: school.id,
            orgId: school.id,
            details: { count: issued.length, reissue: req.reissue, listed: req.studentIds?.length ?? 0 },
          },
          trx,
        );
      });
      // a new code also ends any wait for the student, from every address
      await deps.throttle.clearSubjects(issued.map((s) => studentSubject(s.student_id)));
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Yanxun 研训';
      const sheet = wb.addWorksheet('家长查询访问码', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = [
        { header: '班级', key: 'klass', width: 12 },
        { header: '学号', key: 'student', width: 22, style: { numFmt: '@' } },
        { header: '访问码', key: 'code', width: 14, style: { numFmt: '@' } },
        { header: '说明', key: 'note', width: 60 },
      ];
      sheet.getRow(1).font = { bold: true };
      for (const s of issued)
        sheet.addRow({
          klass: s.class_name,
          student: s.student_id,
          code: formatAccessCode(s.code),
          note: '家长在“家长查询”页面输入学号和访问码，只能查看本人孩子的等级结果；请妥善保管，勿外传',
        });
      const info = wb.addWorksheet('说明');
      info.addRow(['学校', school.name]);
      info.addRow(['份数', issued.length]);
      info.addRow([
        '规则',
        `${rule.ruleId}：同一设备（网络地址）连续输错 ${rule.maxFailures} 次需等待 ${rule.lockMinutes} 分钟（再错加倍）；重新发放后旧码失效`,
      ]);
      info.addRow(['注意', '访问码只在本表中出现一次，系统只保存其校验值，无法找回；遗失请重新发放']);
      const day = now().toISOString().slice(0, 10);
      return {
        fileName: `${school.name}-家长查询访问码-${day}.xlsx`,
        body: Buffer.from(await wb.xlsx.writeBuffer()),
        count: issued.length,
      };
    },

    // ---------- parents (no sign-in) ----------

    /** A parent's view of their own child: student id + access code (exams.parent.ts). */
    parentResults: parents.parentResults,
  };
}

export type ExamReleaseService = ReturnType<typeof createExamReleaseService>;
