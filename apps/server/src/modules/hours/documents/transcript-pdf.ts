/**
 * The 学时证明 as a PDF (A4, Noto Sans SC): the teacher, every posting that counts, the totals per school year and
 * the cycle, the issuer and date, and the verification code with its QR to the public page. Rendering only: the
 * facts come from `issueTranscript`.
 */
import type { TeacherHours } from '@yanxun/contracts';
import {
  formatHours,
  formatVerificationCode,
  HOUR_CATEGORY_LABELS,
  HOUR_SOURCE_LABELS,
  type HourCategory,
  type HourSource,
  schoolYearLabel,
  schoolYearSpanLabel,
} from '@yanxun/core';
import { pdfCell as cell, pdfHeadCell as head, renderPdf } from '../../../shared/pdf';

export interface TranscriptFacts {
  teacherName: string;
  /** ****************123X */
  idMasked: string;
  schoolName: string;
  issuer: string;
  issuedOn: string;
  code: string;
  /** the public page of this code */
  verifyUrl: string;
}

/** The postings a transcript lists: standing (not reversed) and counting for something, oldest first. */
export function countedPostings(h: TeacherHours) {
  return h.entries
    .filter((e) => e.reversedAt === null && e.countedTenths > 0)
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || Number(a.id) - Number(b.id));
}

export function renderTranscriptPdf(h: TeacherHours, f: TranscriptFacts): Promise<Buffer> {
  const postings = countedPostings(h);
  const years = h.standing.years.filter((y) => y.countedTenths > 0);
  const cycle = h.standing.cycle;
  const printed = formatVerificationCode(f.code);
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    info: { title: `学时证明 ${f.teacherName} ${printed}`, subject: '教师继续教育学时证明' },
    footer: (page: number, pages: number) => ({
      text: `验证码 ${printed} · 第 ${page} / ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      color: '#888888',
    }),
    content: [
      { text: `验证码：${printed}`, alignment: 'right', fontSize: 9 },
      { text: '教师继续教育学时证明', alignment: 'center', fontSize: 20, bold: true, margin: [0, 8, 0, 16] },
      {
        table: {
          widths: [50, '*', 60, '*'],
          body: [
            [head('姓名'), cell(f.teacherName), head('身份证号'), cell(f.idMasked)],
            [head('学校'), cell(f.schoolName, { colSpan: 3 }), '', ''],
          ],
        },
        margin: [0, 0, 0, 12],
      },
      {
        text: `兹证明该教师在本平台学时账户中计入以下继续教育学时（共 ${postings.length} 项，合计 ${formatHours(h.totalTenths)} 学时）：`,
        fontSize: 10,
        margin: [0, 0, 0, 6],
      },
      {
        table: {
          headerRows: 1,
          widths: [22, '*', 58, 76, 62, 48],
          body: [
            [
              head('序号'),
              head('培训项目或来源'),
              head('类别'),
              head('学年'),
              head('日期'),
              head('计入学时'),
            ],
            ...postings.map((e, i) => [
              cell(String(i + 1)),
              cell(e.programmeTitle ?? HOUR_SOURCE_LABELS[e.source as HourSource]),
              cell(HOUR_CATEGORY_LABELS[e.category as HourCategory]),
              cell(schoolYearLabel(e.schoolYear)),
              cell(e.occurredOn),
              cell(formatHours(e.countedTenths), { alignment: 'right' }),
            ]),
          ],
        },
        margin: [0, 0, 0, 12],
      },
      {
        columns: [
          {
            width: '*',
            table: {
              headerRows: 1,
              widths: ['*', 70],
              body: [
                [head('学年'), head('计入学时')],
                ...years.map((y) => [
                  cell(schoolYearLabel(y.schoolYear)),
                  cell(formatHours(y.countedTenths), { alignment: 'right' }),
                ]),
                [
                  cell('合计', { bold: true }),
                  cell(formatHours(h.totalTenths), { alignment: 'right', bold: true }),
                ],
              ],
            },
          },
          {
            width: 220,
            margin: [16, 0, 0, 0],
            text: [
              { text: '继续教育周期\n', bold: true, fontSize: 10 },
              {
                text: `${schoolYearSpanLabel(cycle.schoolYears[0] ?? '', cycle.schoolYears.at(-1) ?? '')}（${cycle.firstDay} 至 ${cycle.lastDay}）\n本周期计入 ${formatHours(cycle.countedTenths)} 学时，周期要求 ${formatHours(cycle.targetTenths)} 学时。`,
                fontSize: 9,
              },
            ],
          },
        ],
        margin: [0, 0, 0, 24],
      },
      {
        columns: [
          { width: 96, qr: f.verifyUrl, fit: 96 },
          {
            width: '*',
            margin: [12, 4, 0, 0],
            fontSize: 9,
            text: [
              '扫描二维码或访问\n',
              { text: f.verifyUrl, color: '#1f4e9c' },
              `\n核验本证明的真伪与状态（有效 / 已撤销）。\n验证码：${printed}`,
            ],
          },
          {
            width: 180,
            alignment: 'right',
            margin: [0, 30, 0, 0],
            text: [
              { text: `${f.issuer}\n`, fontSize: 12 },
              { text: `出具日期：${f.issuedOn}`, fontSize: 10 },
            ],
          },
        ],
      },
    ],
  });
}
