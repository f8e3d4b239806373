import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { subtreeRange } from '../../shared/subtree';

export interface SubmissionRow {
  county_id: string;
  id: string;
  class_id: string;
  class_name: string;
  programme_id: string;
  teacher_id: string;
  teacher_name: string;
  school_name: string;
  org_path: string;
  requirement: string;
  version: number;
  file_id: string | null;
  link: string | null;
  note: string;
  status: string;
  score: number | null;
  review_comment: string | null;
  submitted_at: Date;
  reviewed_at: Date | null;
}

export interface ResultRow {
  county_id: string;
  class_id: string;
  teacher_id: string;
  programme_id: string;
  completed: boolean;
  attendance_pct: string;
  checks: unknown;
  hours_tenths: number;
  evaluated_at: Date;
}

export interface CertificateRow {
  programme_id: string;
  seq: number;
  certificate_no: string;
  county_id: string;
  teacher_id: string;
  class_id: string;
  issued_at: Date;
  revoked_at: Date | null;
}

export interface HoursRow {
  county_id: string;
  id: string;
  teacher_id: string;
  programme_id: string;
  programme_title: string;
  class_id: string | null;
  hours_tenths: number;
  source: string;
  rule_id: string;
  posted_at: Date;
  reversed_at: Date | null;
  reverse_reason: string | null;
}

export interface ResultWrite {
  countyId: string;
  classId: string;
  teacherId: string;
  programmeId: string;
  orgPath: string;
  completed: boolean;
  attendancePct: number;
  checks: unknown;
  hoursTenths: number;
  evaluatedBy: string | null;
}

function submissionQuery(db: Database) {
  return db
    .selectFrom('outcome_submissions as o')
    .innerJoin('classes as c', 'c.id', 'o.class_id')
    .innerJoin('teachers as t', (j) =>
      j.onRef('t.county_id', '=', 'o.county_id').onRef('t.id', '=', 'o.teacher_id'),
    )
    .leftJoin('orgs as s', 's.id', 't.school_id')
    .select((eb) => [
      'o.county_id',
      'o.id',
      'o.class_id',
      'c.name as class_name',
      'o.programme_id',
      'o.teacher_id',
      't.name as teacher_name',
      eb.fn.coalesce('s.name', sql<string>`''`).as('school_name'),
      'o.org_path',
      'o.requirement',
      'o.version',
      'o.file_id',
      'o.link',
      'o.note',
      'o.status',
      'o.score',
      'o.review_comment',
      'o.submitted_at',
      'o.reviewed_at',
    ]);
}

