import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { ClassesTable, OrgsTable, OutcomeSubmissionsTable, TeachersTable } from '../../../db/types';

/** One version of a teacher's outcome, with the class's and the teacher's names. */
export type SubmissionRow = Pick<
  Selectable<OutcomeSubmissionsTable>,
  | 'county_id'
  | 'id'
  | 'class_id'
  | 'programme_id'
  | 'teacher_id'
  | 'org_path'
  | 'requirement'
  | 'version'
  | 'file_id'
  | 'link'
  | 'note'
  | 'status'
  | 'score'
  | 'review_comment'
  | 'submitted_at'
  | 'reviewed_at'
> & {
  class_name: Selectable<ClassesTable>['name'];
  teacher_name: Selectable<TeachersTable>['name'];
  school_name: Selectable<OrgsTable>['name'];
};

export interface SubmissionWrite {
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

/** Outcome submissions (outcome_submissions): one row per version, reviewed once. */
export function createSubmissionsRepository(db: Database) {
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

    /** Per class: outcomes waiting for review (only a latest version can wait). */
    async waitingPerClass(classIds: string[]): Promise<Map<string, number>> {
      if (classIds.length === 0) return new Map();
      const r = await sql<{ class_id: string; n: number }>`
        SELECT class_id::text AS class_id, count(*)::int AS n FROM outcome_submissions
        WHERE class_id = ANY(${classIds}::bigint[]) AND status = 'submitted' GROUP BY class_id`.execute(db);
      return new Map(r.rows.map((x) => [x.class_id, x.n]));
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
    async insertSubmission(w: SubmissionWrite, trx: Database): Promise<string> {
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
  };
}
