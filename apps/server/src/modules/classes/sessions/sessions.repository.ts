import type { Selectable } from 'kysely';
import type { Database } from '../../../db/database';
import type { ClassSessionsTable } from '../../../db/types';

/** One session of a class's timetable. */
export type SessionRow = Selectable<ClassSessionsTable>;

export interface SessionWrite {
  classId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  title: string;
  mode: string;
  location: string;
}

/** The timetable (class_sessions). */
export function createSessionsRepository(db: Database) {
  return {
    listSessions(classId: string): Promise<SessionRow[]> {
      return db
        .selectFrom('class_sessions')
        .selectAll()
        .where('class_id', '=', classId)
        .orderBy('session_date')
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
    },

    findSession(id: string): Promise<SessionRow | undefined> {
      return db.selectFrom('class_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertSession(w: SessionWrite, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('class_sessions')
        .values({
          class_id: w.classId,
          session_date: w.date,
          starts_at: w.startsAt,
          ends_at: w.endsAt,
          title: w.title,
          mode: w.mode,
          location: w.location,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
  };
}
