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
import { renderPdf } from '../../shared/pdf';
import { dateOf } from '../../shared/time';
import { zipStream } from '../../shared/zip';
import { loadSelection, type SelectionsContext } from './selection-access';
import type { HonourRow } from './selections.repository';

const INK = '#3a2a12';
const GOLD = '#a8802c';

export async function renderHonour(h: HonourRow, origin: string): Promise<Buffer> {
  const code = formatVerificationCode(h.code);
  const url = `${origin}/verify/${code}`;
  const who = h.unit_name ? `${h.holder_name}（${h.unit_name}）` : h.holder_name;
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 60],
    info: { title: `荣誉证书 ${h.certificate_no}`, subject: h.title },
    background: (_page: number, size: { width: number; height: number }) => ({
      canvas: [
        {
          type: 'rect',
          x: 28,
          y: 28,
          w: size.width - 56,
          h: size.height - 56,
          lineWidth: 3,
          lineColor: GOLD,
        },
        {
          type: 'rect',
          x: 36,
          y: 36,
          w: size.width - 72,
          h: size.height - 72,
          lineWidth: 1,
          lineColor: GOLD,
        },
      ],
    }),
    content: [
      { text: `证书编号：${h.certificate_no}`, alignment: 'right', fontSize: 10, color: INK },
      {
        text: '荣 誉 证 书',
        alignment: 'center',
        fontSize: 36,
        bold: true,
        color: '#8a1f11',
        margin: [0, 16, 0, 28],
      },
      {
        text: [{ text: who, bold: true }, '：'],
        fontSize: 16,
        lineHeight: 1.8,
        color: INK,
      },
      {
        text: [
          '在',
          `${h.year} 年度评优评先中，被评为 `,
          { text: h.title.replace(/^\d+年度/, ''), bold: true },
          '。',
        ],
        fontSize: 16,
        lineHeight: 1.8,
        leadingIndent: 32,
        color: INK,
      },
      { text: '特发此证，以资鼓励。', fontSize: 16, leadingIndent: 32, margin: [0, 8, 0, 0], color: INK },
      {
        columns: [
          { width: 72, qr: url, fit: 72, margin: [0, 4, 0, 0] },
          {
            width: '*',
            margin: [10, 8, 0, 0],
            fontSize: 9,
            color: INK,
            text: [`扫码或访问 ${origin}/verify 核验\n`, { text: `验证码：${code}`, bold: true }],
          },
          {
            width: 260,
            text: `${h.issuer_name}\n${h.issued_on}`,
            alignment: 'right',
            fontSize: 14,
            lineHeight: 1.6,
            margin: [0, 16, 0, 0],
            color: INK,
          },
        ],
        margin: [0, 24, 0, 0],
      },
    ],
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
