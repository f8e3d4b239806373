/**
 * The xAPI platforms a system administrator registered, listed (never their tokens) with what they sent, and a
 * platform revoked with a reason: its token is refused from then on; the 学时 it posted stay (a posting is
 * corrected by a reversal, not by revoking its source).
 */
import type { RevokeXapiPlatformRequest, XapiPlatform, XapiPlatformList } from '@yanxun/contracts';
import { idsOf } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import type { ExternalContext } from './context';

/** The platforms registered under the actor's `hours.platforms` subtrees, newest first. */
export async function listPlatforms(ctx: ExternalContext, actor: Actor): Promise<XapiPlatformList> {
  const scope = requirePermission(actor, 'hours.platforms');
  const rows = await ctx.repo.platformsUnder(scope);
  const unitIds = [...new Set(rows.map((r) => idsOf(r.org_path).at(-1) ?? ''))];
  const unitNames = new Map((await ctx.orgs.namesOf(unitIds)).map((o) => [o.id, o.name]));
  return {
    items: rows.map(
      (r): XapiPlatform => ({
        id: r.id,
        name: r.name,
        system: r.system,
        unitName: unitNames.get(idsOf(r.org_path).at(-1) ?? '') ?? null,
        createdAt: r.created_at.toISOString(),
        revokedAt: r.revoked_at?.toISOString() ?? null,
        revokedReason: r.revoked_at ? r.revoked_reason : null,
        statements: r.statements ?? 0,
        lastStatementAt: r.last_statement_at ? new Date(r.last_statement_at).toISOString() : null,
      }),
    ),
  };
}

/** Revoke a platform of the actor's subtree (out of it: not found); twice is a conflict. Audited. */
export async function revokePlatform(
  ctx: ExternalContext,
  actor: Actor,
  id: string,
  req: RevokeXapiPlatformRequest,
): Promise<XapiPlatformList> {
  const scope = requirePermission(actor, 'hours.platforms');
  const p = isId(id) ? await ctx.repo.platformById(id) : undefined;
  if (!p || !scope.some((root) => p.org_path.startsWith(root))) throw notFound('平台');
  if (p.revoked_at) throw new AppError('CONFLICT', '该平台已停用');
  await ctx.repo.revokePlatform(id, ctx.now(), req.reason);
  await ctx.audit.record(actor, {
    action: 'hours.platform.revoke',
    entity: 'xapi_platforms',
    entityId: id,
    details: { name: p.name, system: p.system, reason: req.reason },
  });
  return listPlatforms(ctx, actor);
}
