import { sql } from 'kysely';
import { appSecret } from '../../db/app-secrets';
import type { Database } from '../../db/database';
import { batched } from '../../shared/batch';
import { inSubtrees, subtreeRange } from '../../shared/subtree';

interface CheckinRow {
  classId: string;
  teacherId: string;
  slot: string;
  method: 'qr' | 'code' | 'staff';
  recordedBy: string | null;
}

export interface ClassRow {
  id: string;
  programme_id: string;
  programme_title: string;
  pack_id: string;
  name: string;
  period_no: number;
  start_date: string;
  end_date: string;
  venue: string;
  provider_org_id: string;
  provider_name: string;
  provider_path: string;
  owner_path: string;
  dates_reported_on: string;
  enrolled: number;
}

export interface ClassWrite {
  programmeId: string;
  name: string;
  periodNo: number;
  startDate: string;
  endDate: string;
  venue: string;
  providerOrgId: string;
  providerPath: string;
  ownerPath: string;
  datesReportedOn: string;
  createdBy: string | null;
}

export interface SessionRow {
  id: string;
  class_id: string;
  session_date: string;
  starts_at: string;
  ends_at: string;
  title: string;
  mode: string;
  location: string;
}

export interface DocumentRow {
  id: string;
  class_id: string;
  kind: string;
  item: string;
  title: string;
  submitted_on: string;
}

export interface EnrolmentRow {
  county_id: string;
  teacher_id: string;
  teacher_name: string;
  name_pinyin: string;
  school_name: string;
  org_path: string;
}

export interface LeaveRow {
  county_id: string;
  id: string;
  class_id: string;
  session_id: string;
  session_title: string;
  session_date: string;
  teacher_id: string;
  teacher_name: string;
  org_path: string;
  reason: string;
  status: string;
  decision_note: string | null;
  created_at: Date;
}

