/** verification_codes (migration 0020): the codes of issued documents with the facts frozen at issue. */
import type { Selectable } from 'kysely';
import type { Database } from '../../../db/database';
import type { VerificationCodesTable } from '../../../db/types';

export type CodeRow = Selectable<VerificationCodesTable>;

export interface CodeWrite {
  countyId: string;
  code: string;
  kind: 'transcript' | 'certificate';
  teacherId: string;
  teacherName: string;
  title: string;
  hoursTenths: number;
  issuerName: string;
  issuerOrgId: string | null;
  issuedOn: string;
  programmeId?: string | null;
  classId?: string | null;
  certificateNo?: string | null;
  details?: Record<string, unknown>;
  issuedBy: string | null;
  issuedAt: Date;
}

const valuesOf = (w: CodeWrite) => ({
  county_id: w.countyId,
  code: w.code,
  kind: w.kind,
  teacher_id: w.teacherId,
  teacher_name: w.teacherName,
  title: w.title,
  hours_tenths: w.hoursTenths,
  issuer_name: w.issuerName,
  issuer_org_id: w.issuerOrgId,
  issued_on: w.issuedOn,
  programme_id: w.programmeId ?? null,
  class_id: w.classId ?? null,
  certificate_no: w.certificateNo ?? null,
  details: JSON.stringify(w.details ?? {}),
  issued_by: w.issuedBy,
  issued_at: w.issuedAt,
});

export function createDocumentsRepository(db: Database) {
  return {
    async insert(w: CodeWrite, trx: Database = db): Promise<void> {
      await trx.insertInto('verification_codes').values(valuesOf(w)).execute();
    },

    /**
     * The live code of a certificate, created with these facts when it has none: two renders at once insert
     * one (the partial unique index), and both read it back.
     */
    async liveCertificateCode(w: CodeWrite, trx: Database = db): Promise<CodeRow | undefined> {
      await trx
        .insertInto('verification_codes')
        .values(valuesOf(w))
        .onConflict((oc) =>
          oc
            .columns(['county_id', 'programme_id', 'teacher_id'])
            .where('kind', '=', 'certificate')
            .where('revoked_at', 'is', null)
            .doNothing(),
        )
        .execute();
      return trx
        .selectFrom('verification_codes')
        .selectAll()
        .where('county_id', '=', w.countyId)
        .where('kind', '=', 'certificate')
        .where('programme_id', '=', w.programmeId ?? '0')
        .where('teacher_id', '=', w.teacherId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    /** A code, from any county (the public lookup has the code alone). */
    findByCode(code: string): Promise<CodeRow | undefined> {
      return db.selectFrom('verification_codes').selectAll().where('code', '=', code).executeTakeFirst();
    },

    /** Every document issued for a teacher, newest first. */
    documentsOf(teacherId: string): Promise<CodeRow[]> {
      return db
        .selectFrom('verification_codes')
        .selectAll()
        .where('teacher_id', '=', teacherId)
        .orderBy('issued_at', 'desc')
        .orderBy('code')
        .execute();
    },

    /** Revoke one code if it stands; the row as it is now, or undefined when it was revoked already. */
    async revoke(
      countyId: string,
      code: string,
      w: { by: string | null; reason: string; at: Date },
      trx: Database = db,
    ): Promise<CodeRow | undefined> {
      return trx
        .updateTable('verification_codes')
        .set({ revoked_at: w.at, revoked_by: w.by, revoke_reason: w.reason })
        .where('county_id', '=', countyId)
        .where('code', '=', code)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    /** Revoke the live codes of a programme's certificates for these teachers; the codes revoked. */
    async revokeCertificates(
      programmeId: string,
      teacherIds: string[],
      w: { by: string | null; reason: string; at: Date },
      trx: Database,
    ): Promise<string[]> {
      if (teacherIds.length === 0) return [];
      const rows = await trx
        .updateTable('verification_codes')
        .set({ revoked_at: w.at, revoked_by: w.by, revoke_reason: w.reason })
        .where('kind', '=', 'certificate')
        .where('programme_id', '=', programmeId)
        .where('teacher_id', 'in', teacherIds)
        .where('revoked_at', 'is', null)
        .returning('code')
        .execute();
      return rows.map((r) => r.code);
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
