import { z } from 'zod';

/** What an issued document is: a teacher's 学时证明 or a 结业证书. */
export const documentKindSchema = z.enum(['transcript', 'certificate']);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** What the public page verifies: the documents above and the evaluation module's certificates of honour (荣誉证书). */
export const verificationKindSchema = z.enum([...documentKindSchema.options, 'honour']);

/**
 * The public verification page (no sign-in): only what a verifier needs to compare with the paper in hand — the
 * holder's name masked, what the document is, its hours, who issued it and when, and whether it still stands.
 * No ID number, phone or school: the paper carries them, and a code found or guessed must not reveal them.
 */
export const publicVerificationSchema = z.object({
  /** the code as printed, XXXX-XXXX-XXXX-XXXX-XXXX */
  code: z.string(),
  kind: verificationKindSchema,
  status: z.enum(['valid', 'revoked']),
  /** 罗*燕 */
  holder: z.string(),
  /** the programme's title, 学时证明, or the honour (2026年度优秀工作坊) */
  title: z.string(),
  certificateNo: z.string().nullable(),
  hoursTenths: z.number().int(),
  /** a transcript's school years, e.g. 2021-2022 至 2025-2026 学年 */
  period: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
  /** one sentence saying what the status means, in Chinese */
  message: z.string(),
});
export type PublicVerification = z.infer<typeof publicVerificationSchema>;

/** A document issued for a teacher, as staff list them (with the full code, to revoke). */
export const issuedDocumentSchema = z.object({
  code: z.string(),
  kind: documentKindSchema,
  title: z.string(),
  certificateNo: z.string().nullable(),
  hoursTenths: z.number().int(),
  issuer: z.string(),
  issuedOn: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;
export const issuedDocumentsSchema = z.object({ items: z.array(issuedDocumentSchema) });
export type IssuedDocuments = z.infer<typeof issuedDocumentsSchema>;

/** Revoking an issued 学时证明: why, in words (shown to staff; the public page shows only the date). */
export const revokeDocumentSchema = z.object({ reason: z.string().trim().min(2).max(200) });
export type RevokeDocumentRequest = z.infer<typeof revokeDocumentSchema>;
