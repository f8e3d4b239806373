/**
 * Outcomes and completion (结业) of a class: which outcomes a trainee owes (the seed 004
 * annex, per project type and track), when they are due, what may be uploaded for each, whether a teacher
 * completes (attendance share and accepted outcomes, each rule with pass/fail and its values), the 学时
 * posted and the certificate number. Pure: "today" is an argument.
 */
import {
  addDays,
  type CompletionRules,
  findProjectType,
  findTrack,
  type PolicyPack,
  pv,
  totalCentralizedDays,
  totalOnlineTenths,
} from '../programs/policy-pack';

/** Used when a pack was saved before it had a `completion` section (the values of the Henan 2021 pack). */
export const DEFAULT_COMPLETION_RULES: CompletionRules = {
  minAttendancePct: pv(80, 'Y-004-ATTEND-MIN', 'issue 3'),
  approvedLeave: pv('absent', 'Y-004-LEAVE-COUNT', 'issue 3'),
  outcomeDueDaysAfterEnd: pv(30, 'Y-004-OUTCOME-DUE', 'issue 3'),
  outcomePassScore: pv(60, 'Y-004-OUTCOME-PASS', 'issue 3'),
  videoOutcomes: pv(['课堂教学实录', '高质量示范课'], 'Y-004-OUTCOME-VIDEO', 'issue 3'),
  partialHours: pv('none', 'Y-004-HOURS', 'issue 3'),
  certificateSeqDigits: pv(5, 'Y-004-CERT-NO', 'issue 3'),
};

export function completionRulesOf(pack: PolicyPack): CompletionRules {
  return pack.completion ?? DEFAULT_COMPLETION_RULES;
}

/** Outcomes are the trainees' (参训教师成果, R-004-16): only a teacher enrolled in the class hands them in. */
export const OUTCOME_RULE_ENROLLED = 'R-004-16';
/** Completion is run from the class's end date on (Y-004-COMPLETION-RUN). */
export const COMPLETION_RULE_RUN = 'Y-004-COMPLETION-RUN';
/** Non-completion (未结业) recorded in the integrity archive (R-004-20). */
export const COMPLETION_RULE_INTEGRITY = 'R-004-20';

// ---------------------------------------------------------------------------------------------------------
// Required outcomes

/** One thing a trainee uploads: an outcome item, or one part of it (a 课例's 教学设计). */
export interface OutcomeRequirement {
  /** `<item code>` or `<item code>:<part>`; the key submissions are stored under. */
  key: string;
  itemCode: string;
  itemName: string;
  part: string | null;
  /** '优秀教学课例 · 教学设计'. */
  label: string;
  /** Whether a video (MP4 or a link) is accepted for it (Y-004-OUTCOME-VIDEO). */
  video: boolean;
}

export interface OutcomeRequirementItem {
  code: string;
  name: string;
  requirements: OutcomeRequirement[];
}

/** An outcome set of the annex: `all` items, or `any` one of them (R-004-64, R-004-71). */
export interface OutcomeRequirementSet {
  ruleId: string;
  source: string;
  mode: 'all' | 'any';
  note?: string;
  items: OutcomeRequirementItem[];
}

export function requirementKey(itemCode: string, part: string | null): string {
  return part ? `${itemCode}:${part}` : itemCode;
}

/** The outcome sets a trainee of the project type's track owes (owner `trainee`); empty when none. */
export function requiredOutcomes(
  pack: PolicyPack,
  projectTypeCode: string,
  trackCode?: string,
): OutcomeRequirementSet[] {
  const type = findProjectType(pack, projectTypeCode);
  if (!type) return [];
  const track = findTrack(type, trackCode);
  if (!track) return [];
  const video = new Set(completionRulesOf(pack).videoOutcomes.value);
  return type.outcomes
    .filter((o) => o.value.owner === 'trainee' && (o.value.trackCode ?? track.code) === track.code)
    .map((o) => ({
      ruleId: o.ruleId,
      source: o.source,
      mode: o.value.mode,
      ...(o.note ? { note: o.note } : {}),
      items: o.value.items.map((item) => ({
        code: item.code,
        name: item.name,
        requirements: (item.parts && item.parts.length > 0 ? item.parts : [null]).map((part) => ({
          key: requirementKey(item.code, part),
          itemCode: item.code,
          itemName: item.name,
          part,
          label: part ? `${item.name} · ${part}` : item.name,
          video: video.has(item.name) || (part !== null && video.has(part)),
        })),
      })),
    }));
}

