import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { CertificatesTable } from '../../../db/types';

/** A certificate (结业证书): numbered per programme, revoked and restored with its number. */
export type CertificateRow = Selectable<CertificatesTable>;

export interface CertificateWrite {
  programmeId: string;
  seq: number;
  no: string;
  countyId: string;
  teacherId: string;
  classId: string;
}

/** Certificates and each programme's certificate counter. */
export function createCertificatesRepository(db: Database) {
  return {
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

    certificatesOfProgramme(
      programmeId: string,
      teacherIds: string[],
      trx: Database = db,
    ): Promise<CertificateRow[]> {
      if (teacherIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('certificates')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .where('teacher_id', 'in', teacherIds)
        .execute();
    },

    certificatesOfClass(classId: string): Promise<CertificateRow[]> {
      return db.selectFrom('certificates').selectAll().where('class_id', '=', classId).execute();
    },

    async insertCertificates(rows: CertificateWrite[], trx: Database): Promise<void> {
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
  };
}
