/**
 * A certificate of honour (荣誉证书) as PDF (A4 landscape, Noto Sans SC through shared/pdf.ts, like a 结业证书): its
 * number, the awardee and the honour, the issuer and date, and its verification code with a QR to the public page.
 * All of a selection's standing certificates at once as a zip, for its owner. A revoked certificate is no longer
 * served (409 with the day it was revoked): the paper it would print is no longer true.
 */
import type { Readable } from 'node:stream';
import { formatVerificationCode } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { renderCertificatePage } from '../../shared/certificate-pdf';
import { dateOf } from '../../shared/time';
import { zipStream } from '../../shared/zip';
import { loadSelection, type SelectionsContext } from './selection-access';
import type { HonourRow } from './selections.repository';

export async function renderHonour(h: HonourRow, origin: string): Promise<Buffer> {
  return renderCertificatePage({
    no: h.certificate_no,
    heading: '荣 誉 证 书',
    title: `荣誉证书 ${h.certificate_no}`,
    subject: h.title,
    body: [
      {
        runs: [
          { text: h.unit_name ? `${h.holder_name}（${h.unit_name}）` : h.holder_name, bold: true },
          '：',
        ],
        indent: false,
      },
      {
        runs: [
          '在',
          `${h.year} 年度评优评先中，被评为 `,
          { text: h.title.replace(/^\d+年度/, ''), bold: true },
          '。',
        ],
      },
    ],
    closing: '特发此证，以资鼓励。',
    issuer: h.issuer_name,
    issuedOn: h.issued_on,
    code: formatVerificationCode(h.code),
    origin,
  });
}

/** One awardee's certificate, for the selection's owner. */
export async function honourPdf(
  ctx: SelectionsContext,
  actor: Actor,
  selectionId: string,
  honourId: string,
  origin: string,
): Promise<{ name: string; content: Buffer }> {
  const s = await loadSelection(ctx, actor, selectionId);
  const h = (await ctx.selections.honoursOf(s)).find((x) => x.id === honourId);
  if (!h) throw notFound('荣誉证书');
  if (h.revoked_at) {
    const revokedOn = dateOf(h.revoked_at);
    throw new AppError('CONFLICT', `荣誉证书 ${h.certificate_no} 已于 ${revokedOn} 撤销，不再提供证书文件`, {
      revokedOn,
      ruleId: 'Y-EVAL-HONOUR-REVOKE',
    });
  }
  return {
    name: `荣誉证书-${h.certificate_no}-${h.holder_name}.pdf`,
    content: await renderHonour(h, origin),
  };
}

/** Every certificate of a published selection as a zip, rendered as the archive reaches each. */
export async function honoursZip(
  ctx: SelectionsContext,
  actor: Actor,
  selectionId: string,
  origin: string,
): Promise<{ name: string; stream: Readable; count: number }> {
  const s = await loadSelection(ctx, actor, selectionId);
  const issued = await ctx.selections.honoursOf(s);
  if (issued.length === 0)
    throw new AppError('CONFLICT', `「${s.name}」尚未发布，还没有荣誉证书`, {
      status: s.status,
      ruleId: 'R3-G18',
    });
  const honours = issued.filter((h) => !h.revoked_at);
  if (honours.length === 0)
    throw new AppError('CONFLICT', `「${s.name}」的荣誉证书均已撤销，没有可下载的证书`, {
      revoked: issued.length,
      ruleId: 'Y-EVAL-HONOUR-REVOKE',
    });
  const stream = zipStream(
    (async function* () {
      for (const h of honours)
        yield { name: `${h.certificate_no}-${h.holder_name}.pdf`, content: await renderHonour(h, origin) };
    })(),
  );
  return { name: `荣誉证书-${s.name}.zip`, stream, count: honours.length };
}