/** Every requirement of the sets, flat. */
export function allRequirements(sets: OutcomeRequirementSet[]): OutcomeRequirement[] {
  const seen = new Map<string, OutcomeRequirement>();
  for (const s of sets) for (const i of s.items) for (const r of i.requirements) seen.set(r.key, r);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Deadline

export interface OutcomeWindow {
  open: boolean;
  /** The last day an outcome is accepted. */
  dueDate: string;
  opensOn: string;
  ruleId: string;
}

/** Outcomes are accepted from the class's start date up to end date + N days (Y-004-OUTCOME-DUE), both inclusive. */
export function outcomeWindow(
  rules: CompletionRules,
  cls: { startDate: string; endDate: string },
  today: string,
): OutcomeWindow {
  const dueDate = addDays(cls.endDate, rules.outcomeDueDaysAfterEnd.value);
  return {
    open: today >= cls.startDate && today <= dueDate,
    dueDate,
    opensOn: cls.startDate,
    ruleId: rules.outcomeDueDaysAfterEnd.ruleId,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Completion

export type OutcomeStatus = 'submitted' | 'returned' | 'accepted';

export interface CompletionInputs {
  /** Sessions of the class (or 1 when the class has no timetable: the 报到 counts). */
  sessions: number;
  /** Sessions the teacher checked in to. */
  attended: number;
  /** Sessions with an approved leave that the teacher did not attend. */
  approvedLeave: number;
  /** The latest version of each requirement the teacher submitted, by requirement key. */
  outcomes: Record<string, { status: OutcomeStatus; score: number | null } | undefined>;
}

export interface CompletionCheck {
  ruleId: string;
  code: 'attendance' | 'outcomes';
  passed: boolean;
  /** Chinese, naming the rule. */
  message: string;
  values: Record<string, unknown>;
}

export interface CompletionResult {
  completed: boolean;
  checks: CompletionCheck[];
  /** Attendance share in percent, one decimal. */
  attendancePct: number;
  /** 学时 to post, in tenths (0 when not completed and the pack posts no partial hours). */
  hoursTenths: number;
  /** 学时 of the whole programme (tenths) and the rule it comes from. */
  fullHoursTenths: number;
  hoursRuleId: string;
}

/** 学时 of a programme's track: centralised days × 学时 per day + online 学时 (tenths; Y-004-HOURS, R-004-05). */
export function programmeHoursTenths(pack: PolicyPack, projectTypeCode: string, trackCode?: string): number {
  const type = findProjectType(pack, projectTypeCode);
  const track = type && findTrack(type, trackCode);
  if (!type || !track) return 0;
  return (
    totalCentralizedDays(type, track) * pack.design.dayHoursTenths.value + totalOnlineTenths(type, track)
  );
}

const fmt = (tenths: number) => (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1);

/** Whether a teacher completes the class: every rule with pass/fail and the values used. */
export function evaluateCompletion(
  inputs: CompletionInputs,
  pack: PolicyPack,
  projectTypeCode: string,
  trackCode?: string,
): CompletionResult {
  const rules = completionRulesOf(pack);
  const leave = rules.approvedLeave.value;
  const attended = Math.min(
    inputs.sessions,
    inputs.attended + (leave === 'present' ? inputs.approvedLeave : 0),
  );
  const counted = Math.max(0, inputs.sessions - (leave === 'excused' ? inputs.approvedLeave : 0));
  const min = rules.minAttendancePct.value;
  // integers only: attended / counted ≥ min % ⇔ attended × 100 ≥ min × counted
  const attendanceOk = attended * 100 >= min * counted;
  const pct = counted === 0 ? 100 : Math.floor((attended * 1000) / counted) / 10;
  const checks: CompletionCheck[] = [
    {
      ruleId: rules.minAttendancePct.ruleId,
      code: 'attendance',
      passed: attendanceOk,
      message: attendanceOk
        ? `出勤 ${attended}/${counted}（${pct}%），不低于 ${min}%`
        : `出勤 ${attended}/${counted}（${pct}%），低于 ${min}%，不能结业`,
      values: {
        attended,
        counted,
        sessions: inputs.sessions,
        approvedLeave: inputs.approvedLeave,
        leaveCounts: leave,
        leaveRuleId: rules.approvedLeave.ruleId,
        pct,
        minPct: min,
      },
    },
  ];
  const pass = rules.outcomePassScore.value;
  const ok = (key: string) => {
    const o = inputs.outcomes[key];
    return o?.status === 'accepted' && (o.score ?? 0) >= pass;
  };
  for (const set of requiredOutcomes(pack, projectTypeCode, trackCode)) {
    const itemsOk = set.items.map((i) => i.requirements.every((r) => ok(r.key)));
    const passed = set.mode === 'all' ? itemsOk.every(Boolean) : itemsOk.some(Boolean);
    const missing = set.items
      .flatMap((i) => i.requirements)
      .filter((r) => !ok(r.key))
      .map((r) => r.label);
    const names = set.items.map((i) => i.name).join(set.mode === 'all' ? '、' : '或');
    checks.push({
      ruleId: set.ruleId,
      code: 'outcomes',
      passed,
      message: passed
        ? `成果${names}已评审合格`
        : `成果未合格：${set.mode === 'all' ? missing.join('、') : `${names}任选其一`}须提交并评为 ${pass} 分及以上`,
      values: {
        mode: set.mode,
        items: set.items.map((i, n) => ({ code: i.code, name: i.name, passed: itemsOk[n] })),
        missing: passed ? [] : missing,
        passScore: pass,
        passRuleId: rules.outcomePassScore.ruleId,
      },
    });
  }
  const completed = checks.every((c) => c.passed);
  const full = programmeHoursTenths(pack, projectTypeCode, trackCode);
  let hours = completed ? full : 0;
  if (!completed && rules.partialHours.value === 'attended_share' && counted > 0) {
    hours = Math.floor((full * attended) / counted);
  }
  return {
    completed,
    checks,
    attendancePct: pct,
    hoursTenths: hours,
    fullHoursTenths: full,
    hoursRuleId: rules.partialHours.ruleId,
  };
}

/** '2021-12-00007': year, programme id and the sequence padded to the pack's digits (Y-004-CERT-NO). */
export function certificateNumber(year: number, programmeId: string, seq: number, digits = 5): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`certificate sequence must be ≥ 1: ${seq}`);
  return `${year}-${programmeId}-${String(seq).padStart(digits, '0')}`;
}

/** 学时 in tenths as text: 1500 → '150', 455 → '45.5'. */
export function formatHours(tenths: number): string {
  return fmt(tenths);
}