export function createOutcomesRepository(db: Database) {
  return {
    /** Every version of the teacher's submissions in a class, oldest first. */
    submissionsOf(classId: string, teacherId: string, trx: Database = db): Promise<SubmissionRow[]> {
      return submissionQuery(trx)
        .where('o.class_id', '=', classId)
        .where('o.teacher_id', '=', teacherId)
        .orderBy('o.requirement')
        .orderBy('o.version')
        .execute();
    },

    /** The latest version of every requirement of every teacher of a class. */
    latestOfClass(classId: string): Promise<SubmissionRow[]> {
      return submissionQuery(db)
        .where('o.class_id', '=', classId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('outcome_submissions as n')
                .select('n.id')
                .whereRef('n.county_id', '=', 'o.county_id')
                .whereRef('n.class_id', '=', 'o.class_id')
                .whereRef('n.teacher_id', '=', 'o.teacher_id')
                .whereRef('n.requirement', '=', 'o.requirement')
                .whereRef('n.version', '>', 'o.version'),
            ),
          ),
        )
        .orderBy('o.org_path')
        .orderBy('o.teacher_id')
        .orderBy('o.requirement')
        .execute();
    },

    findSubmission(id: string, trx: Database = db): Promise<SubmissionRow | undefined> {
      return submissionQuery(trx).where('o.id', '=', id).executeTakeFirst();
    },

    /**
     * A new version of a requirement, numbered after the latest one (the unique key refuses a second writer
     * of the same number). Locks the teacher's enrolment row so two uploads of one teacher queue.
     */
    async insertSubmission(
      w: {
        countyId: string;
        classId: string;
        programmeId: string;
        teacherId: string;
        orgPath: string;
        requirement: string;
        fileId: string | null;
        link: string | null;
        note: string;
        submittedBy: string | null;
      },
      trx: Database,
    ): Promise<string> {
      const r = await trx
        .insertInto('outcome_submissions')
        .values((eb) => ({
          county_id: w.countyId,
          class_id: w.classId,
          programme_id: w.programmeId,
          teacher_id: w.teacherId,
          org_path: w.orgPath,
          requirement: w.requirement,
          version: eb
            .selectFrom('outcome_submissions')
            .select(sql<number>`coalesce(max(version), 0) + 1`.as('v'))
            .where('county_id', '=', w.countyId)
            .where('class_id', '=', w.classId)
            .where('teacher_id', '=', w.teacherId)
            .where('requirement', '=', w.requirement),
          file_id: w.fileId,
          link: w.link,
          note: w.note,
          submitted_by: w.submittedBy,
        }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** Lock the teacher's enrolment in a class (serialises one teacher's uploads). */
    async lockEnrolment(countyId: string, classId: string, teacherId: string, trx: Database) {
      await sql`SELECT 1 FROM class_enrolments WHERE county_id = ${countyId}::bigint
        AND class_id = ${classId}::bigint AND teacher_id = ${teacherId}::bigint FOR UPDATE`.execute(trx);
    },

    /** Review the latest version only while it waits for review; returns whether it changed. */
    async review(
      countyId: string,
      id: string,
      w: { status: 'accepted' | 'returned'; score: number | null; comment: string | null; by: string | null },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .updateTable('outcome_submissions')
        .set({
          status: w.status,
          score: w.score,
          review_comment: w.comment,
          reviewed_by: w.by,
          reviewed_at: new Date(),
        })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .where('status', '=', 'submitted')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    // ------------------------------------------------------------------------------------------ completion

    resultsOfClass(classId: string): Promise<ResultRow[]> {
      return db
        .selectFrom('completion_results')
        .select([
          'county_id',
          'class_id',
          'teacher_id',
          'programme_id',
          'completed',
          'attendance_pct',
          'checks',
          'hours_tenths',
          'evaluated_at',
        ])
        .where('class_id', '=', classId)
        .execute();
    },

    resultOf(classId: string, teacherId: string): Promise<ResultRow | undefined> {
      return db
        .selectFrom('completion_results')
        .select([
          'county_id',
          'class_id',
          'teacher_id',
          'programme_id',
          'completed',
          'attendance_pct',
          'checks',
          'hours_tenths',
          'evaluated_at',
        ])
        .where('class_id', '=', classId)
        .where('teacher_id', '=', teacherId)
        .executeTakeFirst();
    },

    async upsertResults(rows: ResultWrite[], trx: Database): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('completion_results')
        .values(
          rows.map((r) => ({
            county_id: r.countyId,
            class_id: r.classId,
            teacher_id: r.teacherId,
            programme_id: r.programmeId,
            org_path: r.orgPath,
            completed: r.completed,
            attendance_pct: r.attendancePct,
            checks: JSON.stringify(r.checks),
            hours_tenths: r.hoursTenths,
            evaluated_by: r.evaluatedBy,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['county_id', 'class_id', 'teacher_id']).doUpdateSet((eb) => ({
            completed: eb.ref('excluded.completed'),
            attendance_pct: eb.ref('excluded.attendance_pct'),
            checks: eb.ref('excluded.checks'),
            hours_tenths: eb.ref('excluded.hours_tenths'),
            evaluated_by: eb.ref('excluded.evaluated_by'),
            evaluated_at: sql`now()`,
          })),
        )
        .execute();
    },

    /**
     * Lock the programme's certificate counter (created on first use): every completion run of the programme
     * holds this lock until it commits, so numbers are handed out one run at a time, without gaps.
     */
    async lockCounter(programmeId: string, trx: Database): Promise<number> {
      await sql`INSERT INTO certificate_counters (programme_id) VALUES (${programmeId}::bigint)
        ON CONFLICT (programme_id) DO NOTHING`.execute(trx);
      const r = await sql<{ last_seq: number }>`SELECT last_seq FROM certificate_counters
        WHERE programme_id = ${programmeId}::bigint FOR UPDATE`.execute(trx);
      return r.rows[0]?.last_seq ?? 0;
    },

    async setCounter(programmeId: string, lastSeq: number, trx: Database): Promise<void> {
      await trx
        .updateTable('certificate_counters')
        .set({ last_seq: lastSeq })
        .where('programme_id', '=', programmeId)
        .execute();
    },

    certificatesOfProgramme(programmeId: string, teacherIds: string[], trx: Database = db) {
      if (teacherIds.length === 0) return Promise.resolve([] as CertificateRow[]);
      return trx
        .selectFrom('certificates')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .where('teacher_id', 'in', teacherIds)
        .execute() as Promise<CertificateRow[]>;
    },

    certificatesOfClass(classId: string): Promise<CertificateRow[]> {
      return db.selectFrom('certificates').selectAll().where('class_id', '=', classId).execute() as Promise<
        CertificateRow[]
      >;
    },

    async insertCertificates(
      rows: Array<{
        programmeId: string;
        seq: number;
        no: string;
        countyId: string;
        teacherId: string;
        classId: string;
      }>,
      trx: Database,
    ): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('certificates')
        .values(
          rows.map((r) => ({
            programme_id: r.programmeId,
            seq: r.seq,
            certificate_no: r.no,
            county_id: r.countyId,
            teacher_id: r.teacherId,
            class_id: r.classId,
          })),
        )
        .execute();
    },

    async setRevoked(programmeId: string, teacherIds: string[], revoked: boolean, trx: Database) {
      if (teacherIds.length === 0) return;
      await trx
        .updateTable('certificates')
        .set({ revoked_at: revoked ? new Date() : null })
        .where('programme_id', '=', programmeId)
        .where('teacher_id', 'in', teacherIds)
        .where('revoked_at', revoked ? 'is' : 'is not', null)
        .execute();
    },

    // ----------------------------------------------------------------------------------------------- hours

    hoursOfTeacher(teacherId: string): Promise<HoursRow[]> {
      return db
        .selectFrom('teacher_hours as h')
        .innerJoin('programmes as p', 'p.id', 'h.programme_id')
        .select([
          'h.county_id',
          'h.id',
          'h.teacher_id',
          'h.programme_id',
          'p.title as programme_title',
          'h.class_id',
          'h.hours_tenths',
          'h.source',
          'h.rule_id',
          'h.posted_at',
          'h.reversed_at',
          'h.reverse_reason',
        ])
        .where('h.teacher_id', '=', teacherId)
        .orderBy('h.posted_at', 'desc')
        .execute();
    },

    hoursOfProgramme(programmeId: string, teacherIds: string[], trx: Database = db) {
      if (teacherIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('teacher_hours')
        .select(['county_id', 'id', 'teacher_id', 'hours_tenths', 'reversed_at', 'source'])
        .where('programme_id', '=', programmeId)
        .where('teacher_id', 'in', teacherIds)
        .execute();
    },

    /** Post hours; a teacher who already has a row for the programme (live or reversed) is left alone. */
    async postHours(
      rows: Array<{
        countyId: string;
        teacherId: string;
        programmeId: string;
        classId: string;
        orgPath: string;
        hoursTenths: number;
        ruleId: string;
        postedBy: string | null;
      }>,
      trx: Database,
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const r = await trx
        .insertInto('teacher_hours')
        .values(
          rows.map((h) => ({
            county_id: h.countyId,
            teacher_id: h.teacherId,
            programme_id: h.programmeId,
            class_id: h.classId,
            org_path: h.orgPath,
            hours_tenths: h.hoursTenths,
            source: 'completion',
            rule_id: h.ruleId,
            posted_by: h.postedBy,
          })),
        )
        .onConflict((oc) => oc.columns(['county_id', 'teacher_id', 'programme_id']).doNothing())
        .returning('id')
        .execute();
      return r.length;
    },

    async reverseHours(
      countyId: string,
      id: string,
      w: { by: string | null; reason: string },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .updateTable('teacher_hours')
        .set({ reversed_at: new Date(), reversed_by: w.by, reverse_reason: w.reason })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .where('reversed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    findHours(id: string) {
      return db
        .selectFrom('teacher_hours')
        .select(['county_id', 'id', 'teacher_id', 'programme_id', 'org_path', 'reversed_at'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Teachers of a programme with a 'not_completed' integrity record. */
    async notCompletedRecorded(programmeId: string, teacherIds: string[]): Promise<Set<string>> {
      if (teacherIds.length === 0) return new Set();
      const r = await db
        .selectFrom('integrity_records')
        .select('teacher_id')
        .where('programme_id', '=', programmeId)
        .where('kind', '=', 'not_completed')
        .where('teacher_id', 'in', teacherIds)
        .execute();
      return new Set(r.map((x) => x.teacher_id));
    },

    /** 结业 per unit (org subtree) of a programme: teachers whose standing completion result is `completed`. */
    /** Per node: teachers completed and teachers judged by a completion run (for 结业率's denominator). */
    async completionCounts(
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
    ): Promise<Map<string, { completed: number; assessed: number }>> {
      if (nodes.length === 0) return new Map();
      const ids = nodes.map((n) => n.id);
      const los = nodes.map((n) => subtreeRange(n.path)[0]);
      const his = nodes.map((n) => subtreeRange(n.path)[1]);
      const r = await sql<{ org_id: string; completed: number; assessed: number }>`
        SELECT n.id::text AS org_id, x.completed, x.assessed
        FROM unnest(${ids}::bigint[], ${los}::text[], ${his}::text[]) AS n(id, lo, hi)
        CROSS JOIN LATERAL (
          SELECT (count(*) FILTER (WHERE c.completed))::int AS completed, count(*)::int AS assessed
          FROM completion_results c
          WHERE c.programme_id = ${programmeId} AND c.org_path >= n.lo AND c.org_path < n.hi
        ) x`.execute(db);
      return new Map(r.rows.map((x) => [x.org_id, { completed: x.completed, assessed: x.assessed }]));
    },
  };
}

export type OutcomesRepository = ReturnType<typeof createOutcomesRepository>;
