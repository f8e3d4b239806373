import type { NotificationListQuery } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { Permission } from '../../shared/permissions';
import type { NotificationsContext } from './context';
import { listMine, markRead } from './inbox';
import {
  createNotificationsRepository,
  type NotificationContent,
  type NotificationWrite,
} from './notifications.repository';
import type { AccountsPort } from './ports';
import { notifyOrg, notifyTeacher } from './send';

export interface NotificationsDeps {
  db: Database;
  /** accounts holding a role on an org (the auth module); needed to notify an org */
  accounts?: AccountsPort;
}

/**
 * Notifications: other modules write them in their own transaction, to a teacher (`notifyTeacher`) or to the
 * staff of an org (`notifyOrg`); every signed-in account lists and marks read its own.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const ctx: NotificationsContext = {
    db: deps.db,
    repo: createNotificationsRepository(deps.db),
    accounts: deps.accounts,
  };
  return {
    notifyTeacher: (w: NotificationWrite, trx?: Database) => notifyTeacher(ctx, w, trx),
    /** One notification to each teacher, but none to a teacher told of the same kind since `w.since`. */
    notifyTeachersOnce: (ws: NotificationWrite[], w: { since: Date; at: Date }, trx?: Database) =>
      ctx.repo.insertForTeachersOnce(ws, w, trx),
    notifyOrg: (to: { orgId: string; permission: Permission }, w: NotificationContent, trx?: Database) =>
      notifyOrg(ctx, to, w, trx),
    listMine: (actor: Actor, query: NotificationListQuery) => listMine(ctx, actor, query),
    markRead: (actor: Actor, id: string) => markRead(ctx, actor, id),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
