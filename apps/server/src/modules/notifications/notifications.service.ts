import type { Notification, NotificationList, NotificationListQuery } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import {
  createNotificationsRepository,
  type NotificationRow,
  type NotificationWrite,
} from './notifications.repository';

function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    entity: r.entity,
    entityId: r.entity_id,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

/** The signed-in teacher, or 403 for accounts that are not a teacher's. */
function teacherOf(actor: Actor): string {
  if (!actor.teacherId) throw forbidden('只有教师本人可以查看个人消息');
  return actor.teacherId;
}

/**
 * Notifications to teachers. Other modules notify through `notifyTeacher` (inside their own transaction);
 * a teacher lists and marks read only their own.
 */
export function createNotificationsService(deps: { db: Database }) {
  const repo = createNotificationsRepository(deps.db);
  return {
    /** Pass the transaction as `trx` so the notification commits with the write it reports. */
    async notifyTeacher(w: NotificationWrite, trx?: Database): Promise<string> {
      return repo.insert(w, trx);
    },

    async listMine(actor: Actor, query: NotificationListQuery): Promise<NotificationList> {
      const teacherId = teacherOf(actor);
      const [rows, unread] = await Promise.all([
        repo.listForTeacher(teacherId, query.unreadOnly ?? false, query.limit),
        repo.unreadCount(teacherId),
      ]);
      return { items: rows.map(toNotification), unread };
    },

    async markRead(actor: Actor, id: string): Promise<Notification> {
      const teacherId = teacherOf(actor);
      const row = isId(id) ? await repo.markRead(teacherId, id) : undefined;
      if (!row) throw notFound('消息');
      return toNotification(row);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
