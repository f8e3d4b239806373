/** Issued documents: the public verification of a code, a teacher's 学时证明, revoking one. */
import {
  type IssuedDocument,
  type IssuedDocuments,
  issuedDocumentSchema,
  issuedDocumentsSchema,
  type PublicVerification,
  publicVerificationSchema,
  type RevokeDocumentRequest,
} from '@yanxun/contracts';
import { fileNameFromDisposition, parseWith, type Transport } from './api-transport';

export function documentsApi({ get, json, send }: Transport) {
  return {
    /** No sign-in: an unknown code is a 404, never a trip to the staff login. */
    async verifyDocument(code: string): Promise<PublicVerification> {
      const path = `/api/v1/public/verify/${encodeURIComponent(code)}`;
      return parseWith(
        publicVerificationSchema,
        await json('GET', path, { skipAuthRedirect: true }),
        `GET ${path}`,
      );
    },
    /** Issue a 学时证明: the PDF with the server's file name and its verification code. */
    async issueTranscript(
      teacherId: string,
    ): Promise<{ blob: Blob; fileName: string | null; code: string | null }> {
      const res = await send('POST', `/api/v1/teachers/${encodeURIComponent(teacherId)}/transcripts`);
      return {
        blob: await res.blob(),
        fileName: fileNameFromDisposition(res.headers.get('content-disposition')),
        code: res.headers.get('x-verification-code'),
      };
    },
    /** The signed-in teacher prints their own 学时证明 (at most five a day). */
    async issueOwnTranscript(): Promise<{ blob: Blob; fileName: string | null; code: string | null }> {
      const res = await send('POST', '/api/v1/me/transcripts');
      return {
        blob: await res.blob(),
        fileName: fileNameFromDisposition(res.headers.get('content-disposition')),
        code: res.headers.get('x-verification-code'),
      };
    },
    teacherDocuments(teacherId: string): Promise<IssuedDocuments> {
      return get(issuedDocumentsSchema, `/api/v1/teachers/${encodeURIComponent(teacherId)}/documents`);
    },
    async revokeDocument(code: string, body: RevokeDocumentRequest): Promise<IssuedDocument> {
      const path = `/api/v1/verification-codes/${encodeURIComponent(code)}/revoke`;
      return parseWith(issuedDocumentSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
  };
}
