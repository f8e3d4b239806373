import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { inSubtrees } from '../../../shared/subtree';

/** A claim row (the teacher's and the school's names come from their modules' ports). */
export interface ClaimRow {
  county_id: string;
  id: string;
  teacher_id: string;
  school_id: string;
  org_path: string;
  category: string;
  kind: string;
  title: string;
  issuer: string;
  certificate_no: string | null;
  start_date: string;
  end_date: string;
  hours_tenths: number;
  status: string;
  submitted_at: Date;
  school_due_on: string;
  county_due_on: string | null;
  school_decided_at: Date | null;
  school_comment: string | null;
  county_decided_at: Date | null;
  county_comment: string | null;
  return_reason: string | null;
  withdrawn_at: Date | null;
}

export interface EvidenceRow {
  claim_id: string;
  file_id: string;
  position: number;
  name: string;
  mime: string;
  size: number;
}

export interface ClaimWrite {
  countyId: string;
  teacherId: string;
  schoolId: string;
  orgPath: string;
  category: string;
  kind: string;
  title: string;
  issuer: string;
  certificateNo: string | null;
  certificateKey: string | null;
  startDate: string;
  endDate: string;
  hoursTenths: number;
  submittedBy: string;
  submittedAt: Date;
  schoolDueOn: string;
}

/** Another live claim holding the same evidence or certificate. */
export interface DuplicateRow {
  id: string;
  teacher_id: string;
  submitted_at: Date;
  title: string;
  by: 'file' | 'certificate';
}

export type ClaimStatusFilter = { status: string; roots: string[] };

const LIVE = ['submitted', 'school_approved', 'approved'];

