/**
 * Verification codes (Y-VERIFY-CODE): new ones from the system's random source, a certificate's live code
 * (created on its first print with the facts it states, shared by every later print), and the revocation of a
 * certificate's code when the outcomes module revokes the certificate.
 */
import { randomBytes } from 'node:crypto';
import type { IssuedDocument } from '@yanxun/contracts';
import { formatVerificationCode, VERIFICATION_CODE_RANDOM, verificationCodeFromBytes } from '@yanxun/core';
import type { Database } from '../../../db/database';
import type { HoursContext } from '../context';
import type { CodeRow } from './documents.repository';

export function newVerificationCode(): string {
  return verificationCodeFromBytes(randomBytes(VERIFICATION_CODE_RANDOM));
}

/** What a 结业证书 states, as the outcomes module prints it. */
export interface CertificateFacts {
  countyId: string;
  teacherId: string;
  teacherName: string;
  programmeId: string;
  programmeTitle: string;
  classId: string;
  certificateNo: string;
  hoursTenths: number;
  issuer: string;
  issuedOn: string;
}

/**
 * The certificate's standing code, created with these facts on its first print. A certificate revoked and later
 * restored gets a new code: the old paper's code stays revoked.
 */
export async function certificateCode(
  ctx: HoursContext,
  f: CertificateFacts,
  by: string | null,
  trx?: Database,
): Promise<string> {
  const row = await ctx.docs.liveCertificateCode(
    {
      countyId: f.countyId,
      code: newVerificationCode(),
      kind: 'certificate',
      teacherId: f.teacherId,
      teacherName: f.teacherName,
      title: f.programmeTitle,
      hoursTenths: f.hoursTenths,
      issuerName: f.issuer,
      issuerOrgId: null,
      issuedOn: f.issuedOn,
      programmeId: f.programmeId,
      classId: f.classId,
      certificateNo: f.certificateNo,
      issuedBy: by,
      issuedAt: ctx.now(),
    },
    trx,
  );
  if (!row) throw new Error('certificate code: inserted and not found');
  return row.code;
}

/** The codes of certificates the outcomes module revokes, in its transaction; the codes revoked. */
export async function revokeCertificateCodes(
  ctx: HoursContext,
  programmeId: string,
  teacherIds: string[],
  w: { by: string | null; reason: string },
  trx: Database,
): Promise<string[]> {
  return ctx.docs.revokeCertificates(programmeId, teacherIds, { ...w, at: ctx.now() }, trx);
}

export function toIssued(r: CodeRow): IssuedDocument {
  return {
    code: formatVerificationCode(r.code),
    kind: r.kind as IssuedDocument['kind'],
    title: r.title,
    certificateNo: r.certificate_no,
    hoursTenths: r.hours_tenths,
    issuer: r.issuer_name,
    issuedOn: r.issued_on,
    issuedAt: r.issued_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokeReason: r.revoke_reason,
  };
}
