/** The certificate (结业证书) of a current completer: as a printable HTML page and as a PDF. */
import type { Certificate } from '@yanxun/contracts';
import { formatHours } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { dateOf } from '../../../shared/time';
import type { ClassRow } from '../../classes';
import type { OutcomesContext } from '../context';
import { loadClass, rowFilter } from '../outcome-access';
import { type CertificateData, certificateCodeOf, renderCertificate } from './certificate-pdf';
import type { CertificateRow } from './certificates.repository';

export function toCertificate(r: CertificateRow | undefined): Certificate | null {
  return r
    ? { certificateNo: r.certificate_no, issuedAt: r.issued_at.toISOString(), revoked: !!r.revoked_at }
    : null;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/** What a certificate says; only for a current completer, for themselves or staff who see their result. */
async function certificateData(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
  teacherId: string,
): Promise<CertificateData> {
  const c = await loadClass(ctx, classId);
  if (teacherId !== actor.teacherId) {
    const keep = rowFilter(actor, c);
    const att = keep && (await ctx.classes.attendanceSummary(c.id, teacherId)).rows[0];
    if (!keep || !att || !keep(att.orgPath)) throw notFound('结业证书');
  }
  const [summary, certs, res] = await Promise.all([
    ctx.classes.attendanceSummary(c.id, teacherId),
    ctx.repo.certificatesOfProgramme(c.programme_id, [teacherId]),
    ctx.repo.resultOf(c.id, teacherId),
  ]);
  const t = summary.rows[0];
  const cert = certs[0];
  if (!t || !cert || cert.revoked_at || cert.class_id !== c.id || !res?.completed) throw notFound('结业证书');
  return certificateFacts(c, cert, t, res.hours_tenths);
}

/** What a certificate states: its number, the teacher, the programme and class, the hours, the issuer and date. */
export function certificateFacts(
  c: ClassRow,
  cert: CertificateRow,
  t: { teacherName: string; schoolName: string },
  hoursTenths: number,
): CertificateData {
  return {
    countyId: cert.county_id,
    teacherId: cert.teacher_id,
    programmeId: c.programme_id,
    classId: c.id,
    hoursTenths,
    no: cert.certificate_no,
    teacherName: t.teacherName,
    schoolName: t.schoolName,
    programmeTitle: c.programme_title,
    body: `同志于 ${c.start_date} 至 ${c.end_date} 参加“${c.programme_title}”${c.name}，完成规定的培训学习和成果任务，经考核合格，准予结业，计 ${formatHours(hoursTenths)} 学时。`,
    issuer: c.provider_name,
    issuedOn: dateOf(cert.issued_at),
  };
}

/** A printable certificate (HTML) for the teacher or anyone who sees the class's results. */
export async function certificateHtml(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
  teacherId: string,
  origin: string,
): Promise<string> {
  const d = await certificateData(ctx, actor, classId, teacherId);
  const code = await certificateCodeOf(ctx, d, actor.accountId);
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
.code { position: absolute; left: 22mm; bottom: 16mm; font-size: 10pt; line-height: 1.6 }
.foot { position: absolute; right: 22mm; bottom: 16mm; text-align: right; font-size: 14pt; line-height: 1.8 }
@media screen { body { background: #eee } .sheet { margin: 10mm auto; background: #fff; box-shadow: 0 0 6px #999 } }
</style></head><body><div class="sheet"><div class="frame">
<div class="no">证书编号：${esc(d.no)}</div>
<h1>结业证书</h1>
<p><b>${esc(d.teacherName)}</b>（${esc(d.schoolName)}）${esc(d.body)}</p>
<p>特发此证。</p>
<div class="code">验证码：${esc(code)}<br>在 ${esc(origin)}/verify 核验</div>
<div class="foot">${esc(d.issuer)}<br>${esc(d.issuedOn)}</div>
</div></div></body></html>`;
}

/** The same certificate as a PDF (A4 landscape, Noto Sans SC) with its verification code and QR, and its file name. */
export async function certificatePdf(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
  teacherId: string,
  origin: string,
): Promise<{ name: string; content: Buffer }> {
  const d = await certificateData(ctx, actor, classId, teacherId);
  return renderCertificate(ctx, d, origin, actor.accountId);
}
