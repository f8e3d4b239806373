/**
 * A school's parent access codes (Y-EXAM-PARENT-CODE): how many of its students hold one, and new codes issued
 * once as an Excel list to hand out (stored as an HMAC, never the code).
 */
import { randomBytes } from 'node:crypto';
import type { AccessCodeStatus, IssueCodesRequest } from '@yanxun/contracts';
import { accessCodeFromBytes, formatAccessCode } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { ExcelJS } from '../../../shared/exceljs';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { orgForAction } from '../../../shared/visibility';
import type { ExamReleaseContext } from '../context';
import { hashAccessCode, studentSubject } from './parent-codes';

function newCode(length: number): string {
  for (;;) {
    const c = accessCodeFromBytes(randomBytes(length * 2), length);
    if (c) return c;
  }
}

async function schoolFor(ctx: ExamReleaseContext, actor: Actor, schoolId: string) {
  requirePermission(actor, 'exam.codes');
  const found = isId(schoolId) ? await ctx.repo.findSchool(schoolId) : undefined;
  const school = orgForAction(actor, 'exam.codes', found?.kind === 'school' ? found : undefined, '学校');
  return { ...school, countyId: school.county_id ?? school.id };
}

export async function codeStatus(
  ctx: ExamReleaseContext,
  actor: Actor,
  schoolId: string,
): Promise<AccessCodeStatus> {
  const school = await schoolFor(ctx, actor, schoolId);
  const students = await ctx.repo.studentsOfSchool(school.id, school.countyId);
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
}

/**
 * New codes for the school's students (those without one, or `reissue`), returned once as an Excel list to
 * hand out: the codes are not stored, only their HMAC. A new code resets the student's lock.
 */
export async function issueCodes(
  ctx: ExamReleaseContext,
  actor: Actor,
  schoolId: string,
  req: IssueCodesRequest,
): Promise<{ fileName: string; body: Buffer; count: number }> {
  const { db, repo, audit } = ctx;
  const rule = ctx.policy.parentAccess;
  const school = await schoolFor(ctx, actor, schoolId);
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
  const issued = targets.map((s) => ({ ...s, code: newCode(rule.codeLength) }));
  const key = await ctx.codeSecret();
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
  await ctx.throttle.clearSubjects(issued.map((s) => studentSubject(s.student_id)));
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
    `同一设备（网络地址）连续输错 ${rule.maxFailures} 次需等待 ${rule.lockMinutes} 分钟（再错加倍）；重新发放后旧码失效`,
  ]);
  info.addRow(['规则编号', rule.ruleId]);
  info.addRow(['注意', '访问码只在本表中出现一次，系统只保存其校验值，无法找回；遗失请重新发放']);
  // the day of issue in the deployment's zone: a sheet issued at 07:30 in Shanghai is not named after yesterday (UTC)
  const day = dateOf(ctx.now());
  return {
    fileName: `${school.name}-家长查询访问码-${day}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    count: issued.length,
  };
}
