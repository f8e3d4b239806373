/** Data access of monitoring cycles (exam_cycles) and their stratified sample. */
import type { Database } from '../../../db/database';
import { inSubtrees } from '../../../shared/subtree';

export function createCyclesRepository(db: Database) {
  return {
    async insertCycle(w: {
      name: string;
      semester: string;
      ownerOrgId: string;
      ownerPath: string;
      createdBy: string;
    }) {
      const r = await db
        .insertInto('exam_cycles')
        .values({
          name: w.name,
          semester: w.semester,
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async findCycle(id: string) {
      return db
        .selectFrom('exam_cycles as c')
        .innerJoin('orgs as o', 'o.id', 'c.owner_org_id')
        .select([
          'c.id',
          'c.name',
          'c.semester',
          'c.owner_org_id',
          'c.owner_path',
          'o.name as owner_name',
          'c.sample',
          'c.students_per_school',
        ])
        .where('c.id', '=', id)
        .executeTakeFirst();
    },

    async listCycles(roots: string[], ancestors: string[]) {
      return db
        .selectFrom('exam_cycles as c')
        .innerJoin('orgs as o', 'o.id', 'c.owner_org_id')
        .select([
          'c.id',
          'c.name',
          'c.semester',
          'c.owner_org_id',
          'c.owner_path',
          'o.name as owner_name',
          'c.sample',
          'c.students_per_school',
        ])
        .where((eb) =>
          ancestors.length
            ? eb.or([inSubtrees(eb, 'c.owner_path', roots), eb('c.owner_path', 'in', ancestors)])
            : inSubtrees(eb, 'c.owner_path', roots),
        )
        .orderBy('c.id', 'desc')
        .limit(200)
        .execute();
    },

    async setSample(cycleId: string, sample: unknown, studentsPerSchool: number | null) {
      await db
        .updateTable('exam_cycles')
        .set({ sample: JSON.stringify(sample), students_per_school: studentsPerSchool })
        .where('id', '=', cycleId)
        .execute();
      // every exam of the cycle is analysed over the new sample
      await db.updateTable('exams').set({ analysis_version: -1 }).where('cycle_id', '=', cycleId).execute();
    },
  };
}
