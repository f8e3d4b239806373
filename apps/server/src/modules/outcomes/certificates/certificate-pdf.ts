/**
 * A 结业证书 as PDF (A4 landscape, Noto Sans SC): its number, the text, the issuer and date, and its verification
 * code with a QR to the public page (Y-VERIFY-CERT). The code is the certificate's standing one (the hours
 * module's documents), created with these facts on its first print and the same on every later print.
 */
import { formatVerificationCode } from '@yanxun/core';
import { renderPdf } from '../../../shared/pdf';
import type { OutcomesContext } from '../context';

export interface CertificateData {
  countyId: string;
  teacherId: string;
  programmeId: string;
  classId: string;
  hoursTenths: number;
  no: string;
  teacherName: string;
  schoolName: string;
  programmeTitle: string;
  body: string;
  issuer: string;
  issuedOn: string;
}

/** The certificate's standing code, printed form (created with these facts on the first print). */
export async function certificateCodeOf(
  ctx: OutcomesContext,
  d: CertificateData,
  by: string | null,
): Promise<string> {
  return formatVerificationCode(
    await ctx.codes.certificateCode(
      {
        countyId: d.countyId,
        teacherId: d.teacherId,
        teacherName: d.teacherName,
        programmeId: d.programmeId,
        programmeTitle: d.programmeTitle,
        classId: d.classId,
        certificateNo: d.no,
        hoursTenths: d.hoursTenths,
        issuer: d.issuer,
        issuedOn: d.issuedOn,
      },
      by,
    ),
  );
}

export async function renderCertificate(
  ctx: OutcomesContext,
  d: CertificateData,
  origin: string,
  by: string | null,
): Promise<{ name: string; content: Buffer; code: string }> {
  const code = await certificateCodeOf(ctx, d, by);
  const url = `${origin}/verify/${code}`;
  const ink = '#3a2a12';
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
      { text: `证书编号：${d.no}`, alignment: 'right', fontSize: 10, color: ink },
      {
        text: '结 业 证 书',
        alignment: 'center',
        fontSize: 36,
        bold: true,
        color: '#8a1f11',
        margin: [0, 16, 0, 28],
      },
      {
        text: [{ text: d.teacherName, bold: true }, `（${d.schoolName}）${d.body}`],
        fontSize: 16,
        lineHeight: 1.8,
        leadingIndent: 32,
        color: ink,
      },
      { text: '特发此证。', fontSize: 16, leadingIndent: 32, margin: [0, 8, 0, 0], color: ink },
      {
        columns: [
          { width: 72, qr: url, fit: 72, margin: [0, 4, 0, 0] },
          {
            width: '*',
            margin: [10, 8, 0, 0],
            fontSize: 9,
            color: ink,
            text: [`扫码或访问 ${origin}/verify 核验\n`, { text: `验证码：${code}`, bold: true }],
          },
          {
            width: 260,
            text: `${d.issuer}\n${d.issuedOn}`,
            alignment: 'right',
            fontSize: 14,
            lineHeight: 1.6,
            margin: [0, 16, 0, 0],
            color: ink,
          },
        ],
        margin: [0, 24, 0, 0],
      },
    ],
  });
  return { name: `结业证书-${d.no}.pdf`, content, code };
}
