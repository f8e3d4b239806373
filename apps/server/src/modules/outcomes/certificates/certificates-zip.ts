/**
 * Bulk issue per class (Y-VERIFY-BULK): for the class's managers (those who run its completion), one zip with
 * the certificate PDF of every teacher the class's completion found completed and whose certificate stands. The
 * zip is streamed: each PDF is rendered (and its code created on first print) as the archive reaches it.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { zipStream } from '../../../shared/zip';
import type { OutcomesContext } from '../context';
import { canRun, loadClass, rowFilter } from '../outcome-access';
import { certificateFacts } from './certificate';
import { type CertificateData, renderCertificate } from './certificate-pdf';

/** The certificates a class's bulk issue holds: completed teachers with a standing certificate of this class. */
async function classCertificates(ctx: OutcomesContext, actor: Actor, classId: string) {
  const c = await loadClass(ctx, classId);
  if (!rowFilter(actor, c)) throw notFound('培训班');
  if (!canRun(actor, c)) throw forbidden('只有承训机构或项目主管部门可以批量出具结业证书');
  const [certs, results, summary] = await Promise.all([
    ctx.repo.certificatesOfClass(c.id),
    ctx.repo.resultsOfClass(c.id),
    ctx.classes.attendanceSummary(c.id),
  ]);
  const completed = new Map(results.filter((r) => r.completed).map((r) => [r.teacher_id, r]));
  const people = new Map(summary.rows.map((t) => [t.teacherId, t]));
  const out: CertificateData[] = [];
  for (const cert of certs.sort((a, b) => a.seq - b.seq)) {
    const res = completed.get(cert.teacher_id);
    const t = people.get(cert.teacher_id);
    if (cert.revoked_at || !res || !t) continue;
    out.push(certificateFacts(c, cert, t, res.hours_tenths));
  }
  if (out.length === 0) throw new AppError('CONFLICT', '该班还没有结业的学员，没有可出具的结业证书');
  return { c, out };
}

export async function certificatesZip(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
  origin: string,
): Promise<{ name: string; stream: Readable; count: number }> {
  const { c, out } = await classCertificates(ctx, actor, classId);
  await ctx.audit.record(actor, {
    action: 'certificate.bulk_issue',
    entity: 'class',
    entityId: c.id,
    details: { count: out.length, certificateNos: out.map((d) => d.no) },
  });
  const stream = zipStream(
    (async function* () {
      for (const d of out) {
        const f = await renderCertificate(ctx, d, origin, actor.accountId);
        yield { name: `${d.no}-${d.teacherName}.pdf`, content: f.content };
      }
    })(),
  );
  return { name: `结业证书-${c.programme_title}-${c.name}.zip`, stream, count: out.length };
}
