/**
 * A 结业证书 as PDF (A4 landscape, Noto Sans SC): its number, the text, the issuer and date, and its verification
 * code with a QR to the public page (Y-VERIFY-CERT). The code is the certificate's standing one (the hours
 * module's documents), created with these facts on its first print and the same on every later print.
 */
import { formatVerificationCode } from '@yanxun/core';
import { renderCertificatePage } from '../../../shared/certificate-pdf';
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
  const content = await renderCertificatePage({
    no: d.no,
    heading: '结 业 证 书',
    title: `结业证书 ${d.no}`,
    subject: d.programmeTitle,
    body: [{ runs: [{ text: d.teacherName, bold: true }, `（${d.schoolName}）${d.body}`] }],
    closing: '特发此证。',
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    code,
    origin,
  });
  return { name: `结业证书-${d.no}.pdf`, content, code };
}
