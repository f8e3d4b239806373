/**
 * Classes (期/班) of a programme: the deadline board (R-004-09 … R-004-15) as a traffic light per item, and
 * the check-in rules (window of a rotating code, when check-in is open). Pure: "today" and "now" are
 * arguments.
 */
import { parseIsoDate } from '../dates';
import {
  addDays,
  type ClassOperations,
  type DeadlineOffset,
  deadlineDate,
  type PolicyPack,
  type PolicyValue,
  pv,
} from '../programs/policy-pack';

/** Used when a pack was saved before it had a `classOps` section (the values of the Henan 2021 pack). */
/** The rotating check-in code and its grace windows. */
export const CHECKIN_CODE_RULE_ID = 'Y-004-QR-ROTATE';
/** Sessions inside their class's dates, classes inside their programme's. */
export const CLASS_DATES_RULE_ID = 'Y-004-CLASS-DATES';

export const DEFAULT_CLASS_OPERATIONS: ClassOperations = {
  dueSoonDays: pv(3, 'Y-004-DUE-SOON', 'issue 3'),
  checkinRotationSeconds: pv(30, CHECKIN_CODE_RULE_ID, 'issue 3'),
  checkinGraceWindows: pv(1, CHECKIN_CODE_RULE_ID, 'issue 3'),
  checkinOpensDaysBefore: pv(1, 'Y-004-CHECKIN-OPEN', 'issue 3'),
};

export function classOperationsOf(pack: PolicyPack): ClassOperations {
  return pack.classOps ?? DEFAULT_CLASS_OPERATIONS;
}

// ---------------------------------------------------------------------------------------------------------
// Deadline board

/** green: done · amber: due soon (not yet late) · red: overdue · grey: not yet due. */
export const LIGHTS = ['green', 'amber', 'red', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

/** The items of the board; a final report item is `final_report:<index in pack.deadlines.finalReportItems>`. */
export const BOARD_ITEM_CODES = ['class_dates', 'registration_notice', 'timetable', 'bulletins'] as const;
export type BoardItemCode = (typeof BOARD_ITEM_CODES)[number] | `final_report:${number}`;

export interface BoardItem {
  code: BoardItemCode;
  label: string;
  ruleId: string;
  light: Light;
  /** Last day on time (a submission on this day is on time). */
  dueDate: string;
  /** How the due date was found: the anchor date and offset, or the pack's fixed date. */
  basis:
    | { kind: 'fixed'; date: string }
    | { kind: 'offset'; anchor: 'class_start' | 'class_end'; anchorDate: string; offsetDays: number };
  today: string;
  /** The day the (last needed) submission was made, if done. */
  submittedOn: string | null;
  /** Submitted after the due date (still green: done, but the lateness is kept). */
  late: boolean;
  /** Overdue: days past the due date; due soon / not yet due: days left (0 on the due date). */
  days: number;
  /** For counted items (工作简报): how many there are and how many are needed. */
  count?: { submitted: number; required: number };
  message: string;
}

export interface ClassDates {
  startDate: string;
  endDate: string;
}

export interface ClassSubmissions {
  /** The day the class's dates were reported (the class was created with them). */
  classDatesReportedOn: string | null;
  registrationNoticeOn: string | null;
  timetableOn: string | null;
  /** Dates of the 工作简报 that count for this class (per the pack's bulletinsBasis, decided by the caller). */
  bulletinDates: string[];
  /** Final report item name (pack.deadlines.finalReportItems) → the day it was submitted. */
  finalReports: Record<string, string | undefined>;
}

function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`not YYYY-MM-DD dates: ${from}, ${to}`);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** The light of one deadline given whether (and when) it was met. */
export function lightOf(
  dueDate: string,
  today: string,
  submittedOn: string | null,
  dueSoonDays: number,
): { light: Light; late: boolean; days: number } {
  if (submittedOn !== null) {
    const late = submittedOn > dueDate;
    return { light: 'green', late, days: late ? daysBetween(dueDate, submittedOn) : 0 };
  }
  const left = daysBetween(today, dueDate);
  if (left < 0) return { light: 'red', late: false, days: -left };
  if (left <= dueSoonDays) return { light: 'amber', late: false, days: left };
  return { light: 'grey', late: false, days: left };
}

function describe(label: string, l: { light: Light; late: boolean; days: number }, due: string): string {
  switch (l.light) {
    case 'green':
      return l.late
        ? `${label}已报送，逾期 ${l.days} 天（截止 ${due}）`
        : `${label}已按时报送（截止 ${due}）`;
    case 'red':
      return `${label}已逾期 ${l.days} 天（截止 ${due}）`;
    case 'amber':
      return l.days === 0 ? `${label}今天截止` : `${label}还有 ${l.days} 天截止（${due}）`;
    case 'grey':
      return `${label}未到期（截止 ${due}）`;
  }
}

