import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/types';

/** One notification as the bell shows it, wherever it is kept (to a teacher or to an account). */
export type NotificationRow = Pick<
  Selectable<DB['notifications']>,
  'id' | 'kind' | 'title' | 'body' | 'entity' | 'entity_id' | 'created_at' | 'read_at'
>;

/** What a notification says: its kind, a title, a body in plain Chinese, and the record it is about. */
export interface NotificationContent {
  kind: string;
  title: string;
  body: string;
  entity: string | null;
  entityId: string | null;
}

/** A notification to a teacher, kept under the teacher's region key. */
export interface NotificationWrite extends NotificationContent {
  countyId: string;
  teacherId: string;
}

/** Whose notifications a reader sees: their account's, and their teacher record's when they have one. */
export interface Recipient {
  accountId: string;
  teacherId: string | null;
}

const COLUMNS = ['id', 'kind', 'title', 'body', 'entity', 'entity_id', 'created_at', 'read_at'] as const;

export function createNotificationsRepository(db: Database) {
  /** Both stores of a reader as one list (ids are unique across them: one sequence). */
  const mine = (to: Recipient, unreadOnly: boolean) => {
    let toAccount = db
      .selectFrom('account_notifications')
      .select(COLUMNS)
      .where('account_id', '=', to.accountId);
    if (unreadOnly) toAccount = toAccount.where('read_at', 'is', null);
    if (to.teacherId === null) return toAccount;
    let toTeacher = db.selectFrom('notifications').select(COLUMNS).where('teacher_id', '=', to.teacherId);
    if (unreadOnly) toTeacher = toTeacher.where('read_at', 'is', null);
    return toAccount.unionAll(toTeacher);
  };

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

    /**
     * One notification to each teacher, skipping a teacher who has had one of the same kind since `since`; written
     * as of `at`. The teacher ids written.
     */
    async insertForTeachersOnce(
      ws: NotificationWrite[],
      w: { since: Date; at: Date },
      trx: Database = db,
    ): Promise<string[]> {
      if (ws.length === 0) return [];
      const col = <T>(f: (w: NotificationWrite) => T) => ws.map(f);
      const r = await sql<{ teacher_id: string }>`
        INSERT INTO notifications (county_id, teacher_id, kind, title, body, entity, entity_id, created_at)
        SELECT w.county_id, w.teacher_id, w.kind, w.title, w.body, w.entity, w.entity_id, ${w.at}::timestamptz
        FROM unnest(${col((w) => w.countyId)}::bigint[], ${col((w) => w.teacherId)}::bigint[],
          ${col((w) => w.kind)}::text[], ${col((w) => w.title)}::text[], ${col((w) => w.body)}::text[],
          ${col((w) => w.entity)}::text[], ${col((w) => w.entityId)}::text[])
          AS w(county_id, teacher_id, kind, title, body, entity, entity_id)
        WHERE NOT EXISTS (SELECT 1 FROM notifications n
          WHERE n.teacher_id = w.teacher_id AND n.kind = w.kind AND n.created_at >= ${w.since}::timestamptz)
        RETURNING teacher_id::text`.execute(trx);
      return r.rows.map((x) => x.teacher_id);
    },

    /** The same notification to each of these accounts, one row each; their ids. */
    async insertForAccounts(
      accountIds: string[],
      w: NotificationContent,
      trx: Database = db,
    ): Promise<string[]> {
      if (accountIds.length === 0) return [];
      const rows = await trx
        .insertInto('account_notifications')
        .values(
          accountIds.map((accountId) => ({
            account_id: accountId,
            kind: w.kind,
            title: w.title,
            body: w.body,
            entity: w.entity,
            entity_id: w.entityId,
          })),
        )
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    /** The reader's newest notifications first. */
    list(to: Recipient, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
      return db
        .selectFrom(mine(to, unreadOnly).as('n'))
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    async unreadCount(to: Recipient): Promise<number> {
      const r = await db
        .selectFrom(mine(to, true).as('n'))
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Mark one of the reader's notifications read; undefined when it is not theirs. */
    async markRead(to: Recipient, id: string): Promise<NotificationRow | undefined> {
      const own = await db
        .updateTable('account_notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', id)
        .where('account_id', '=', to.accountId)
        .returning(COLUMNS)
        .executeTakeFirst();
      if (own || to.teacherId === null) return own;
      return db
        .updateTable('notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', id)
        .where('teacher_id', '=', to.teacherId)
        .returning(COLUMNS)
        .executeTakeFirst();
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
