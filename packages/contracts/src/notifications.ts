import { z } from 'zod';

/** One sentence of a notification as a code and its values (names, dates, numbers), for the page to word. */
const notificationSentenceSchema = z.object({ code: z.string(), values: z.record(z.string(), z.string()) });

/**
 * What a notification says as codes and values: `code` names the title and body together (a kind's variant,
 * e.g. plan.approved.comment), `parts` the parts of a body made of several (a 学时 reminder's). Null when its
 * stored text is not one the server can read back: the page shows the Chinese title and body.
 */
export const notificationWordsSchema = notificationSentenceSchema.extend({
  parts: z.array(notificationSentenceSchema),
});
export type NotificationWords = z.infer<typeof notificationWordsSchema>;

/** A notification to a teacher (an integrity record made about them, an appeal decided …). */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  words: notificationWordsSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  unreadOnly: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
