/**
 * Implementation records (研修活动记录) with their participants, and the certification of the participants'
 * 学时 into the ledger (R3-S02): once per teacher and record (credit key `school_research:<record>:<revision>`),
 * so certifying again changes nothing; a corrected attendance reverses the credit that stood (`reverseCredits`)
 * and posts the next revision.
 */
import type { CertifyResult, RecordInput, SchoolResearchRecord } from '@yanxun/contracts';
import { schoolYearLabel, schoolYearOf } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { CreditInput } from '../hours';
import type { SchoolResearchContext } from './context';
import { loadSchool, type SchoolNode, yearRules } from './school-access';
import type { AttendanceRow, CreditRow, RecordRow } from './school-research.repository';

/** R3-S02: the rule a certified credit carries. */
export const SCHOOL_BASED_HOURS_RULE = 'R3-S02';

export function recordCreditKey(recordId: string, revision: number): string {
  return `school_research:${recordId}:${revision}`;
}

/** The record's day in its school year and not in the future; the participants unique and of the school. */
async function checkInput(ctx: SchoolResearchContext, school: SchoolNode, input: RecordInput): Promise<void> {
  const rules = await yearRules(ctx, school.path, input.schoolYear);
  const start = rules.firstSchoolDay.slice(5);
  if (schoolYearOf(input.heldOn, start) !== input.schoolYear)
    throw new AppError(
      'VALIDATION_FAILED',
      `活动日期 ${input.heldOn} 不在 ${schoolYearLabel(input.schoolYear)}内`,
      {
        field: 'heldOn',
      },
    );
  if (input.heldOn > dateOf(ctx.now()))
    throw new AppError('VALIDATION_FAILED', '活动尚未举行，不能登记记录', { field: 'heldOn' });
  const ids = input.participants.map((p) => p.teacherId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup)
    throw new AppError('VALIDATION_FAILED', '参加教师有重复', { field: 'participants', teacherId: dup });
  const schoolOf = new Map((await ctx.teachers.placesOf(ids.filter(isId))).map((t) => [t.id, t.schoolId]));
  const outside = ids.filter((id) => schoolOf.get(id) !== school.id);
  if (outside.length > 0)
    throw new AppError('VALIDATION_FAILED', `有 ${outside.length} 位参加者不是本校教师`, {
      field: 'participants',
      teacherIds: outside,
    });
}

export async function recordViews(
  ctx: SchoolResearchContext,
  records: RecordRow[],
): Promise<SchoolResearchRecord[]> {
  const ids = records.map((r) => r.id);
  const [attendance, credits] = await Promise.all([ctx.repo.attendanceOf(ids), ctx.repo.creditsOf(ids)]);
  const teacherIds = [...new Set([...attendance, ...credits].map((a) => a.teacher_id))];
  const names = new Map((await ctx.teachers.namesOf(teacherIds)).map((n) => [n.id, n.name]));
  return records.map((r) => {
    const att = attendance.filter((a) => a.record_id === r.id);
    const cr = new Map(credits.filter((c) => c.record_id === r.id).map((c) => [c.teacher_id, c]));
    return {
      id: r.id,
      semester: r.semester === 2 ? 2 : 1,
      heldOn: r.held_on,
      topic: r.topic,
      form: r.form,
      note: r.note,
      participants: att.map((a) => ({
        teacherId: a.teacher_id,
        teacherName: names.get(a.teacher_id) ?? '',
        hoursTenths: a.hours_tenths,
        certifiedTenths: cr.get(a.teacher_id)?.certified_tenths ?? 0,
      })),
      needsCertification: changes(att, [...cr.values()]).length > 0,
    };
  });
}

/** The teachers whose certified 学时 differ from the attendance: [teacher, wanted, credit that stands]. */
function changes(att: AttendanceRow[], credits: CreditRow[]) {
  const want = new Map(att.map((a) => [a.teacher_id, a.hours_tenths]));
  const have = new Map(credits.map((c) => [c.teacher_id, c]));
  const out: Array<{ teacherId: string; want: number; credit: CreditRow | undefined }> = [];
  for (const t of new Set([...want.keys(), ...have.keys()])) {
    const w = want.get(t) ?? 0;
    const c = have.get(t);
    if (w !== (c?.certified_tenths ?? 0)) out.push({ teacherId: t, want: w, credit: c });
  }
  return out;
}

/** A record of the actor's scope, else 404; 403 unless the actor may act with `act` on its school. */
async function loadRecord(
  ctx: SchoolResearchContext,
  actor: Actor,
  id: string,
  act: 'school_research.submit',
) {
  requirePermission(actor, act);
  const found = /^\d{1,19}$/.test(id) ? await ctx.repo.recordById(id) : undefined;
  const record = visibleOr404(found, (r) => can(actor, 'school_research.read', r.org_path), '研修活动记录');
  requirePermission(actor, act, record.org_path);
  return record;
}

export async function createRecord(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  input: RecordInput,
): Promise<SchoolResearchRecord> {
  const school = await loadSchool(ctx, actor, schoolId, 'school_research.submit');
  await checkInput(ctx, school, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const recordId = await ctx.repo.insertRecord(
      {
        county_id: school.countyId,
        school_id: school.id,
        org_path: school.path,
        school_year: input.schoolYear,
        semester: input.semester,
        held_on: input.heldOn,
        topic: input.topic,
        form: input.form,
        note: input.note ?? null,
        created_by: actor.accountId,
        at: ctx.now(),
      },
      trx,
    );
    await ctx.repo.setAttendance({ countyId: school.countyId, id: recordId }, input.participants, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.record_create',
        entity: 'school_research_record',
        entityId: recordId,
        orgId: school.id,
        details: {
          schoolYear: input.schoolYear,
          heldOn: input.heldOn,
          participants: input.participants.length,
        },
      },
      trx,
    );
    return recordId;
  });
  const row = await ctx.repo.recordById(id);
  if (!row) throw new AppError('INTERNAL', '记录保存后未找到');
  const [view] = await recordViews(ctx, [row]);
  if (!view) throw new AppError('INTERNAL', '记录保存后未找到');
  return view;
}

