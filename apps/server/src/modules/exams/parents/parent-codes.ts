/** The access codes' HMAC, who is asking, and the throttle subject a reissued code clears (Y-EXAM-PARENT-CODE). */
import { createHmac } from 'node:crypto';
import { subjectHash } from '../../throttle';

/** Who is asking, for the audit log and the per-address limits (no account: a parent or the public). */
export interface ClientInfo {
  ip: string | null;
  requestId: string;
}

export function hashAccessCode(key: Buffer, countyId: string, studentId: string, code: string): string {
  return createHmac('sha256', key).update(`exam-code|${countyId}|${studentId}|${code}`).digest('hex');
}

/** What reissuing a student's code clears: every address's count for that student id. */
export const studentSubject = (studentId: string) => subjectHash('parent.student', studentId);
