import { notificationListQuerySchema, notificationListSchema, notificationSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { NotificationsService } from './notifications.service';

const tags = ['notifications'];

export function notificationsRoutes(notifications: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/notifications',
      {
        schema: {
          tags,
          summary:
            "我的消息 My notifications (the account's own and, for a teacher's account, the teacher's)",
          querystring: notificationListQuerySchema,
          response: { 200: notificationListSchema },
        },
      },
      async (req) => notifications.listMine(actorOf(req), req.query),
    );
    app.post(
      '/me/notifications/:id/read',
      {
        schema: {
          tags,
          summary: '标为已读 Mark read',
          params: z.object({ id: z.string().max(20) }),
          response: { 200: notificationSchema },
        },
      },
      async (req) => notifications.markRead(actorOf(req), req.params.id),
    );
  };
}
