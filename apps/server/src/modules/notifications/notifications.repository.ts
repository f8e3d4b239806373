import { sql } from 'kysely';
import type { Database } from '../../db/database';

export interface NotificationRow {
  county_id: string;
  id: string;
  teacher_id: string;
  kind: string;
  title: string;
  body: string;
  entity: string | null;
  entity_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationWrite {
  countyId: string;
  teacherId: string;
  kind: string;
  title: string;
  body: string;
  entity: string | null;
  entityId: string | null;
}

export function createNotificationsRepository(db: Database) {
  return {
    async insert(w: NotificationWrite, trx: Database = db): Promise<string> {
      const r = await trx
        .insertInto('notifications')
        .values({
          county_id: w.countyId,
          teacher_id: w.teacherId,
          kind: w.kind,
          title: w.title,
          body: w.body,
          entity: w.entity,
          entity_id: w.entityId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    listForTeacher(teacherId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
      let q = db.selectFrom('notifications').selectAll().where('teacher_id', '=', teacherId);
      if (unreadOnly) q = q.where('read_at', 'is', null);
      return q.orderBy('id', 'desc').limit(limit).execute();
    },

    async unreadCount(teacherId: string): Promise<number> {
      const r = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('teacher_id', '=', teacherId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Mark one of the teacher's notifications read; undefined when it is not theirs. */
    async markRead(teacherId: string, id: string): Promise<NotificationRow | undefined> {
      return db
        .updateTable('notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', id)
        .where('teacher_id', '=', teacherId)
        .returningAll()
        .executeTakeFirst();
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