/** Correct a record (its day, topic, participants or their 学时); certify again to correct the ledger. */
export async function updateRecord(
  ctx: SchoolResearchContext,
  actor: Actor,
  recordId: string,
  input: RecordInput,
): Promise<SchoolResearchRecord> {
  const record = await loadRecord(ctx, actor, recordId, 'school_research.submit');
  if (input.schoolYear !== record.school_year)
    throw new AppError(
      'VALIDATION_FAILED',
      `记录属于 ${schoolYearLabel(record.school_year)}，不能改到其他学年`,
      {
        field: 'schoolYear',
      },
    );
  const school = await loadSchool(ctx, actor, record.school_id, 'school_research.submit');
  await checkInput(ctx, school, input);
  await ctx.db.transaction().execute(async (trx) => {
    const key = { countyId: record.county_id, id: record.id };
    await ctx.repo.updateRecord(
      key,
      {
        semester: input.semester,
        held_on: input.heldOn,
        topic: input.topic,
        form: input.form,
        note: input.note ?? null,
        at: ctx.now(),
      },
      trx,
    );
    await ctx.repo.setAttendance(key, input.participants, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.record_update',
        entity: 'school_research_record',
        entityId: record.id,
        orgId: record.school_id,
        details: { heldOn: input.heldOn, participants: input.participants.length },
      },
      trx,
    );
  });
  const row = await ctx.repo.recordById(record.id);
  if (!row) throw new AppError('INTERNAL', '记录未找到');
  const [view] = await recordViews(ctx, [row]);
  if (!view) throw new AppError('INTERNAL', '记录未找到');
  return view;
}

/**
 * Certify a record's attendance into the 学时 ledger (R3-S02), only under an approved plan (R3-S03: "审核通过后，
 * 按方案实施"). Unchanged teachers are left alone; a changed or removed teacher's standing credit is reversed and
 * the new amount posted under the next revision.
 */
export async function certifyRecord(
  ctx: SchoolResearchContext,
  actor: Actor,
  recordId: string,
): Promise<CertifyResult> {
  const record = await loadRecord(ctx, actor, recordId, 'school_research.submit');
  const versions = await ctx.repo.plansOf(record.school_id, record.school_year);
  if (versions.at(-1)?.status !== 'approved')
    throw new AppError('CONFLICT', '本学年的校本研修方案审核通过后，才能核定学时', { ruleId: 'R3-S03' });
  // the teachers' units as they are now (read before the transaction: a port's read is not in it)
  const present = await ctx.repo.attendanceOf([record.id]);
  const cards = new Map(
    await Promise.all(
      present.map(async (a) => [a.teacher_id, await ctx.teachers.cardOf(a.teacher_id)] as const),
    ),
  );
  return ctx.db.transaction().execute(async (trx) => {
    const credits = await ctx.repo.creditsOf([record.id], trx, true);
    const att = await ctx.repo.attendanceOf([record.id], trx);
    const todo = changes(att, credits);
    const at = ctx.now();
    let reversed = 0;
    // each standing credit to correct has its own key (its revision)
    for (const c of todo)
      if (c.credit && c.credit.certified_tenths > 0)
        reversed += await ctx.hours.reverseCredits(
          recordCreditKey(record.id, c.credit.revision),
          [c.teacherId],
          { by: actor.accountId, reason: `校本研修记录更正：${record.topic}（${record.held_on}）` },
          trx,
        );
    const next = todo.map((c) => ({
      ...c,
      revision: c.credit ? c.credit.revision + (c.want > 0 ? 1 : 0) : 1,
    }));
    const posts: CreditInput[] = [];
    for (const c of next.filter((x) => x.want > 0)) {
      const card = cards.get(c.teacherId);
      if (!card)
        throw new AppError('CONFLICT', '参加教师名单已变化，请刷新后重试', { teacherId: c.teacherId });
      posts.push({
        countyId: card.countyId,
        teacherId: c.teacherId,
        orgPath: card.orgPath,
        amountTenths: c.want,
        category: 'school_based',
        occurredOn: record.held_on,
        source: 'activity',
        creditKey: recordCreditKey(record.id, c.revision),
        ruleId: SCHOOL_BASED_HOURS_RULE,
        postedBy: actor.accountId,
      });
    }
    const posted = await ctx.hours.postCredits(posts, trx);
    await ctx.repo.setCredits(
      record.county_id,
      record.id,
      next.map((c) => ({ teacherId: c.teacherId, tenths: c.want, revision: c.revision })),
      { by: actor.accountId, at },
      trx,
    );
    const result = { posted, reversed, unchanged: att.length - todo.filter((c) => c.want > 0).length };
    await ctx.audit.record(
      actor,
      {
        action: 'school_research.hours_certify',
        entity: 'school_research_record',
        entityId: record.id,
        orgId: record.school_id,
        details: { ...result, ruleId: SCHOOL_BASED_HOURS_RULE },
      },
      trx,
    );
    return result;
  });
}
