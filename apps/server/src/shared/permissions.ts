import type { Role } from '@yanxun/contracts';
import type { Actor } from './actor';
import { AppError } from './app-error';

/**
 * Who may do what, declaratively. A permission is granted by holding one of these roles on an org node,
 * and reaches that node's subtree only.
 */
export const PERMISSIONS = {
  'org.read': [
    'system_admin',
    'bureau_admin',
    'tdc_staff',
    'school_admin',
    'provider_staff',
    'trainer',
    'evaluator',
  ],
  'org.write': ['system_admin', 'bureau_admin'],
  'teacher.read': ['system_admin', 'bureau_admin', 'tdc_staff', 'school_admin'],
  'teacher.write': ['system_admin', 'bureau_admin', 'school_admin'],
  'teacher.reveal_id': ['system_admin', 'bureau_admin', 'school_admin'],
  'import.schools': ['system_admin', 'bureau_admin'],
  'import.teachers': ['system_admin', 'bureau_admin', 'school_admin'],
  'audit.read': ['system_admin', 'bureau_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The org paths (subtree roots) where the actor holds the permission. Empty → no access anywhere. */
export function scopeOf(actor: Actor, permission: Permission): string[] {
  const roles: readonly Role[] = PERMISSIONS[permission];
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
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
