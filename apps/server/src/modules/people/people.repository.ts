import type { Database } from '../../db/database';
import { createCodesRepository } from './codes/codes.repository';
import { createTeachersRepository } from './teachers/teachers.repository';

export type {
  TeacherFilter,
  TeacherListRow,
  TeacherQuery,
  TeacherRecord,
  TeacherWrite,
} from './teachers/teachers.repository';

/** The people module's repository: teachers, their postings and identities, and the code-table mirror. */
export function createPeopleRepository(db: Database) {
  return { ...createTeachersRepository(db), ...createCodesRepository(db) };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
