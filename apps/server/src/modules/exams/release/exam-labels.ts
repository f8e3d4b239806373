/** The names of an exam's 学段 and 学科 in Chinese and English, for the audiences outside the platform. */
import type { ExamLabels } from '@yanxun/contracts';
import { STAGES, SUBJECTS } from '@yanxun/core';

export function labelsOf(stage: string, subject: string): ExamLabels {
  const st = STAGES.find((c) => c.code === stage);
  const su = SUBJECTS.find((c) => c.code === subject);
  return {
    stage: st?.name ?? stage,
    stageEn: st?.nameEn ?? stage,
    subject: su?.name ?? subject,
    subjectEn: su?.nameEn ?? subject,
  };
}