function classQuery(db: Database) {
  return db
    .selectFrom('classes as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('orgs as o', 'o.id', 'c.provider_org_id')
    .select((eb) => [
      'c.id',
      'c.programme_id',
      'p.title as programme_title',
      'p.pack_id',
      'c.name',
      'c.period_no',
      'c.start_date',
      'c.end_date',
      'c.venue',
      'c.provider_org_id',
      'o.name as provider_name',
      'c.provider_path',
      'c.owner_path',
      'c.dates_reported_on',
      eb
        .selectFrom('class_enrolments as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .as('enrolled'),
    ]);
}

/** '/1/5/23/' → ['/1/', '/1/5/'] (the ancestors' paths). */
function prefixesOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * A nomination that is no longer `selected` (withdrawn, or replaced by 替训) leaves every class it was placed in:
 * its enrolment rows are deleted (attendance already recorded stays as history). Called by the programs service
 * inside its withdraw/substitute transaction, after it has locked the nomination. Returns the class ids left.
 */
export async function removeEnrolmentsOfNomination(
  trx: Database,
  countyId: string,
  nominationId: string,
): Promise<string[]> {
  const rows = await trx
    .deleteFrom('class_enrolments')
    .where('county_id', '=', countyId)
    .where('nomination_id', '=', nominationId)
    .returning('class_id')
    .execute();
  return rows.map((r) => String(r.class_id));
}

export function createClassesRepository(db: Database) {
  const checkinBatched = batched<CheckinRow, Date | undefined>(async (rows) => {
    const r = await sql<{ class_id: string; teacher_id: string; slot: string; checked_at: Date }>`
      INSERT INTO attendance (county_id, class_id, slot, teacher_id, method, recorded_by)
      SELECT e.county_id, e.class_id, x.slot, e.teacher_id, x.method, x.recorded_by
      FROM unnest(${rows.map((x) => x.classId)}::bigint[], ${rows.map((x) => x.teacherId)}::bigint[],
                  ${rows.map((x) => x.slot)}::text[], ${rows.map((x) => x.method)}::text[],
                  ${rows.map((x) => x.recordedBy)}::bigint[])
             WITH ORDINALITY AS x (class_id, teacher_id, slot, method, recorded_by, n)
      JOIN class_enrolments e ON e.class_id = x.class_id AND e.teacher_id = x.teacher_id
      ORDER BY x.n
      ON CONFLICT DO NOTHING
      RETURNING class_id::text, teacher_id::text, slot, checked_at`.execute(db);
    const written = new Map(r.rows.map((w) => [`${w.class_id}/${w.teacher_id}/${w.slot}`, w.checked_at]));
    return rows.map((x) => {
      const key = `${x.classId}/${x.teacherId}/${x.slot}`;
      const at = written.get(key);
      written.delete(key); // a second call for the same slot in this batch was not the one that wrote it
      return at;
    });
  });

  return {
    /** The deployment's key `name` (app_secrets), made on first use. */
    secret(name: string): Promise<Buffer> {
      return appSecret(db, name);
    },

    /** Every training provider (orgs of kind 'provider'): the choice when opening a class. */
    providers() {
      return db
        .selectFrom('orgs')
        .select(['id', 'name'])
        .where('kind', '=', 'provider')
        .orderBy('name')
        .execute();
    },

    findOrg(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'path', 'name', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    // --------------------------------------------------------------------------------------------- classes

    async findClass(id: string, trx: Database = db): Promise<ClassRow | undefined> {
      const r = await classQuery(trx).where('c.id', '=', id).executeTakeFirst();
      return r ? { ...r, enrolled: Number(r.enrolled ?? 0) } : undefined;
    },

    /**
     * Classes whose programme owner lies in the roots or above one of them, or whose provider lies in the
     * provider roots.
     */
    async listClasses(f: {
      ownerRoots: string[];
      providerRoots: string[];
      programmeId?: string | undefined;
      limit: number;
    }): Promise<ClassRow[]> {
      const ancestors = [...new Set(f.ownerRoots.flatMap(prefixesOf))];
      let q = classQuery(db).where((eb) =>
        eb.or([
          inSubtrees(eb, 'c.owner_path', f.ownerRoots),
          ancestors.length ? eb('c.owner_path', 'in', ancestors) : eb.val(false),
          inSubtrees(eb, 'c.provider_path', f.providerRoots),
        ]),
      );
      if (f.programmeId) q = q.where('c.programme_id', '=', f.programmeId);
      const rows = await q.orderBy('c.start_date', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
      return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0) }));
    },

    async insertClass(w: ClassWrite, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('classes')
        .values({
          programme_id: w.programmeId,
          name: w.name,
          period_no: w.periodNo,
          start_date: w.startDate,
          end_date: w.endDate,
          venue: w.venue,
          provider_org_id: w.providerOrgId,
          provider_path: w.providerPath,
          owner_path: w.ownerPath,
          dates_reported_on: w.datesReportedOn,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateClass(
      id: string,
      w: { name: string; startDate: string; endDate: string; venue: string },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('classes')
        .set({
          name: w.name,
          start_date: w.startDate,
          end_date: w.endDate,
          venue: w.venue,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },

    // -------------------------------------------------------------------------------------------- sessions

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

    async insertSession(
      w: {
        classId: string;
        date: string;
        startsAt: string;
        endsAt: string;
        title: string;
        mode: string;
        location: string;
      },
      trx: Database,
    ): Promise<string> {
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

    // ------------------------------------------------------------------------------------------- documents

    listDocuments(classIds: string[]): Promise<DocumentRow[]> {
      if (classIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('class_documents')
        .select(['id', 'class_id', 'kind', 'item', 'title', 'submitted_on'])
        .where('class_id', 'in', classIds)
        .orderBy('submitted_on')
        .orderBy('id')
        .execute();
    },

    /** 工作简报 of every class a provider runs in a programme, and the last end date of those classes (R-004-14). */
    async providerBulletins(
      programmeId: string | null,
      providerOrgId: string,
    ): Promise<{ dates: string[]; lastEnd: string | null }> {
      let docs = db
        .selectFrom('class_documents as d')
        .innerJoin('classes as c', 'c.id', 'd.class_id')
        .select('d.submitted_on')
        .where('c.provider_org_id', '=', providerOrgId)
        .where('d.kind', '=', 'bulletin');
      let end = db
        .selectFrom('classes')
        .select((eb) => eb.fn.max('end_date').as('last_end'))
        .where('provider_org_id', '=', providerOrgId);
      if (programmeId !== null) {
        docs = docs.where('c.programme_id', '=', programmeId);
        end = end.where('programme_id', '=', programmeId);
      }
      const [rows, last] = await Promise.all([docs.execute(), end.executeTakeFirst()]);
      return { dates: rows.map((d) => d.submitted_on), lastEnd: (last?.last_end as string | null) ?? null };
    },

    async insertDocument(
      w: {
        classId: string;
        kind: string;
        item: string;
        title: string;
        submittedOn: string;
        createdBy: string;
      },
      trx: Database,
    ): Promise<string> {
      const r = await trx
        .insertInto('class_documents')
        .values({
          class_id: w.classId,
          kind: w.kind,
          item: w.item,
          title: w.title,
          submitted_on: w.submittedOn,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    // ------------------------------------------------------------------------------------------ enrolments

    /** Place teachers; a teacher already in a class of the programme is skipped. Returns who was placed. */
    async enrol(
      rows: Array<{ countyId: string; teacherId: string; nominationId: string; orgPath: string }>,
      classId: string,
      programmeId: string,
      trx: Database,
    ): Promise<string[]> {
      if (rows.length === 0) return [];
      const r = await sql<{ teacher_id: string }>`
        INSERT INTO class_enrolments (county_id, class_id, teacher_id, programme_id, nomination_id, org_path)
        SELECT u.county_id, ${classId}::bigint, u.teacher_id, ${programmeId}::bigint, u.nomination_id, u.org_path
        FROM unnest(${rows.map((x) => x.countyId)}::bigint[], ${rows.map((x) => x.teacherId)}::bigint[],
                    ${rows.map((x) => x.nominationId)}::bigint[], ${rows.map((x) => x.orgPath)}::text[])
          AS u(county_id, teacher_id, nomination_id, org_path)
        -- still selected when written, and share-locked until commit: a withdrawal or substitution running at
        -- the same time (it locks the nomination FOR UPDATE) either goes first and the teacher is not placed, or
        -- waits and then removes the enrolment (removeEnrolmentsOfNomination)
        JOIN nominations n ON n.county_id = u.county_id AND n.id = u.nomination_id AND n.status = 'selected'
        FOR SHARE OF n
        ON CONFLICT DO NOTHING
        RETURNING teacher_id`.execute(trx);
      return r.rows.map((x) => String(x.teacher_id));
    },

    enrolments(classId: string): Promise<EnrolmentRow[]> {
      return db
        .selectFrom('class_enrolments as e')
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'e.county_id').onRef('t.id', '=', 'e.teacher_id'),
        )
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select([
          'e.county_id',
          'e.teacher_id',
          't.name as teacher_name',
          't.name_pinyin',
          's.name as school_name',
          'e.org_path',
        ])
        .where('e.class_id', '=', classId)
        .orderBy('e.org_path')
        .orderBy('t.name_pinyin')
        .execute();
    },

    /** The teacher's enrolment in a class (its region key), or undefined. */
    enrolmentOf(classId: string, teacherId: string) {
      return db
        .selectFrom('class_enrolments')
        .select(['county_id', 'org_path'])
        .where('class_id', '=', classId)
        .where('teacher_id', '=', teacherId)
        .executeTakeFirst();
    },

    /** Classes a teacher is enrolled in. */
    classesOfTeacher(teacherId: string): Promise<string[]> {
      return db
        .selectFrom('class_enrolments')
        .select('class_id')
        .where('teacher_id', '=', teacherId)
        .execute()
        .then((r) => r.map((x) => x.class_id));
    },

    // ------------------------------------------------------------------------------------------ attendance

    /**
     * The check-in: one INSERT … SELECT from the enrolment … ON CONFLICT DO NOTHING. Returns the time written,
     * or undefined when the teacher is not enrolled or was already checked in (the caller tells which).
     */
    /**
     * Write one attendance row if the teacher is enrolled in the class and has none for the slot yet; the time
     * written, or undefined (not enrolled, or already there). Concurrent check-ins share one INSERT (group
     * commit, shared/batch.ts): a surge of phones costs the database one statement and one commit per turn of
     * the event loop instead of one per phone. A slot asked for twice in one batch is written once: the first
     * call gets the time, the second undefined (as if it had come a moment later).
     */
    checkin(
      classId: string,
      teacherId: string,
      slot: string,
      method: 'qr' | 'code' | 'staff',
      recordedBy: string | null,
    ): Promise<Date | undefined> {
      return checkinBatched({ classId, teacherId, slot, method, recordedBy });
    },

    async attendanceAt(classId: string, teacherId: string, slot: string): Promise<Date | undefined> {
      const r = await db
        .selectFrom('attendance')
        .select('checked_at')
        .where('class_id', '=', classId)
        .where('teacher_id', '=', teacherId)
        .where('slot', '=', slot)
        .executeTakeFirst();
      return r?.checked_at;
    },

    /** Every attendance row of a class slot (or of several slots). */
    attendance(classId: string, slots: string[]) {
      return db
        .selectFrom('attendance')
        .select(['teacher_id', 'slot', 'checked_at'])
        .where('class_id', '=', classId)
        .where('slot', 'in', slots)
        .execute();
    },

    async countAttendance(classId: string, slot: string): Promise<number> {
      const r = await db
        .selectFrom('attendance')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('class_id', '=', classId)
        .where('slot', '=', slot)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    // ----------------------------------------------------------------------------------------------- leave

    async insertLeave(
      w: { countyId: string; classId: string; sessionId: string; teacherId: string; reason: string },
      trx: Database,
    ): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        INSERT INTO leave_requests (county_id, class_id, session_id, teacher_id, reason)
        VALUES (${w.countyId}::bigint, ${w.classId}::bigint, ${w.sessionId}::bigint, ${w.teacherId}::bigint, ${w.reason})
        ON CONFLICT DO NOTHING
        RETURNING id`.execute(trx);
      return r.rows[0] ? String(r.rows[0].id) : undefined;
    },

    listLeave(f: {
      classId: string;
      teacherId?: string | undefined;
      id?: string | undefined;
    }): Promise<LeaveRow[]> {
      let q = db
        .selectFrom('leave_requests as l')
        .innerJoin('class_sessions as s', 's.id', 'l.session_id')
        .innerJoin('class_enrolments as e', (j) =>
          j
            .onRef('e.county_id', '=', 'l.county_id')
            .onRef('e.class_id', '=', 'l.class_id')
            .onRef('e.teacher_id', '=', 'l.teacher_id'),
        )
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'l.county_id').onRef('t.id', '=', 'l.teacher_id'),
        )
        .select([
          'l.county_id',
          'l.id',
          'l.class_id',
          'l.session_id',
          's.title as session_title',
          's.session_date',
          'l.teacher_id',
          't.name as teacher_name',
          'e.org_path',
          'l.reason',
          'l.status',
          'l.decision_note',
          'l.created_at',
        ])
        .where('l.class_id', '=', f.classId);
      if (f.teacherId) q = q.where('l.teacher_id', '=', f.teacherId);
      if (f.id) q = q.where('l.id', '=', f.id);
      return q.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute();
    },

    /** Decide a pending request; false when it was no longer pending. */
    async decideLeave(
      countyId: string,
      id: string,
      w: { status: 'approved' | 'refused'; by: string; note: string },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .updateTable('leave_requests')
        .set({ status: w.status, decided_by: w.by, decided_at: sql`now()`, decision_note: w.note || null })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    approvedLeave(classId: string, sessionId: string) {
      return db
        .selectFrom('leave_requests')
        .select('teacher_id')
        .where('class_id', '=', classId)
        .where('session_id', '=', sessionId)
        .where('status', '=', 'approved')
        .execute();
    },

    // ---- KPI counts per unit ----
    /**
     * Per unit (a subtree given by its path): enrolled teachers of the programme, how many registered (注册)
     * and arrived (报到), and person-sessions held up to `asOf` against those attended.
     */
    async kpiCounts(
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
      asOf: string,
    ): Promise<KpiCountsRow[]> {
      if (nodes.length === 0) return [];
      const ids = nodes.map((n) => n.id);
      const los = nodes.map((n) => subtreeRange(n.path)[0]);
      const his = nodes.map((n) => subtreeRange(n.path)[1]);
      const r = await sql<KpiCountsRow>`
        WITH n AS (SELECT * FROM unnest(${ids}::bigint[], ${los}::text[], ${his}::text[]) AS n(id, lo, hi)),
        held AS (
          SELECT s.class_id, count(*) AS sessions, array_agg('s' || s.id::text) AS slots
          FROM class_sessions s JOIN classes c ON c.id = s.class_id
          WHERE c.programme_id = ${programmeId} AND s.session_date <= ${asOf}::date
          GROUP BY s.class_id
        )
        SELECT n.id::text AS org_id,
          coalesce(x.enrolled, 0)::int AS enrolled, coalesce(x.registered, 0)::int AS registered,
          coalesce(x.arrived, 0)::int AS arrived, coalesce(x.sessions_expected, 0)::int AS sessions_expected,
          coalesce(x.sessions_attended, 0)::int AS sessions_attended
        FROM n
        LEFT JOIN LATERAL (
          SELECT count(*) AS enrolled,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.county_id = e.county_id
              AND a.class_id = e.class_id AND a.slot = 'register' AND a.teacher_id = e.teacher_id)) AS registered,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.county_id = e.county_id
              AND a.class_id = e.class_id AND a.slot = 'arrive' AND a.teacher_id = e.teacher_id)) AS arrived,
            sum(coalesce(h.sessions, 0)) AS sessions_expected,
            sum((SELECT count(*) FROM attendance a WHERE a.county_id = e.county_id AND a.class_id = e.class_id
              AND a.teacher_id = e.teacher_id AND a.slot = ANY (h.slots))) AS sessions_attended
          FROM class_enrolments e LEFT JOIN held h ON h.class_id = e.class_id
          WHERE e.programme_id = ${programmeId} AND e.org_path >= n.lo AND e.org_path < n.hi
        ) x ON true`.execute(db);
      return r.rows;
    },

    // ---- inputs of the deadline boards of many programmes at once (training overview) ----
    /** The classes of these programmes (one statement). */
    async classesOfProgrammes(programmeIds: string[]): Promise<ClassRow[]> {
      if (programmeIds.length === 0) return [];
      const rows = await classQuery(db).where('c.programme_id', 'in', programmeIds).orderBy('c.id').execute();
      return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0) }));
    },

    /** 工作简报 of every class of these providers, with the class's programme, and each provider-programme's last end (R-004-14). */
    async bulletinsOfProviders(providerOrgIds: string[]): Promise<{
      bulletins: Array<{ provider_org_id: string; programme_id: string; submitted_on: string }>;
      lastEnds: Array<{ provider_org_id: string; programme_id: string; last_end: string }>;
    }> {
      if (providerOrgIds.length === 0) return { bulletins: [], lastEnds: [] };
      const [bulletins, lastEnds] = await Promise.all([
        db
          .selectFrom('class_documents as d')
          .innerJoin('classes as c', 'c.id', 'd.class_id')
          .select(['c.provider_org_id', 'c.programme_id', 'd.submitted_on'])
          .where('c.provider_org_id', 'in', providerOrgIds)
          .where('d.kind', '=', 'bulletin')
          .execute(),
        db
          .selectFrom('classes')
          .select((eb) => ['provider_org_id', 'programme_id', eb.fn.max('end_date').as('last_end')])
          .where('provider_org_id', 'in', providerOrgIds)
          .groupBy(['provider_org_id', 'programme_id'])
          .execute(),
      ]);
      return {
        bulletins,
        lastEnds: lastEnds.map((r) => ({ ...r, last_end: String(r.last_end) })),
      };
    },
  };
}

/** one unit's enrolment and attendance counts for the KPI report. */
export interface KpiCountsRow {
  org_id: string;
  enrolled: number;
  registered: number;
  arrived: number;
  sessions_expected: number;
  sessions_attended: number;
}

export type ClassesRepository = ReturnType<typeof createClassesRepository>;
