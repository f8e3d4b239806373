/** How requirements and submissions are shown: accepted kinds, the rule behind each, file metadata. */
import type { FileMeta, OutcomeRequirementOut, OutcomeSubmission } from '@yanxun/contracts';
import type { OutcomeRequirement } from '@yanxun/core';
import type { FileKind } from '../../files';
import type { OutcomesContext } from '../context';
import type { ClassRules } from '../outcome-access';
import type { SubmissionRow } from './submissions.repository';

function ruleOf(rules: ClassRules, key: string): string {
  return rules.sets.find((s) => s.items.some((i) => i.requirements.some((r) => r.key === key)))?.ruleId ?? '';
}

/** The file kinds (and 'link' for a video requirement) a requirement takes, within OUTCOME_FILE_TYPES. */
export function accepts(ctx: OutcomesContext, r: OutcomeRequirement): OutcomeRequirementOut['accepts'] {
  const kinds: FileKind[] = r.video ? ['pdf', 'docx', 'mp4'] : ['pdf', 'docx'];
  const out: OutcomeRequirementOut['accepts'] = kinds.filter((k) => ctx.fileTypes.includes(k));
  if (r.video) out.push('link');
  return out;
}

/** Characters no file system takes in a name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * The name an outcome file downloads under: the teacher, the outcome's Chinese name, and the name the file was
 * uploaded with when it says more ("李明-优秀教学课例·教学反思（终稿）.pdf"), never a requirement key.
 */
export function outcomeDownloadName(teacherName: string, label: string, original: string): string {
  const dot = original.lastIndexOf('.');
  const ext =
    dot > 0 && /^\.[A-Za-z0-9]{1,5}$/.test(original.slice(dot)) ? original.slice(dot).toLowerCase() : '';
  const base = (ext ? original.slice(0, dot) : original).trim();
  const what = label.replace(/\s*·\s*/g, '·');
  const extra = base && !what.includes(base) && !base.includes(what) ? `（${base}）` : '';
  const name = `${teacherName}-${what}${extra}`.replace(UNSAFE_IN_NAME, '_').slice(0, 120);
  return `${name}${ext}`;
}

export function toRequirement(
  ctx: OutcomesContext,
  rules: ClassRules,
  r: OutcomeRequirement,
): OutcomeRequirementOut {
  return { ...r, accepts: accepts(ctx, r), ruleId: ruleOf(rules, r.key) };
}

function toSubmission(
  rules: ClassRules,
  s: SubmissionRow,
  fileMeta: Map<string, FileMeta>,
): OutcomeSubmission {
  return {
    id: s.id,
    classId: s.class_id,
    className: s.class_name,
    programmeId: s.programme_id,
    teacherId: s.teacher_id,
    teacherName: s.teacher_name,
    schoolName: s.school_name,
    requirement: s.requirement,
    label: rules.requirements.find((r) => r.key === s.requirement)?.label ?? s.requirement,
    version: s.version,
    file: s.file_id ? (fileMeta.get(s.file_id) ?? null) : null,
    link: s.link,
    note: s.note,
    status: s.status as OutcomeSubmission['status'],
    score: s.score,
    reviewComment: s.review_comment,
    submittedAt: s.submitted_at.toISOString(),
    reviewedAt: s.reviewed_at?.toISOString() ?? null,
  };
}

export async function submissionsOut(
  ctx: OutcomesContext,
  rules: ClassRules,
  rows: SubmissionRow[],
): Promise<OutcomeSubmission[]> {
  const meta = await ctx.files.metaOf(rows.flatMap((r) => (r.file_id ? [r.file_id] : [])));
  return rows.map((r) => toSubmission(rules, r, meta));
}
