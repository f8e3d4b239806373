import type { Selectable } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrgsTable, TeachersTable } from '../../../db/types';

/** A teacher with what eligibility needs (the school's 城乡类型 included). */
export type CandidateRow = Pick<
  Selectable<TeachersTable>,
  | 'county_id'
  | 'id'
  | 'name'
  | 'name_pinyin'
  | 'org_path'
  | 'school_id'
  | 'birth_date'
  | 'teaching_start_date'
  | 'training_start_year'
  | 'backbone'
  | 'roles_held'
  | 'title'
  | 'stage'
  | 'status'
> & {
  school_name: Selectable<OrgsTable>['name'];
  location_type: Selectable<OrgsTable>['location_type'];
};

/** Statuses of teachers who can be nominated or counted in a preview. */
export const WORKING_STATUSES = ['active', 'on_leave', 'seconded'];

/** The columns of a CandidateRow (teachers as t, joined to their school as s). */
export const CANDIDATE_COLUMNS = [
  't.county_id',
  't.id',
  't.name',
  't.name_pinyin',
  't.org_path',
  't.school_id',
  's.name as school_name',
  't.birth_date',
  't.teaching_start_date',
  't.training_start_year',
  't.backbone',
  't.roles_held',
  't.title',
  't.stage',
  't.status',
  's.location_type',
] as const;

/** What eligibility reads of a teacher: the teacher, their other selected programmes, their integrity records. */
export function createCandidatesRepository(db: Database) {
  return {
    findCandidate(teacherId: string): Promise<CandidateRow | undefined> {
      return db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(CANDIDATE_COLUMNS)
        .where('t.id', '=', teacherId)
        .executeTakeFirst();
    },

    /** Selected nominations of a teacher in other programmes, with their dates (the overlap check). */
    enrolmentsOf(teacherId: string, exceptProgrammeId: string) {
      return db
        .selectFrom('nominations as n')
        .innerJoin('programmes as p', 'p.id', 'n.programme_id')
        .select(['p.id', 'p.title', 'p.start_date', 'p.end_date'])
        .where('n.teacher_id', '=', teacherId)
        .where('n.status', '=', 'selected')
        .where('n.programme_id', '<>', exceptProgrammeId)
        .execute();
    },

    integrityOf(teacherId: string) {
      return db
        .selectFrom('integrity_records')
        .select(['id', 'kind', 'record_date', 'standing'])
        .where('teacher_id', '=', teacherId)
        .execute();
    },
  };
}
