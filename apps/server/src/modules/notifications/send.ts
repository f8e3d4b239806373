/**
 * Writing notifications, for other modules, inside their own transaction (pass it as `trx`, so the notification
 * commits with the write it reports): to a teacher, or to the staff of an org who hold a permission there (the
 * office owning a programme, a provider).
 */
import type { Database } from '../../db/database';
import { PERMISSIONS, type Permission } from '../../shared/permissions';
import type { NotificationsContext } from './context';
import type { NotificationContent, NotificationWrite } from './notifications.repository';

export function notifyTeacher(
  ctx: NotificationsContext,
  w: NotificationWrite,
  trx?: Database,
): Promise<string> {
  return ctx.repo.insert(w, trx);
}

/**
 * The same notification to every account holding `permission` on exactly `orgId` through one of its roles (a
 * plan submitted: `plan.review` on the programme's owner; a shortlist returned: `shortlist.select` on the
 * provider). Accounts above the org are not told: the org's own staff act on it. Returns the ids written.
 */
export async function notifyOrg(
  ctx: NotificationsContext,
  to: { orgId: string; permission: Permission },
  w: NotificationContent,
  trx?: Database,
): Promise<string[]> {
  if (!ctx.accounts) throw new Error('notifications: built without the accounts port, cannot notify an org');
  const accounts = await ctx.accounts.holding(PERMISSIONS[to.permission], to.orgId, trx);
  return ctx.repo.insertForAccounts(accounts, w, trx);
}
