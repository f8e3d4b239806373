/** Response bodies shared by the owner's, the rater's and the subject's views. */
import type { Appeal, EvidenceItem } from '@yanxun/contracts';
import type { AppealRow, EvidenceRow } from './scoring.repository';

export const evidenceBody = (e: EvidenceRow): EvidenceItem => ({
  id: e.id,
  unitId: e.unit_id,
  name: e.name,
  uploadedAt: e.uploaded_at.toISOString(),
});

export const appealBody = (a: AppealRow, subjectName: string, unitTitle: string): Appeal => ({
  id: a.id,
  subjectId: a.subject_id,
  subjectName,
  unitId: a.unit_id,
  unitTitle,
  reason: a.reason,
  filedAt: a.filed_at.toISOString(),
  status: a.status as Appeal['status'],
  newScore: a.new_score === null ? null : a.new_score / 10,
  decisionReason: a.decision_reason,
  decidedAt: a.decided_at?.toISOString() ?? null,
});

/** How a rater is shown: by name to the campaign's owner, as 专家1/2/3 to the subject. */
export const raterLabel = (position: number, name: string | undefined, asOwner: boolean) =>
  asOwner && name ? name : `专家${position}`;
