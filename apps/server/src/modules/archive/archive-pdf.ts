/**
 * The growth archive as a PDF (A4, Noto Sans SC through the shared pdf helpers): the same sections as the page, in
 * the same order, each with "暂无记录" when empty. Rendering only: the facts come from `loadArchive`; the export is
 * audited by `archivePdf`.
 */
import type { NominationStatus, OutcomeStatusCode, TeacherArchive } from '@yanxun/contracts';
import {
  codeName,
  formatHours,
  HOUR_CATEGORY_LABELS,
  type HourCategory,
  INTEGRITY_KINDS,
  PROGRAM_LEVELS,
  schoolYearLabel,
  schoolYearSpanLabel,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { forbidden } from '../../shared/app-error';
import { pdfCell as cell, pdfHeadCell as head, renderPdf } from '../../shared/pdf';
import { dateOf } from '../../shared/time';
import type { ArchiveContext } from './context';
import { ARCHIVE_RULE, loadArchive } from './teacher-archive';

const NOMINATION_WORDS: Record<NominationStatus, string> = {
  candidate: '候选（差额）',
  selected: '已入选',
  not_selected: '未入选',
  waitlisted: '候补',
  withdrawn: '已撤回',
  replaced: '已替训',
};
const OUTCOME_WORDS: Record<OutcomeStatusCode, string> = {
  submitted: '待评审',
  returned: '已退回',
  accepted: '已通过',
};
const APPEAL_WORDS = { none: '', pending: '申诉中', upheld: '申诉成立', rejected: '申诉未成立' } as const;

/** Notes of the sections Yanxun does not record yet (the same words as the page). */
export const NOT_YET_RECORDED = {
  studios: '工作室、工作坊的成员与主持人角色将在工作室模块记录后显示。',
  trainer: '培训者（培训师、班主任）任职将在培训者队伍模块记录后显示。',
  honours: '荣誉与评选结果将在评价模块记录后显示。',
  evaluations: '考核与评价结果将在评价模块记录后显示。',
} as const;

const day = (iso: string) => dateOf(new Date(iso));
const none = (note?: string) => ({
  text: note ? `暂无记录。${note}` : '暂无记录',
  fontSize: 9,
  color: '#888888',
  margin: [0, 0, 0, 10],
});
const section = (title: string) => ({ text: title, fontSize: 12, bold: true, margin: [0, 10, 0, 4] });

function table(
  widths: Array<number | string>,
  header: string[],
  rows: Array<Array<ReturnType<typeof cell>>>,
) {
  return {
    table: { headerRows: 1, widths, body: [header.map(head), ...rows] },
    margin: [0, 0, 0, 8],
  };
}

function hoursBlock(a: TeacherArchive) {
  const years = a.hours.standing.years.filter((y) => y.countedTenths > 0 || y.notCountedTenths > 0);
  if (years.length === 0) return [none()];
  const cats = [
    ...new Set(years.flatMap((y) => y.categories.filter((c) => c.countedTenths > 0).map((c) => c.category))),
  ];
  const cycle = a.hours.standing.cycle;
  return [
    table(
      ['*', ...cats.map(() => 56), 56],
      ['学年', ...cats.map((c) => HOUR_CATEGORY_LABELS[c as HourCategory]), '计入合计'],
      years.map((y) => [
        cell(schoolYearLabel(y.schoolYear)),
        ...cats.map((c) =>
          cell(formatHours(y.categories.find((x) => x.category === c)?.countedTenths ?? 0), {
            alignment: 'right',
          }),
        ),
        cell(formatHours(y.countedTenths), { alignment: 'right', bold: true }),
      ]),
    ),
    {
      text: `合计计入 ${formatHours(a.hours.totalTenths)} 学时。继续教育周期 ${schoolYearSpanLabel(cycle.schoolYears[0] ?? '', cycle.schoolYears.at(-1) ?? '')}：计入 ${formatHours(cycle.countedTenths)} 学时，周期要求 ${formatHours(cycle.targetTenths)} 学时。`,
      fontSize: 9,
      margin: [0, 0, 0, 8],
    },
  ];
}

export function renderArchivePdf(a: TeacherArchive): Promise<Buffer> {
  const t = a.teacher;
  const code = (table: Parameters<typeof codeName>[0], value: string | null) =>
    value ? (codeName(table, value) ?? value) : '—';
  const level = (l: string | null) => PROGRAM_LEVELS.find((x) => x.code === l)?.name ?? '';
  const kind = (k: string) => INTEGRITY_KINDS.find((x) => x.code === k)?.name ?? k;
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    info: { title: `教师成长档案 ${t.name}`, subject: `教师成长档案（${ARCHIVE_RULE}）` },
    footer: (page: number, pages: number) => ({
      text: `${t.name} · 教师成长档案 · ${a.asOf} · 第 ${page} / ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      color: '#888888',
    }),
    content: [
      { text: '教师成长档案', alignment: 'center', fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [56, '*', 56, '*'],
          body: [
            [head('姓名'), cell(t.name), head('身份证号'), cell(t.idMasked)],
            [head('学校'), cell(t.schoolName), head('县区'), cell(t.countyName ?? '—')],
            [head('学段'), cell(code('stages', t.stage)), head('学科'), cell(code('subjects', t.subject))],
            [
              head('职称'),
              cell(code('titles', t.title)),
              head('骨干'),
              cell(code('backboneLevels', t.backbone)),
            ],
            [
              head('岗位职务'),
              cell(a.rolesHeld.map((r) => code('roles', r)).join('、') || '—'),
              head('教龄'),
              cell(t.teachingYears === null ? '—' : `${t.teachingYears} 年`),
            ],
          ],
        },
        margin: [0, 0, 0, 6],
      },
      section('任职经历'),
      ...(a.postings.length === 0
        ? [none()]
        : [
            table(
              ['*', 80, 80, 100],
              ['学校', '起', '止', '原因'],
              a.postings.map((p) => [
                cell(p.schoolName),
                cell(p.fromDate),
                cell(p.toDate ?? '至今'),
                cell(p.reason ?? ''),
              ]),
            ),
          ]),
      section('培训项目'),
      ...(a.programmes.length === 0
        ? [none()]
        : [
            table(
              ['*', 50, 92, 56, 70],
              ['项目 · 班级', '推荐', '时间', '出勤', '结业'],
              a.programmes.map((p) => [
                cell(
                  `${p.programmeTitle}${p.className ? ` · ${p.className}` : ''}${p.level ? `（${level(p.level)}）` : ''}`,
                ),
                cell(p.nomination ? NOMINATION_WORDS[p.nomination] : '—'),
                cell(`${p.startDate} 至 ${p.endDate}`),
                cell(p.attendance ? `${p.attendance.attended} / ${p.attendance.sessions}` : '—'),
                cell(
                  p.completion
                    ? p.completion.completed
                      ? `已结业 ${formatHours(p.completion.hoursTenths)} 学时`
                      : '未结业'
                    : '—',
                ),
              ]),
            ),
          ]),
      section('学时（按学年与类别）'),
      ...hoursBlock(a),
      section('培训成果'),
      ...(a.outcomes.length === 0
        ? [none()]
        : [
            table(
              ['*', 110, 50, 36, 64],
              ['项目 · 班级', '成果', '评审', '得分', '提交'],
              a.outcomes.map((o) => [
                cell(`${o.programmeTitle} · ${o.className}`),
                cell(o.version > 1 ? `${o.label}（第 ${o.version} 版）` : o.label),
                cell(OUTCOME_WORDS[o.status]),
                cell(o.score === null ? '—' : String(o.score), { alignment: 'right' }),
                cell(day(o.submittedAt)),
              ]),
            ),
          ]),
      section('结业证书与学时证明'),
      ...(a.certificates.length === 0 && a.documents.length === 0
        ? [none()]
        : [
            table(
              ['*', 110, 64, 120],
              ['证书或证明', '编号', '日期', '验证码'],
              [
                ...a.certificates.map((c) => [
                  cell(`结业证书 · ${c.programmeTitle}${c.revoked ? '（已撤销）' : ''}`),
                  cell(c.certificateNo),
                  cell(day(c.issuedAt)),
                  cell(c.verificationCode ?? '首次打印时生成'),
                ]),
                ...a.documents.map((d) => [
                  cell(
                    `${d.title} · ${formatHours(d.hoursTenths)} 学时 · ${d.issuer}${d.revokedAt ? '（已撤销）' : ''}`,
                  ),
                  cell('—'),
                  cell(d.issuedOn),
                  cell(d.code),
                ]),
              ],
            ),
          ]),
      section('培训诚信档案'),
      ...(a.integrity.length === 0
        ? [none()]
        : [
            table(
              [96, '*', 64, 90],
              ['情形', '项目', '记录日期', '状态'],
              a.integrity.map((r) => [
                cell(kind(r.kind)),
                cell(r.programmeTitle ?? '—'),
                cell(r.recordDate),
                cell(
                  [r.standing ? `有效，限制至 ${r.barEndsOn}` : '已撤销', APPEAL_WORDS[r.appealStatus]]
                    .filter(Boolean)
                    .join('；'),
                ),
              ]),
            ),
          ]),
      section('工作室与工作坊'),
      ...(a.studioRoles.length === 0
        ? [none(NOT_YET_RECORDED.studios)]
        : [
            table(
              ['*', 80, 120],
              ['名称', '角色', '时间'],
              a.studioRoles.map((r) => [
                cell(r.name),
                cell(r.role),
                cell(`${r.fromDate} 至 ${r.toDate ?? '今'}`),
              ]),
            ),
          ]),
      section('培训者任职'),
      ...(a.trainerRoles.length === 0
        ? [none(NOT_YET_RECORDED.trainer)]
        : [
            table(
              ['*', 80, 120],
              ['单位', '角色', '时间'],
              a.trainerRoles.map((r) => [
                cell(r.orgName),
                cell(r.role),
                cell(`${r.fromDate} 至 ${r.toDate ?? '今'}`),
              ]),
            ),
          ]),
      section('荣誉'),
      ...(a.honours.length === 0
        ? [none(NOT_YET_RECORDED.honours)]
        : [
            table(
              ['*', 80, 70],
              ['荣誉', '级别', '日期'],
              a.honours.map((h) => [cell(h.title), cell(h.level ?? '—'), cell(h.awardedOn)]),
            ),
          ]),
      section('考核与评价'),
      ...(a.evaluations.length === 0
        ? [none(NOT_YET_RECORDED.evaluations)]
        : [
            table(
              ['*', 80, 80, 70],
              ['名称', '周期', '结果', '日期'],
              a.evaluations.map((e) => [cell(e.title), cell(e.period), cell(e.result), cell(e.evaluatedOn)]),
            ),
          ]),
      {
        text: `本档案由研训平台根据 ${a.asOf} 的记录生成；学时以学时账户的计入结果为准，证书与证明可凭验证码在平台核验。`,
        fontSize: 8,
        color: '#888888',
        margin: [0, 12, 0, 0],
      },
    ],
  });
}

/** The archive as PDF for the actor (the same reading rule as the page); every export is audited. */
export async function archivePdf(
  ctx: ArchiveContext,
  actor: Actor,
  teacherId: string,
): Promise<{ name: string; content: Buffer }> {
  const { archive, schoolId } = await loadArchive(ctx, actor, teacherId);
  const content = await renderArchivePdf(archive);
  await ctx.audit.record(actor, {
    action: 'teacher.archive_export',
    entity: 'teacher',
    entityId: archive.teacher.id,
    orgId: schoolId,
    details: { ruleId: ARCHIVE_RULE, own: actor.teacherId === archive.teacher.id },
  });
  return { name: `成长档案-${archive.teacher.name}-${archive.asOf}.pdf`, content };
}

/** The signed-in teacher's own archive as PDF. */
export function myArchivePdf(ctx: ArchiveContext, actor: Actor): Promise<{ name: string; content: Buffer }> {
  if (!actor.teacherId) throw forbidden('只有教师本人可以导出自己的成长档案');
  return archivePdf(ctx, actor, actor.teacherId);
}