function offsetItem(
  code: BoardItemCode,
  label: string,
  v: PolicyValue<DeadlineOffset>,
  dates: ClassDates,
  today: string,
  submittedOn: string | null,
  dueSoonDays: number,
): BoardItem {
  const dueDate = deadlineDate(v.value, dates);
  const l = lightOf(dueDate, today, submittedOn, dueSoonDays);
  return {
    code,
    label,
    ruleId: v.ruleId,
    ...l,
    dueDate,
    basis: {
      kind: 'offset',
      anchor: v.value.anchor,
      anchorDate: v.value.anchor === 'class_start' ? dates.startDate : dates.endDate,
      offsetDays: v.value.offsetDays,
    },
    today,
    submittedOn,
    message: describe(label, l, dueDate),
  };
}

/**
 * The traffic-light board of one class: 开班时间 (R-004-09), 报到通知书 (R-004-10), 课程表 (R-004-11),
 * ≥ N 工作简报 by the end of training (R-004-14), and each final report within the days after the end
 * (R-004-15). Every item carries its rule ID and the dates it was judged on.
 */
export function deadlineBoard(
  pack: PolicyPack,
  dates: ClassDates,
  submitted: ClassSubmissions,
  today: string,
  options: { bulletinsDueDate?: string } = {},
): BoardItem[] {
  const dl = pack.deadlines;
  const soon = classOperationsOf(pack).dueSoonDays.value;
  const items: BoardItem[] = [];

  const classDue = dl.classDatesDue.value;
  const cl = lightOf(classDue, today, submitted.classDatesReportedOn, soon);
  items.push({
    code: 'class_dates',
    label: '开班时间',
    ruleId: dl.classDatesDue.ruleId,
    ...cl,
    dueDate: classDue,
    basis: { kind: 'fixed', date: classDue },
    today,
    submittedOn: submitted.classDatesReportedOn,
    message: describe('开班时间', cl, classDue),
  });
  items.push(
    offsetItem(
      'registration_notice',
      '《报到通知书》',
      dl.registrationNotice,
      dates,
      today,
      submitted.registrationNoticeOn,
      soon,
    ),
  );
  items.push(offsetItem('timetable', '培训课程表', dl.timetable, dates, today, submitted.timetableOn, soon));

  // 工作简报: at least N during training, so by the end date (or the caller's later date for a provider's project).
  const required = dl.bulletinsMin.value;
  const bulletinsDue = options.bulletinsDueDate ?? dates.endDate;
  const sorted = [...submitted.bulletinDates].sort();
  const nth = sorted.length >= required ? (sorted[required - 1] ?? null) : null;
  const bl = lightOf(bulletinsDue, today, required === 0 ? bulletinsDue : nth, soon);
  const bLabel = `《工作简报》（不少于 ${required} 期）`;
  items.push({
    code: 'bulletins',
    label: bLabel,
    ruleId: dl.bulletinsMin.ruleId,
    ...bl,
    dueDate: bulletinsDue,
    basis: { kind: 'offset', anchor: 'class_end', anchorDate: bulletinsDue, offsetDays: 0 },
    today,
    submittedOn: nth,
    count: { submitted: sorted.length, required },
    message:
      bl.light === 'green'
        ? describe(bLabel, bl, bulletinsDue)
        : `${describe(bLabel, bl, bulletinsDue)}；已报 ${sorted.length} 期`,
  });

  dl.finalReportItems.value.forEach((name, i) => {
    items.push(
      offsetItem(
        `final_report:${i}`,
        name,
        dl.finalReports,
        dates,
        today,
        submitted.finalReports[name] ?? null,
        soon,
      ),
    );
  });
  return items;
}

/** Counts per light, for lists and overdue alerts. */
export function boardSummary(items: BoardItem[]): Record<Light, number> {
  const out: Record<Light, number> = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const i of items) out[i.light]++;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Check-in

export const CHECKIN_RULE_EXPIRED = 'Y-004-QR-ROTATE';
export const CHECKIN_RULE_OPEN = 'Y-004-CHECKIN-OPEN';
/** R-004-12: 报到、注册 of the trainees of a class; only those enrolled can check in. */
export const CHECKIN_RULE_ENROLLED = 'R-004-12';

/** The window a moment falls in: windows are `rotationSeconds` long, counted from the Unix epoch. */
export function checkinWindow(nowMs: number, rotationSeconds: number): number {
  return Math.floor(nowMs / 1000 / rotationSeconds);
}

/** When the window ends (ms), for the venue screen's countdown. */
export function windowEndsAt(window: number, rotationSeconds: number): number {
  return (window + 1) * rotationSeconds * 1000;
}

/** A code of `tokenWindow` is accepted now if it is the current window or one of the grace windows before it. */
export function windowAccepted(tokenWindow: number, nowWindow: number, graceWindows: number): boolean {
  return tokenWindow <= nowWindow && tokenWindow >= nowWindow - graceWindows;
}

/** Whether check-in is open on `today`: from start − N days to the end date, both included. */
export function checkinOpen(
  ops: ClassOperations,
  dates: ClassDates,
  today: string,
): { open: boolean; opensOn: string; closesOn: string } {
  const opensOn = addDays(dates.startDate, -ops.checkinOpensDaysBefore.value);
  const closesOn = dates.endDate;
  return { open: today >= opensOn && today <= closesOn, opensOn, closesOn };
}
