/**
 * What releasing needs of the exams side, narrow: that the actor sees the exam (404 outside its scope) and the
 * audience-filtered report a public summary is made from. The exams service object satisfies it.
 */
import type { ExamReport } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';

export interface ExamsForRelease {
  /** Throws not found when the actor may not see the exam. */
  getExam(actor: Actor, id: string): Promise<unknown>;
  report(actor: Actor, id: string): Promise<ExamReport>;
}
