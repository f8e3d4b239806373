/**
 * A school's 校本研修 archive of a school year (R3-S09: 年度研修方案、活动记录、考核 and the certified 学时) as an
 * .xlsx, streamed with exceljs (shared/exceljs.ts), audited. Photos, AV material and summaries are kept by the
 * school; the archive lists what Yanxun records.
 */
import { ASSESSMENT_GRADE_LABELS } from '@yanxun/contracts';
import { formatHours, schoolYearLabel } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { streamedWorkbook } from '../../shared/exceljs';
import type { SchoolResearchContext } from './context';
import { schoolYearView } from './school-year';

const STATUS_LABELS = { submitted: '待审核', returned: '已退回', approved: '已通过' } as const;

export async function exportArchive(
  ctx: SchoolResearchContext,
  actor: Actor,
  schoolId: string,
  schoolYear: string | undefined,
): Promise<{ fileName: string; body: Buffer }> {
  const y = await schoolYearView(ctx, actor, schoolId, schoolYear);
  const { wb, finish } = streamedWorkbook();

  const plan = wb.addWorksheet('年度研修方案');
  plan.columns = [
    { header: '项目', key: 'k', width: 18 },
    { header: '内容', key: 'v', width: 90 },
  ];
  plan.getRow(1).font = { bold: true };
  plan.getRow(1).commit();
  const p = y.plan;
  const rows: Array<[string, string]> = [
    ['学校', y.schoolName],
    ['学年', schoolYearLabel(y.schoolYear)],
    ['截止日', `${y.due.lastDay}（开学 ${y.due.firstSchoolDay}）`],
  ];
  if (p) {
    rows.push(
      ['版本', String(p.version)],
      ['状态', STATUS_LABELS[p.status]],
      ['提交日期', p.submittedOn],
      ['逾期', y.finding ? y.finding.message : '否'],
      ['研修主题', p.form.theme],
      ['负责人', p.form.leader],
      ['学年目标', p.form.yearGoals],
      ['第一学期目标', p.form.semesterGoals.first],
      ['第二学期目标', p.form.semesterGoals.second],
      ['研修内容', p.form.contents.join('、')],
      ['研修方式', p.form.forms.join('、')],
      ['考核办法', p.form.assessment],
      ...p.form.projects.map((x, i): [string, string] => [
        `研修项目 ${i + 1}`,
        `${x.name}（第${x.semester === 1 ? '一' : '二'}学期，负责人 ${x.lead}，计划 ${formatHours(x.plannedTenths)} 学时）`,
      ]),
    );
  } else rows.push(['方案', '未提交']);
  for (const [k, v] of rows) plan.addRow({ k, v }).commit();
  plan.commit();

  const rec = wb.addWorksheet('活动记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  rec.columns = [
    { header: '日期', key: 'date', width: 12 },
    { header: '学期', key: 'semester', width: 8 },
    { header: '主题', key: 'topic', width: 36 },
    { header: '形式', key: 'form', width: 16 },
    { header: '参加教师', key: 'teacher', width: 12 },
    { header: '学时', key: 'hours', width: 8 },
    { header: '已核定学时', key: 'certified', width: 12 },
  ];
  rec.getRow(1).font = { bold: true };
  rec.getRow(1).commit();
  for (const r of y.records)
    for (const x of r.participants)
      rec
        .addRow({
          date: r.heldOn,
          semester: r.semester === 1 ? '第一学期' : '第二学期',
          topic: r.topic,
          form: r.form,
          teacher: x.teacherName,
          hours: Number(formatHours(x.hoursTenths)),
          certified: Number(formatHours(x.certifiedTenths)),
        })
        .commit();
  rec.commit();

  const asm = wb.addWorksheet('学期考核');
  asm.columns = [
    { header: '学期', key: 'semester', width: 10 },
    { header: '等级', key: 'grade', width: 8 },
    { header: '评语', key: 'comment', width: 80 },
  ];
  asm.getRow(1).font = { bold: true };
  asm.getRow(1).commit();
  for (const a of y.assessments)
    asm
      .addRow({
        semester: a.semester === 1 ? '第一学期' : '第二学期',
        grade: ASSESSMENT_GRADE_LABELS[a.grade],
        comment: a.comment,
      })
      .commit();
  asm.commit();

  const hrs = wb.addWorksheet('学时核定');
  hrs.columns = [
    { header: '教师', key: 'name', width: 12 },
    { header: '已核定学时', key: 'hours', width: 12 },
    { header: `达到 ${formatHours(y.yearMinTenths)} 学时`, key: 'meets', width: 14 },
  ];
  hrs.getRow(1).font = { bold: true };
  hrs.getRow(1).commit();
  for (const c of y.certified)
    hrs
      .addRow({
        name: c.teacherName,
        hours: Number(formatHours(c.certifiedTenths)),
        meets: c.meetsMinimum ? '是' : '否',
      })
      .commit();
  hrs.commit();
  const body = await finish();
  await ctx.audit.record(actor, {
    action: 'school_research.archive_export',
    entity: 'org',
    entityId: y.schoolId,
    orgId: y.schoolId,
    details: { schoolYear: y.schoolYear, ruleId: 'R3-S09', records: y.records.length },
  });
  return { fileName: `校本研修档案-${y.schoolName}-${y.schoolYear}.xlsx`, body: body };
}
