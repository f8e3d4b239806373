/**
 * Data access of exams themselves (the `exams` rows with their owner's name) and of the schools and org nodes the
 * exams are made for and uploaded against.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { DB } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** An exam as the service reads it: its row and the owner org's name. */
export type ExamRow = Pick<
  Selectable<DB['exams']>,
  | 'id'
  | 'name'
  | 'semester'
  | 'stage'
  | 'subject'
  | 'grade'
  | 'full_marks'
  | 'kind'
  | 'exam_date'
  | 'owner_org_id'
  | 'owner_path'
  | 'cycle_id'
  | 'items'
  | 'students'
  | 'absent'
  | 'data_version'
  | 'analysis_version'
  | 'report_settings'
  | 'created_at'
> & { owner_name: string; owner_kind: string };

export type SchoolOrg = Pick<
  Selectable<DB['orgs']>,
  'id' | 'code' | 'name' | 'path' | 'county_id' | 'location_type' | 'stages'
>;

const examColumns = [
  'e.id',
  'e.name',
  'e.semester',
  'e.stage',
  'e.subject',
  'e.grade',
  'e.full_marks',
  'e.kind',
  'e.exam_date',
  'e.owner_org_id',
  'e.owner_path',
  'o.name as owner_name',
  'o.kind as owner_kind',
  'e.cycle_id',
  'e.items',
  'e.students',
  'e.absent',
  'e.data_version',
  'e.analysis_version',
  'e.report_settings',
  'e.created_at',
] as const;

export function createExamRecordsRepository(db: Database) {
  return {
    async insertExam(
      w: {
        name: string;
        semester: string;
        stage: string;
        subject: string;
        grade: string;
        fullMarks: number;
        kind: string;
        examDate: string | null;
        ownerOrgId: string;
        ownerPath: string;
        cycleId: string | null;
        reportSettings: unknown;
        createdBy: string;
      },
      trx: Database = db,
    ): Promise<string> {
      const r = await trx
        .insertInto('exams')
        .values({
          name: w.name,
          semester: w.semester,
          stage: w.stage,
          subject: w.subject,
          grade: w.grade,
          full_marks: w.fullMarks,
          kind: w.kind,
          exam_date: w.examDate,
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          cycle_id: w.cycleId,
          report_settings: JSON.stringify(w.reportSettings ?? {}),
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async findExam(id: string): Promise<ExamRow | undefined> {
      return (await db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(examColumns)
        .where('e.id', '=', id)
        .executeTakeFirst()) as ExamRow | undefined;
    },

    /** Exams owned in these subtrees or by one of these ancestor paths. */
    async listExams(roots: string[], ancestors: string[], cycleId?: string): Promise<ExamRow[]> {
      let q = db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(examColumns)
        .where((eb) =>
          ancestors.length
            ? eb.or([
                inSubtrees(eb, 'e.owner_path', roots),
                eb.and([
                  eb('e.owner_path', 'in', ancestors),
                  // an exam set above reaches the actor only where a school of theirs teaches its stage or sat it
                  eb.or([
                    eb.exists(
                      eb
                        .selectFrom('orgs as s')
                        .select(sql.lit(1).as('one'))
                        .where('s.kind', '=', 'school')
                        .where((sb) => inSubtrees(sb, 's.path', roots))
                        .where(sql<boolean>`e.stage = ANY(s.stages)`),
                    ),
                    eb.exists(
                      eb
                        .selectFrom('exam_students as st')
                        .select(sql.lit(1).as('one'))
                        .whereRef('st.exam_id', '=', 'e.id')
                        .where((sb) => inSubtrees(sb, 'st.school_path', roots)),
                    ),
                  ]),
                ]),
              ])
            : inSubtrees(eb, 'e.owner_path', roots),
        );
      if (cycleId) q = q.where('e.cycle_id', '=', cycleId);
      return (await q
        .orderBy('e.exam_date', 'desc')
        .orderBy('e.id', 'desc')
        .limit(500)
        .execute()) as ExamRow[];
    },

    async examsOfCycle(cycleId: string): Promise<ExamRow[]> {
      return (await db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(examColumns)
        .where('e.cycle_id', '=', cycleId)
        .orderBy('e.exam_date')
        .orderBy('e.id')
        .execute()) as ExamRow[];
    },

    async schoolsUnder(path: string): Promise<SchoolOrg[]> {
      return (await db
        .selectFrom('orgs')
        .select(['id', 'code', 'name', 'path', 'county_id', 'location_type', 'stages'])
        .where('kind', '=', 'school')
        .where((eb) => inSubtrees(eb, 'path', [path]))
        .execute()) as SchoolOrg[];
    },

    async schoolsByCodeOrName(keys: string[]): Promise<SchoolOrg[]> {
      if (keys.length === 0) return [];
      return (await db
        .selectFrom('orgs')
        .select(['id', 'code', 'name', 'path', 'county_id', 'location_type', 'stages'])
        .where('kind', '=', 'school')
        .where((eb) => eb.or([eb('code', 'in', keys), eb('name', 'in', keys)]))
        .execute()) as SchoolOrg[];
    },

    async schoolsByIds(ids: string[]): Promise<SchoolOrg[]> {
      if (ids.length === 0) return [];
      return (await db
        .selectFrom('orgs')
        .select(['id', 'code', 'name', 'path', 'county_id', 'location_type', 'stages'])
        .where('id', 'in', ids)
        .execute()) as SchoolOrg[];
    },

    async findOrg(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'path', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async setReportSettings(examId: string, settings: unknown): Promise<void> {
      await db
        .updateTable('exams')
        .set({ report_settings: JSON.stringify(settings), analysis_version: -1, updated_at: sql`now()` })
        .where('id', '=', examId)
        .execute();
    },
  };
}
