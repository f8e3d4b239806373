import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { ClassEnrolmentsTable, OrgsTable, TeachersTable } from '../../../db/types';

/** An enrolled teacher with name and school. */
export type EnrolmentRow = Pick<Selectable<ClassEnrolmentsTable>, 'county_id' | 'teacher_id' | 'org_path'> & {
  teacher_name: Selectable<TeachersTable>['name'];
  name_pinyin: Selectable<TeachersTable>['name_pinyin'];
  school_name: Selectable<OrgsTable>['name'];
};

/** A selected nomination to place in a class. */
export interface EnrolmentWrite {
  countyId: string;
  teacherId: string;
  nominationId: string;
  orgPath: string;
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

/** Who is placed in which class (class_enrolments). */
export function createEnrolmentRepository(db: Database) {
  return {
    /** Place teachers; a teacher already in a class of the programme is skipped. Returns who was placed. */
    async enrol(
      rows: EnrolmentWrite[],
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
  };
}
