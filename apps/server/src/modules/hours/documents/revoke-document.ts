/**
 * Revoking an issued 学时证明 (Y-VERIFY-REVOKE): a bureau that may certify the teacher, with a reason; the code
 * stays and the public page says 已撤销 with the date. A certificate's code follows its certificate (the outcomes
 * module revokes both when a completion run finds the teacher no longer completing), so it is not revoked alone.
 */
import type { IssuedDocument, RevokeDocumentRequest } from '@yanxun/contracts';
import { formatVerificationCode, normaliseVerificationCode } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { HoursContext } from '../context';
import { toIssued } from './document-codes';
import { certifiable } from './issue-transcript';

export const REVOKE_RULE = 'Y-VERIFY-REVOKE';

export async function revokeDocument(
  ctx: HoursContext,
  actor: Actor,
  rawCode: string,
  req: RevokeDocumentRequest,
): Promise<IssuedDocument> {
  requirePermission(actor, 'hours.certify');
  const code = normaliseVerificationCode(rawCode);
  const row = code ? await ctx.docs.findByCode(code) : undefined;
  if (!row) throw notFound('证明文件');
  // a teacher out of the actor's scope: the code reads exactly like one never issued
  const { issuer } = await certifiable(ctx, actor, row.teacher_id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? notFound('证明文件') : err;
  });
  if (row.kind !== 'transcript')
    throw new AppError('CONFLICT', '结业证书的验证码随证书一同撤销（重新评定结业），不能单独撤销', {
      ruleId: REVOKE_RULE,
    });
  if (row.revoked_at) throw new AppError('CONFLICT', '该证明已撤销', { ruleId: REVOKE_RULE });
  const done = await ctx.db.transaction().execute(async (trx) => {
    const r = await ctx.docs.revoke(
      row.county_id,
      row.code,
      { by: actor.accountId, reason: req.reason, at: ctx.now() },
      trx,
    );
    if (!r) throw new AppError('CONFLICT', '该证明已撤销', { ruleId: REVOKE_RULE });
    await ctx.audit.record(
      actor,
      {
        action: 'hours.document_revoke',
        entity: 'teacher',
        entityId: row.teacher_id,
        orgId: issuer.orgId,
        details: { code: formatVerificationCode(row.code), kind: row.kind, reason: req.reason },
      },
      trx,
    );
    return r;
  });
  return toIssued(done);
}
