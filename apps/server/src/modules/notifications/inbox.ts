/** The signed-in account's notifications: its own and, for a teacher's account, the teacher's. */
import type { Notification, NotificationList, NotificationListQuery } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import type { NotificationsContext } from './context';
import { notificationWords } from './notification-words';
import type { NotificationRow, Recipient } from './notifications.repository';

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
    words: notificationWords(r.kind, r.title, r.body),
  };
}

/** Every signed-in account has an inbox; a teacher's account also reads what was addressed to the teacher. */
function recipientOf(actor: Actor): Recipient {
  return { accountId: actor.accountId, teacherId: actor.teacherId };
}

export async function listMine(
  ctx: NotificationsContext,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const to = recipientOf(actor);
  const [rows, unread] = await Promise.all([
    ctx.repo.list(to, query.unreadOnly ?? false, query.limit),
    ctx.repo.unreadCount(to),
  ]);
  return { items: rows.map(toNotification), unread };
}

/** Mark one read; another reader's notification reads as not found. */
export async function markRead(ctx: NotificationsContext, actor: Actor, id: string): Promise<Notification> {
  const row = isId(id) ? await ctx.repo.markRead(recipientOf(actor), id) : undefined;
  if (!row) throw notFound('消息');
  return toNotification(row);
}
