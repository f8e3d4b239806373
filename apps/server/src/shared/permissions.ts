import { PERMISSIONS, type Permission, type Role } from '@yanxun/contracts';
import type { Actor } from './actor';
import { AppError } from './app-error';

export { PERMISSIONS, type Permission } from '@yanxun/contracts';

/** The org paths (subtree roots) where the actor holds the permission. Empty → no access anywhere. */
export function scopeOf(actor: Actor, permission: Permission): string[] {
  const roles: readonly Role[] = PERMISSIONS[permission];
  // one root per node, however many of the actor's roles on it carry the permission
  const paths = [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath))];
  // drop paths already covered by a shorter one
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function can(actor: Actor, permission: Permission, orgPath: string): boolean {
  return scopeOf(actor, permission).some((root) => orgPath.startsWith(root));
}

export function requirePermission(actor: Actor, permission: Permission, orgPath?: string): string[] {
  const scope = scopeOf(actor, permission);
  if (scope.length === 0) throw new AppError('FORBIDDEN', '您的角色无权执行此操作', { permission });
  if (orgPath !== undefined && !scope.some((root) => orgPath.startsWith(root))) {
    throw new AppError('FORBIDDEN', '该数据不在您的管辖范围内', { permission });
  }
  return scope;
}
