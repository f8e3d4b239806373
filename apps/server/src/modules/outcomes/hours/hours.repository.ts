import type { Selectable } from 'kysely';
import type { Database } from '../../../db/database';
import type { ProgrammesTable, TeacherHoursTable } from '../../../db/types';

/** A 学时 posting of a teacher for a programme, live or reversed. */
export type HoursRow = Pick<
  Selectable<TeacherHoursTable>,
  | 'county_id'
  | 'id'
  | 'teacher_id'
  | 'programme_id'
  | 'class_id'
  | 'hours_tenths'
  | 'source'
  | 'rule_id'
  | 'posted_at'
  | 'reversed_at'
  | 'reverse_reason'
> & { programme_title: Selectable<ProgrammesTable>['title'] };

export interface HoursWrite {
  countyId: string;
  teacherId: string;
  programmeId: string;
  classId: string;
  orgPath: string;
  hoursTenths: number;
  ruleId: string;
  postedBy: string | null;
}

/** 学时 postings (teacher_hours): once per teacher and programme; reversal keeps the row. */
export function createHoursRepository(db: Database) {
  return {
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
    async postHours(rows: HoursWrite[], trx: Database): Promise<number> {
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
  };
}
