/** Who sees and manages a class, and loading one for an actor: shared by every area of the module. */
import type { Actor } from '../../shared/actor';
import { forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, type Permission, requirePermission, scopeOf } from '../../shared/permissions';
import type { ClassRow } from './classes.repository';
import type { ClassesContext } from './context';

/** Inside the actor's scope of `permission`, or above it (a province's programme reaches its counties). */
export function related(actor: Actor, permission: Permission, path: string): boolean {
  return scopeOf(actor, permission).some((root) => root.startsWith(path) || path.startsWith(root));
}

/** Provider staff on the class's provider org, or a bureau admin over the programme's owner. */
export function canManage(actor: Actor, c: ClassRow): boolean {
  return can(actor, 'class.manage', c.provider_path) || can(actor, 'program.manage', c.owner_path);
}

/** Sees every trainee of the class (not only those of their own region). */
function seesAll(actor: Actor, c: ClassRow): boolean {
  return (
    canManage(actor, c) ||
    can(actor, 'class.read', c.provider_path) ||
    can(actor, 'program.read', c.owner_path)
  );
}

export function visible(actor: Actor, c: ClassRow): boolean {
  return seesAll(actor, c) || related(actor, 'program.read', c.owner_path);
}

/** Trainees the actor may see: all, or those under the actor's own bureau scope (a county sees its own). */
export function traineeFilter(actor: Actor, c: ClassRow): (orgPath: string) => boolean {
  if (seesAll(actor, c)) return () => true;
  const roots = scopeOf(actor, 'program.read');
  return (p) => roots.some((r) => p.startsWith(r));
}

/** A class the actor may read; not found otherwise. */
export async function loadClass(ctx: ClassesContext, actor: Actor, id: string): Promise<ClassRow> {
  requirePermission(actor, 'class.read');
  const c = isId(id) ? await ctx.repo.findClass(id) : undefined;
  if (!c || !visible(actor, c)) throw notFound('培训班');
  return c;
}

/** A class the actor may manage; forbidden when they only read it. */
export async function loadManaged(ctx: ClassesContext, actor: Actor, id: string): Promise<ClassRow> {
  const c = await loadClass(ctx, actor, id);
  if (!canManage(actor, c)) throw forbidden('只有承训机构或项目主管部门可以管理该班');
  return c;
}
