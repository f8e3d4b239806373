/**
 * What a school or bureau does with the teachers behind: an Excel list (streamed, one row per teacher, no ID
 * numbers) and a reminder to each of them (a notification, at most once per interval: Y-HOURS-REMIND).
 */
import type {
  ComplianceRemindRequest,
  ComplianceRemindResult,
  ComplianceTeachersQuery,
} from '@yanxun/contracts';
import { DEFAULT_REMIND_INTERVAL_DAYS, formatHours, schoolYearLabel } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { streamedWorkbook } from '../../../shared/exceljs';
import { dateOf } from '../../../shared/time';
import { schoolNames, thresholdsOfToday, toTeacher, unitOf } from './compliance';
import type { ComplianceContext } from './context';

/** At most this many teachers in one list or one round of reminders (a province: choose a city or county). */
export const COMPLIANCE_BATCH_MAX = 100_000;

const DAY_MS = 86_400_000;

async function allBehind(
  ctx: ComplianceContext,
  actor: Actor,
  q: Pick<ComplianceTeachersQuery, 'orgId' | 'behind' | 'category'>,
  permission: 'hours.read' | 'hours.remind',
) {
  const unit = await unitOf(ctx, actor, permission, q.orgId);
  const t = await thresholdsOfToday(ctx, unit);
  const { total, rows } = await ctx.repo.teachers(ctx.roster([unit.path]), t, {
    behind: q.behind,
    category: q.category,
    limit: COMPLIANCE_BATCH_MAX + 1,
    offset: 0,
  });
  if (total > COMPLIANCE_BATCH_MAX)
    throw new AppError(
      'VALIDATION_FAILED',
      `${unit.name}共有 ${total} 位教师符合条件，一次最多 ${COMPLIANCE_BATCH_MAX} 位，请选择下级单位`,
      {
        total,
        max: COMPLIANCE_BATCH_MAX,
      },
    );
  const names = await schoolNames(ctx, rows);
  return {
    unit,
    t,
    teachers: rows.map((r) => ({ row: r, teacher: toTeacher(r, t, names.get(r.school_id) ?? '') })),
  };
}

const FILTER_NAMES = {
  any: '进度落后',
  cycle: '周期进度落后',
  year: '本学年进度落后',
  category: '类别落后',
  all: '全部教师',
};

/** The teachers `behind` keeps as an .xlsx (streamed), audited. */
export async function exportComplianceTeachers(
  ctx: ComplianceContext,
  actor: Actor,
  q: Pick<ComplianceTeachersQuery, 'orgId' | 'behind' | 'category'>,
): Promise<{ fileName: string; body: Buffer }> {
  const { unit, t, teachers } = await allBehind(ctx, actor, q, 'hours.read');
  const { wb, finish } = streamedWorkbook();
  const sheet = wb.addWorksheet('学时进度', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '学校', key: 'school', width: 28 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '群体', key: 'group', width: 8 },
    { header: '本周期已计（学时）', key: 'counted', width: 16 },
    { header: '按进度应有', key: 'expected', width: 12 },
    { header: '落后', key: 'short', width: 10 },
    { header: `${schoolYearLabel(t.schoolYear)}已计`, key: 'year', width: 16 },
    ...t.categories.map((c) => ({ header: `${c.label}已计/按进度应有`, key: c.category, width: 20 })),
    { header: '说明', key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const { teacher: x } of teachers) {
    const row: Record<string, string | number> = {
      school: x.schoolName,
      name: x.name,
      group: x.groupName,
      counted: Number(formatHours(x.cycleCountedTenths)),
      expected: Number(formatHours(x.expectedTenths)),
      short: Number(formatHours(x.shortOfExpectedTenths)),
      year: Number(formatHours(x.yearCountedTenths)),
      message: x.message,
    };
    for (const c of x.categories)
      row[c.category] = `${formatHours(c.countedTenths)} / ${formatHours(c.paceTenths)}`;
    sheet.addRow(row).commit();
  }
  sheet.commit();
  const body = await finish();
  await ctx.audit.record(actor, {
    action: 'hours.compliance_export',
    entity: 'org',
    entityId: unit.id,
    orgId: unit.id,
    details: { behind: q.behind, category: q.category ?? null, rows: teachers.length, asOf: t.asOf },
  });
  return {
    fileName: `${unit.name}-学时进度-${FILTER_NAMES[q.behind]}-${dateOf(ctx.now())}.xlsx`,
    body: body,
  };
}

/** A notification to each teacher behind, except those reminded within the interval; audited. */
export async function remindBehind(
  ctx: ComplianceContext,
  actor: Actor,
  req: ComplianceRemindRequest,
): Promise<ComplianceRemindResult> {
  const { unit, t, teachers } = await allBehind(ctx, actor, req, 'hours.remind');
  const interval = DEFAULT_REMIND_INTERVAL_DAYS;
  const at = ctx.now();
  const sent = await ctx.notifications.notifyTeachersOnce(
    teachers.map(({ row, teacher }) => ({
      countyId: row.county_id,
      teacherId: row.id,
      kind: 'hours.behind',
      title: '学时进度提醒',
      body: `${teacher.message}请及时参加培训或申报学时。`,
      entity: 'teacher',
      entityId: row.id,
    })),
    { since: new Date(at.getTime() - interval.value * DAY_MS), at },
  );
  await ctx.audit.record(actor, {
    action: 'hours.compliance_remind',
    entity: 'org',
    entityId: unit.id,
    orgId: unit.id,
    details: { behind: req.behind, category: req.category ?? null, sent: sent.length, asOf: t.asOf },
  });
  return {
    sent: sent.length,
    skipped: teachers.length - sent.length,
    intervalDays: interval.value,
    ruleId: interval.ruleId,
  };
}
