/**
 * A commit replaces an exam's students with the upload's. Students stored for the exam whose student id is not in
 * the upload lose their scores; when that is more than a set share of the stored students (a wrong file, a sheet
 * of one school uploaded for the whole city), the commit waits for a confirmation that names the number.
 */
import type { ConfirmRemovalDetails } from '@yanxun/contracts';
import { AppError } from '../../../shared/app-error';

/** The default share of an exam's stored students a commit may remove without a confirmation. */
export const REMOVAL_CONFIRM_SHARE = 0.2;

/**
 * Refuse (409 CONFIRM_REMOVAL) a commit that would remove more than `share` of the `current` stored students,
 * unless `confirmed` is exactly the number removed: a confirmation given for another count (the stored students
 * changed meanwhile, or a different upload) does not carry over.
 */
export function checkRemoval(
  counts: { current: number; removed: number },
  share: number,
  confirmed: number | undefined,
): void {
  const { current, removed } = counts;
  if (removed === 0 || removed - share * current <= 1e-9) return;
  if (confirmed === removed) return;
  const details: ConfirmRemovalDetails = { removed, current, share };
  throw new AppError(
    'CONFIRM_REMOVAL',
    `将删除 ${removed} 名已有学生的成绩（现有 ${current} 名），请确认后再写入`,
    confirmed === undefined ? details : { ...details, confirmed },
  );
}
