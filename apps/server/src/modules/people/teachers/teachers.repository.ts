import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { TeachersTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** A teacher row as the module reads it (the search keys and timestamps left out). */
export type TeacherRecord = Omit<
  Selectable<TeachersTable>,
  'name_pinyin' | 'name_initials' | 'created_at' | 'updated_at'
>;

export interface TeacherListRow extends TeacherRecord {
  school_name: string;
  county_name: string | null;
}

/** A search term, classified: names and pinyin by prefix, ID numbers and phones whole. */
export type TeacherQuery =
  | { kind: 'name'; value: string }
  | { kind: 'pinyin'; value: string }
  | { kind: 'idNumber'; value: string }
  | { kind: 'phone'; value: string };

export interface TeacherFilter {
  roots: string[];
  query?: TeacherQuery | undefined;
  stage?: string | undefined;
  subject?: string | undefined;
  title?: string | undefined;
  backbone?: string | undefined;
  status?: string | undefined;
  offset: number;
  limit: number;
}

/** A teacher row to write, with its school already resolved. */
export interface TeacherWrite {
  idNumber: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: string;
  birthDate: string;
  phone: string | null;
  schoolId: string;
  countyId: string;
  orgPath: string;
  stage: string | null;
  subject: string | null;
  title: string | null;
  backbone: string | null;
  teachingStartDate: string | null;
  trainingStartYear: number | null;
  rolesHeld: string[];
  status: string;
}

const TEACHER_COLUMNS = [
  't.county_id',
  't.id',
  't.id_number',
  't.name',
  't.gender',
  't.birth_date',
  't.phone',
  't.school_id',
  't.org_path',
  't.stage',
  't.subject',
  't.title',
  't.backbone',
  't.teaching_start_date',
  't.training_start_year',
  't.roles_held',
  't.status',
] as const;

const SEP = '\u001f';
const CHUNK = 5000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Teachers: the list and search, one teacher, postings, export pages, and the writes of imports and transfers. */
export function createTeachersRepository(db: Database) {
  /** One teacher's row, with the school's and county's names. */
  const oneTeacher = (id: string) =>
    db
      .selectFrom('teachers as t')
      .innerJoin('orgs as s', 's.id', 't.school_id')
      .leftJoin('orgs as c', 'c.id', 's.county_id')
      .select(TEACHER_COLUMNS)
      .select(['s.name as school_name', 'c.name as county_name'])
      .where('t.id', '=', id);
  return {
    async list(f: TeacherFilter): Promise<{ rows: TeacherListRow[]; total: number }> {
      let q = db.selectFrom('teachers as t').where((eb) => inSubtrees(eb, 't.org_path', f.roots));
      const term = f.query;
      // ID numbers and phones only whole and exact: never a LIKE that a part of a number could complete
      if (term?.kind === 'idNumber') {
        q = q.where('t.id', '=', (eb) =>
          eb
            .selectFrom('teacher_identities as i')
            .select('i.teacher_id')
            .where('i.id_number', '=', term.value),
        );
      } else if (term?.kind === 'phone') {
        q = q.where('t.phone', '=', term.value);
      } else if (term?.kind === 'pinyin') {
        q = q.where((eb) =>
          eb.or([
            eb('t.name_pinyin', 'like', `${term.value}%`),
            eb('t.name_initials', 'like', `${term.value}%`),
          ]),
        );
      } else if (term?.kind === 'name') {
        q = q.where('t.name', 'like', `${term.value}%`);
      }
      if (f.stage) q = q.where('t.stage', '=', f.stage);
      if (f.subject) q = q.where('t.subject', '=', f.subject);
      if (f.title) q = q.where('t.title', '=', f.title);
      if (f.backbone) q = q.where('t.backbone', '=', f.backbone);
      if (f.status) q = q.where('t.status', '=', f.status);
      else q = q.where('t.status', '<>', 'left');

      const [rows, total] = await Promise.all([
        q
          .innerJoin('orgs as s', 's.id', 't.school_id')
          .leftJoin('orgs as c', 'c.id', 's.county_id')
          .select(TEACHER_COLUMNS)
          .select(['s.name as school_name', 'c.name as county_name'])
          .orderBy('t.org_path')
          .orderBy('t.name_pinyin')
          .orderBy('t.id')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** Teachers by id with their school's name (unknown ids left out), in one query. */
    findByIds(ids: string[]): Promise<Array<TeacherRecord & { school_name: string }>> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(TEACHER_COLUMNS)
        .select('s.name as school_name')
        .where('t.id', 'in', ids)
        .execute();
    },

    findById(id: string): Promise<TeacherListRow | undefined> {
      return oneTeacher(id).executeTakeFirst();
    },

    /**
     * The teacher when under one of `roots` or `self` (the teacher's own account), else undefined: the scope is in
     * the query, so a teacher out of reach costs what an unknown id costs (no time difference tells one exists).
     */
    findVisible(id: string, roots: string[], self: string | null): Promise<TeacherListRow | undefined> {
      return oneTeacher(id)
        .where((eb) =>
          self === null
            ? inSubtrees(eb, 't.org_path', roots)
            : eb.or([inSubtrees(eb, 't.org_path', roots), eb('t.id', '=', self)]),
        )
        .executeTakeFirst();
    },

    /** Teachers' names and current schools by id (unknown ids left out), for modules that place them. */
    placesOf(
      ids: string[],
    ): Promise<Array<{ county_id: string; id: string; name: string; school_id: string; org_path: string }>> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('teachers')
        .select(['county_id', 'id', 'name', 'school_id', 'org_path'])
        .where('id', 'in', ids)
        .execute();
    },

    /** Keyset-paged rows of a subtree in export order, with the school code. */
    exportBatch(
      roots: string[],
      after: { orgPath: string; pinyin: string; id: string } | null,
      limit: number,
    ) {
      let q = db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(TEACHER_COLUMNS)
        .select(['s.code as school_code', 't.name_pinyin'])
        .where((eb) => inSubtrees(eb, 't.org_path', roots));
      if (after) {
        q = q.where(
          sql<boolean>`(t.org_path, t.name_pinyin, t.id) > (${after.orgPath}, ${after.pinyin}, ${after.id}::bigint)`,
        );
      }
      return q.orderBy('t.org_path').orderBy('t.name_pinyin').orderBy('t.id').limit(limit).execute();
    },

    postingsOf(teacherId: string) {
      return db
        .selectFrom('teacher_postings as p')
        .innerJoin('orgs as s', 's.id', 'p.school_id')
        .select(['p.school_id', 's.name as school_name', 'p.from_date', 'p.to_date', 'p.reason'])
        .where('p.teacher_id', '=', teacherId)
        .orderBy('p.from_date', 'desc')
        .orderBy('p.id', 'desc')
        .execute();
    },

    /**
     * Existing teachers by ID number (the upsert key), for the import preview and commit. `lock`: inside a
     * transaction, hold the rows (FOR UPDATE) until it ends, so nothing changes them between check and write.
     */
    async findByIdNumbers(
      idNumbers: string[],
      trx: Database = db,
      options: { lock?: boolean } = {},
    ): Promise<Map<string, TeacherRecord>> {
      const out = new Map<string, TeacherRecord>();
      // one array parameter per 20,000 numbers (an IN list of thousands of parameters plans slowly)
      for (const part of chunks(idNumbers, 20_000)) {
        const query = trx
          .selectFrom('teacher_identities as i')
          .innerJoin('teachers as t', (j) =>
            j.onRef('t.county_id', '=', 'i.county_id').onRef('t.id', '=', 'i.teacher_id'),
          )
          .select(TEACHER_COLUMNS)
          .where(sql<boolean>`i.id_number = ANY(${part}::text[])`);
        const rows = await (options.lock ? query.forUpdate() : query).execute();
        for (const r of rows) out.set(r.id_number, r);
      }
      return out;
    },

    /** Insert new teachers with their first posting and identity. Returns the new ids in input order. */
    async insertTeachers(
      rows: TeacherWrite[],
      postingDate: string,
      actorId: string | null,
      trx: Database,
    ): Promise<void> {
      for (const part of chunks(rows)) {
        const ids = await sql<{
          id: string;
        }>`SELECT nextval('teachers_id_seq')::text AS id FROM generate_series(1, ${part.length})`.execute(
          trx,
        );
        const idList = ids.rows.map((r) => r.id);
        const col = <K extends keyof TeacherWrite>(k: K) => part.map((r) => r[k]);
        await sql`
          INSERT INTO teachers (county_id, id, id_number, name, name_pinyin, name_initials, gender, birth_date, phone,
            school_id, org_path, stage, subject, title, backbone, teaching_start_date, training_start_year, roles_held, status)
          SELECT u.county_id, u.id, u.id_number, u.name, u.name_pinyin, u.name_initials, u.gender, u.birth_date::date, u.phone,
            u.school_id, u.org_path, u.stage, u.subject, u.title, u.backbone, u.tsd::date, u.tsy,
            CASE WHEN u.roles = '' THEN '{}'::text[] ELSE string_to_array(u.roles, ${SEP}) END, u.status
          FROM unnest(${col('countyId')}::bigint[], ${idList}::bigint[], ${col('idNumber')}::text[], ${col('name')}::text[],
            ${col('namePinyin')}::text[], ${col('nameInitials')}::text[], ${col('gender')}::text[], ${col('birthDate')}::text[],
            ${col('phone')}::text[], ${col('schoolId')}::bigint[], ${col('orgPath')}::text[], ${col('stage')}::text[],
            ${col('subject')}::text[], ${col('title')}::text[], ${col('backbone')}::text[], ${col('teachingStartDate')}::text[],
            ${col('trainingStartYear')}::smallint[], ${part.map((r) => r.rolesHeld.join(SEP))}::text[], ${col('status')}::text[])
          AS u(county_id, id, id_number, name, name_pinyin, name_initials, gender, birth_date, phone, school_id, org_path,
            stage, subject, title, backbone, tsd, tsy, roles, status)`.execute(trx);
        await sql`
          INSERT INTO teacher_identities (id_number, teacher_id, county_id)
          SELECT * FROM unnest(${col('idNumber')}::text[], ${idList}::bigint[], ${col('countyId')}::bigint[])`.execute(
          trx,
        );
        await sql`
          INSERT INTO teacher_postings (county_id, teacher_id, school_id, from_date, reason, created_by)
          SELECT u.county_id, u.teacher_id, u.school_id, coalesce(u.tsd::date, ${postingDate}::date), '导入', ${actorId}::bigint
          FROM unnest(${col('countyId')}::bigint[], ${idList}::bigint[], ${col('schoolId')}::bigint[], ${col('teachingStartDate')}::text[])
          AS u(county_id, teacher_id, school_id, tsd)`.execute(trx);
      }
    },

    /** Overwrite the attributes of existing teachers (school changes are handled by moveTeachers). */
    async updateTeachers(rows: Array<TeacherWrite & { id: string }>, trx: Database): Promise<void> {
      for (const part of chunks(rows)) {
        const col = <K extends keyof (TeacherWrite & { id: string })>(k: K) => part.map((r) => r[k]);
        await sql`
          UPDATE teachers AS t SET name = u.name, name_pinyin = u.name_pinyin, name_initials = u.name_initials,
            gender = u.gender, birth_date = u.birth_date::date, phone = u.phone, stage = u.stage, subject = u.subject,
            title = u.title, backbone = u.backbone, teaching_start_date = u.tsd::date, training_start_year = u.tsy,
            roles_held = CASE WHEN u.roles = '' THEN '{}'::text[] ELSE string_to_array(u.roles, ${SEP}) END,
            status = u.status, updated_at = now()
          FROM unnest(${col('countyId')}::bigint[], ${col('id')}::bigint[], ${col('name')}::text[], ${col('namePinyin')}::text[],
            ${col('nameInitials')}::text[], ${col('gender')}::text[], ${col('birthDate')}::text[], ${col('phone')}::text[],
            ${col('stage')}::text[], ${col('subject')}::text[], ${col('title')}::text[], ${col('backbone')}::text[],
            ${col('teachingStartDate')}::text[], ${col('trainingStartYear')}::smallint[],
            ${part.map((r) => r.rolesHeld.join(SEP))}::text[], ${col('status')}::text[])
          AS u(county_id, id, name, name_pinyin, name_initials, gender, birth_date, phone, stage, subject, title, backbone,
            tsd, tsy, roles, status)
          WHERE t.county_id = u.county_id AND t.id = u.id`.execute(trx);
      }
    },

    /**
     * Move teachers to another school: close the open posting, open a new one, and when the county changes,
     * move the row to its new region key (insert + delete, as a distributed table requires).
     */
    async moveTeachers(
      moves: Array<{
        id: string;
        fromCountyId: string;
        toCountyId: string;
        schoolId: string;
        orgPath: string;
      }>,
      date: string,
      reason: string | null,
      actorId: string | null,
      trx: Database,
    ): Promise<void> {
      for (const part of chunks(moves)) {
        const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k]);
        const arrays = sql`unnest(${col('id')}::bigint[], ${col('fromCountyId')}::bigint[], ${col('toCountyId')}::bigint[],
          ${col('schoolId')}::bigint[], ${col('orgPath')}::text[]) AS m(id, from_county, to_county, school_id, org_path)`;
        await sql`UPDATE teacher_postings AS p SET to_date = ${date}::date FROM ${arrays}
          WHERE p.county_id = m.from_county AND p.teacher_id = m.id AND p.to_date IS NULL`.execute(trx);
        await sql`UPDATE teachers AS t SET school_id = m.school_id, org_path = m.org_path, updated_at = now() FROM ${arrays}
          WHERE t.county_id = m.from_county AND t.id = m.id`.execute(trx);
        await sql`INSERT INTO teachers (county_id, id, id_number, name, name_pinyin, name_initials, gender, birth_date, phone,
            school_id, org_path, stage, subject, title, backbone, teaching_start_date, training_start_year, roles_held, status,
            created_at, updated_at)
          SELECT m.to_county, t.id, t.id_number, t.name, t.name_pinyin, t.name_initials, t.gender, t.birth_date, t.phone,
            t.school_id, t.org_path, t.stage, t.subject, t.title, t.backbone, t.teaching_start_date, t.training_start_year,
            t.roles_held, t.status, t.created_at, now()
          FROM teachers t JOIN ${arrays} ON t.county_id = m.from_county AND t.id = m.id
          WHERE m.from_county <> m.to_county`.execute(trx);
        await sql`DELETE FROM teachers t USING ${arrays}
          WHERE t.county_id = m.from_county AND t.id = m.id AND m.from_county <> m.to_county`.execute(trx);
        await sql`UPDATE teacher_postings AS p SET county_id = m.to_county FROM ${arrays}
          WHERE p.county_id = m.from_county AND p.teacher_id = m.id AND m.from_county <> m.to_county`.execute(
          trx,
        );
        await sql`UPDATE teacher_identities AS i SET county_id = m.to_county FROM ${arrays}
          WHERE i.teacher_id = m.id AND i.county_id = m.from_county`.execute(trx);
        await sql`INSERT INTO teacher_postings (county_id, teacher_id, school_id, from_date, reason, created_by)
          SELECT m.to_county, m.id, m.school_id, ${date}::date, ${reason}, ${actorId}::bigint FROM ${arrays}`.execute(
          trx,
        );
      }
    },

    /** Teachers under the subtree with a 骨干 level on record who are still on the staff (not retired, not left). */
    async backboneCount(root: string): Promise<number> {
      const r = await db
        .selectFrom('teachers as t')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => inSubtrees(eb, 't.org_path', [root]))
        .where('t.backbone', 'is not', null)
        .where('t.status', 'not in', ['retired', 'left'])
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

export type TeachersRepository = ReturnType<typeof createTeachersRepository>;