/** The 学时 claims (hour_claims, hour_claim_evidence of migration 0019). */
export function createClaimsRepository(db: Database) {
  const select = (trx: Database) =>
    trx
      .selectFrom('hour_claims as c')
      .select([
        'c.county_id',
        'c.id',
        'c.teacher_id',
        'c.school_id',
        'c.org_path',
        'c.category',
        'c.kind',
        'c.title',
        'c.issuer',
        'c.certificate_no',
        'c.start_date',
        'c.end_date',
        'c.hours_tenths',
        'c.status',
        'c.submitted_at',
        'c.school_due_on',
        'c.county_due_on',
        'c.school_decided_at',
        'c.school_comment',
        'c.county_decided_at',
        'c.county_comment',
        'c.return_reason',
        'c.withdrawn_at',
      ]);

  return {
    /**
     * Serialise claims of the same evidence or certificate: a transaction-scoped advisory lock per key, taken in
     * one order, so two teachers claiming the same certificate at once are checked one after the other.
     */
    async lockKeys(keys: string[], trx: Database): Promise<void> {
      for (const k of [...new Set(keys)].sort())
        await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`hour_claim:${k}`}, 0))`.execute(trx);
    },

    /** The earliest live claim (submitted, school-approved or approved) with one of these files or this certificate. */
    async findDuplicate(
      sha256s: string[],
      certificateKey: string | null,
      trx: Database,
    ): Promise<DuplicateRow | undefined> {
      const r = await sql<DuplicateRow>`
        SELECT * FROM (
          SELECT c.id::text, c.teacher_id::text, c.submitted_at, c.title, 'file' AS by
          FROM hour_claim_evidence e
          JOIN hour_claims c ON c.county_id = e.county_id AND c.id = e.claim_id
          WHERE e.sha256 = ANY(${sha256s}::text[]) AND c.status = ANY(${LIVE}::text[])
          UNION ALL
          SELECT c.id::text, c.teacher_id::text, c.submitted_at, c.title, 'certificate' AS by
          FROM hour_claims c
          WHERE ${certificateKey}::text IS NOT NULL AND c.certificate_key = ${certificateKey}
            AND c.status = ANY(${LIVE}::text[])
        ) d ORDER BY d.submitted_at, d.id LIMIT 1`.execute(trx);
      return r.rows[0];
    },

    async insert(w: ClaimWrite, trx: Database): Promise<{ county_id: string; id: string }> {
      return trx
        .insertInto('hour_claims')
        .values({
          county_id: w.countyId,
          teacher_id: w.teacherId,
          school_id: w.schoolId,
          org_path: w.orgPath,
          category: w.category,
          kind: w.kind,
          title: w.title,
          issuer: w.issuer,
          certificate_no: w.certificateNo,
          certificate_key: w.certificateKey,
          start_date: w.startDate,
          end_date: w.endDate,
          hours_tenths: w.hoursTenths,
          submitted_by: w.submittedBy,
          submitted_at: w.submittedAt,
          school_due_on: w.schoolDueOn,
        })
        .returning(['county_id', 'id'])
        .executeTakeFirstOrThrow();
    },

    async insertEvidence(
      rows: Array<{ countyId: string; claimId: string; fileId: string; position: number; sha256: string }>,
      trx: Database,
    ): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('hour_claim_evidence')
        .values(
          rows.map((r) => ({
            county_id: r.countyId,
            claim_id: r.claimId,
            file_id: r.fileId,
            position: r.position,
            sha256: r.sha256,
          })),
        )
        .execute();
    },

    /** One claim by id; `forUpdate` locks it in the caller's transaction. */
    async find(id: string, trx: Database = db, forUpdate = false): Promise<ClaimRow | undefined> {
      let q = select(trx).where('c.id', '=', id);
      if (forUpdate) q = q.forUpdate('c');
      return q.executeTakeFirst();
    },

    /** A teacher's claims, newest first. */
    async ofTeacher(teacherId: string): Promise<ClaimRow[]> {
      return select(db)
        .where('c.teacher_id', '=', teacherId)
        .orderBy('c.submitted_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(500)
        .execute();
    },

    /**
     * Claims under the subtrees of each filter with its status (the school's review scope with 'submitted', the
     * county's with 'school_approved' …), earliest due first.
     */
    async queue(filters: ClaimStatusFilter[]): Promise<ClaimRow[]> {
      const live = filters.filter((f) => f.roots.length > 0);
      if (live.length === 0) return [];
      return select(db)
        .where((eb) =>
          eb.or(
            live.map((f) => eb.and([eb('c.status', '=', f.status), inSubtrees(eb, 'c.org_path', f.roots)])),
          ),
        )
        .orderBy(sql`coalesce(c.county_due_on, c.school_due_on)`)
        .orderBy('c.submitted_at')
        .orderBy('c.id')
        .limit(500)
        .execute();
    },

    async evidenceOf(claimIds: string[]): Promise<EvidenceRow[]> {
      if (claimIds.length === 0) return [];
      const r = await sql<EvidenceRow>`
        SELECT e.claim_id::text, e.file_id::text, e.position, f.name, f.mime, f.size
        FROM hour_claim_evidence e JOIN files f ON f.id = e.file_id
        WHERE e.claim_id = ANY(${claimIds}::bigint[])
        ORDER BY e.claim_id, e.position`.execute(db);
      return r.rows;
    },

    /** The school's decision: passed on to the county (with its deadline) or returned. */
    async decideSchool(
      c: { countyId: string; id: string },
      w: {
        status: 'school_approved' | 'returned';
        by: string;
        at: Date;
        comment: string | null;
        countyDueOn: string | null;
      },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('hour_claims')
        .set({
          status: w.status,
          school_decided_by: w.by,
          school_decided_at: w.at,
          school_comment: w.comment,
          county_due_on: w.countyDueOn,
          return_reason: w.status === 'returned' ? w.comment : null,
        })
        .where('county_id', '=', c.countyId)
        .where('id', '=', c.id)
        .execute();
    },

    /** The county's decision: approved or returned. */
    async decideCounty(
      c: { countyId: string; id: string },
      w: { status: 'approved' | 'returned'; by: string; at: Date; comment: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('hour_claims')
        .set({
          status: w.status,
          county_decided_by: w.by,
          county_decided_at: w.at,
          county_comment: w.comment,
          return_reason: w.status === 'returned' ? w.comment : null,
        })
        .where('county_id', '=', c.countyId)
        .where('id', '=', c.id)
        .execute();
    },

    async withdraw(c: { countyId: string; id: string }, at: Date, trx: Database): Promise<void> {
      await trx
        .updateTable('hour_claims')
        .set({ status: 'withdrawn', withdrawn_at: at })
        .where('county_id', '=', c.countyId)
        .where('id', '=', c.id)
        .execute();
    },
  };
}

export type ClaimsRepository = ReturnType<typeof createClaimsRepository>;
