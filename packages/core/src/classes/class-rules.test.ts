import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from '../programs/henan-2021';
import { validatePack } from '../programs/pack-validation';
import type { PolicyPack } from '../programs/policy-pack';
import {
  boardSummary,
  type ClassSubmissions,
  checkinOpen,
  checkinWindow,
  classOperationsOf,
  DEFAULT_CLASS_OPERATIONS,
  deadlineBoard,
  lightOf,
  windowAccepted,
  windowEndsAt,
} from './class-rules';

const DATES = { startDate: '2021-09-20', endDate: '2021-09-30' };
const NONE: ClassSubmissions = {
  classDatesReportedOn: null,
  registrationNoticeOn: null,
  timetableOn: null,
  bulletinDates: [],
  finalReports: {},
};

const item = (today: string, sub: Partial<ClassSubmissions> = {}, code = 'registration_notice') => {
  const found = deadlineBoard(HENAN_2021_PACK, DATES, { ...NONE, ...sub }, today).find(
    (i) => i.code === code,
  );
  if (!found) throw new Error(`no item ${code}`);
  return found;
};

describe('lightOf (Y-004-DUE-SOON: amber 3 days before the due date, red the day after)', () => {
  it('grey 4 days before, amber 3 days before, amber on the due date, red the day after', () => {
    expect(lightOf('2021-09-10', '2021-09-06', null, 3)).toEqual({ light: 'grey', late: false, days: 4 });
    expect(lightOf('2021-09-10', '2021-09-07', null, 3)).toEqual({ light: 'amber', late: false, days: 3 });
    expect(lightOf('2021-09-10', '2021-09-10', null, 3)).toEqual({ light: 'amber', late: false, days: 0 });
    expect(lightOf('2021-09-10', '2021-09-11', null, 3)).toEqual({ light: 'red', late: false, days: 1 });
  });
  it('green when submitted: on the due date on time, the day after late by 1 day', () => {
    expect(lightOf('2021-09-10', '2021-09-20', '2021-09-10', 3)).toEqual({
      light: 'green',
      late: false,
      days: 0,
    });
    expect(lightOf('2021-09-10', '2021-09-20', '2021-09-11', 3)).toEqual({
      light: 'green',
      late: true,
      days: 1,
    });
  });
  it('dueSoonDays 0: amber only on the due date itself', () => {
    expect(lightOf('2021-09-10', '2021-09-09', null, 0).light).toBe('grey');
    expect(lightOf('2021-09-10', '2021-09-10', null, 0).light).toBe('amber');
  });
});

describe('R-004-10: 报到通知书 due at start − 10 days', () => {
  it('due 2021-09-10 for a class starting 2021-09-20, with the dates used', () => {
    const i = item('2021-09-01');
    expect(i.ruleId).toBe('R-004-10');
    expect(i.dueDate).toBe('2021-09-10');
    expect(i.basis).toEqual({
      kind: 'offset',
      anchor: 'class_start',
      anchorDate: '2021-09-20',
      offsetDays: -10,
    });
    expect(i.light).toBe('grey');
  });
  it('submitted on 09-10 is on time (green), on 09-11 is late', () => {
    expect(item('2021-09-15', { registrationNoticeOn: '2021-09-10' })).toMatchObject({
      light: 'green',
      late: false,
    });
    expect(item('2021-09-15', { registrationNoticeOn: '2021-09-11' })).toMatchObject({
      light: 'green',
      late: true,
      days: 1,
    });
  });
  it('not submitted: amber on 09-10, red on 09-11; the item carries the rule, the message is plain', () => {
    expect(item('2021-09-10').light).toBe('amber');
    const red = item('2021-09-11');
    expect(red.light).toBe('red');
    expect(red.ruleId).toBe('R-004-10');
    expect(red.message).not.toContain('R-004-10');
    expect(red.message).toContain('逾期 1 天');
  });
});

describe('R-004-11: 课程表 due at start − 5 days', () => {
  it('due 09-15: amber on 09-15, red on 09-16; grey on 09-11, amber on 09-12', () => {
    expect(item('2021-09-15', {}, 'timetable')).toMatchObject({
      ruleId: 'R-004-11',
      dueDate: '2021-09-15',
      light: 'amber',
    });
    expect(item('2021-09-16', {}, 'timetable').light).toBe('red');
    expect(item('2021-09-11', {}, 'timetable').light).toBe('grey');
    expect(item('2021-09-12', {}, 'timetable').light).toBe('amber');
  });
  it('on time on 09-15, late on 09-16', () => {
    expect(item('2021-09-20', { timetableOn: '2021-09-15' }, 'timetable').late).toBe(false);
    expect(item('2021-09-20', { timetableOn: '2021-09-16' }, 'timetable').late).toBe(true);
  });
});

describe('R-004-09: class dates reported by 2021-08-10 (fixed date of the pack)', () => {
  it('reported on 08-10 on time, on 08-11 late; not reported: red on 08-11', () => {
    expect(item('2021-09-01', { classDatesReportedOn: '2021-08-10' }, 'class_dates')).toMatchObject({
      ruleId: 'R-004-09',
      light: 'green',
      late: false,
      basis: { kind: 'fixed', date: '2021-08-10' },
    });
    expect(item('2021-09-01', { classDatesReportedOn: '2021-08-11' }, 'class_dates').late).toBe(true);
    expect(item('2021-08-10', {}, 'class_dates').light).toBe('amber');
    expect(item('2021-08-11', {}, 'class_dates').light).toBe('red');
  });
});

describe('R-004-14: at least 3 工作简报 by the end of training', () => {
  it('2 bulletins are not enough (red after the end), 3 are (green, dated by the third)', () => {
    const two = item('2021-10-01', { bulletinDates: ['2021-09-21', '2021-09-25'] }, 'bulletins');
    expect(two).toMatchObject({ ruleId: 'R-004-14', light: 'red', count: { submitted: 2, required: 3 } });
    const three = item(
      '2021-10-01',
      { bulletinDates: ['2021-09-28', '2021-09-21', '2021-09-25'] },
      'bulletins',
    );
    expect(three).toMatchObject({ light: 'green', late: false, submittedOn: '2021-09-28' });
  });
  it('the third on the end date is on time, the day after is late', () => {
    expect(
      item('2021-10-05', { bulletinDates: ['2021-09-21', '2021-09-22', '2021-09-30'] }, 'bulletins').late,
    ).toBe(false);
    expect(
      item('2021-10-05', { bulletinDates: ['2021-09-21', '2021-09-22', '2021-10-01'] }, 'bulletins').late,
    ).toBe(true);
  });
  it('amber in the last 3 days of training while short, grey before; a later due date from the caller is used', () => {
    expect(item('2021-09-27', {}, 'bulletins').light).toBe('amber');
    expect(item('2021-09-26', {}, 'bulletins').light).toBe('grey');
    const board = deadlineBoard(HENAN_2021_PACK, DATES, NONE, '2021-10-01', {
      bulletinsDueDate: '2021-10-20',
    });
    expect(board.find((i) => i.code === 'bulletins')).toMatchObject({ dueDate: '2021-10-20', light: 'grey' });
  });
});

describe('R-004-15: final reports within 30 days of the end', () => {
  it('one item per report, due end + 30 = 2021-10-30: on time on 10-30, late on 10-31; red on 10-31', () => {
    const board = deadlineBoard(HENAN_2021_PACK, DATES, NONE, '2021-10-30');
    const finals = board.filter((i) => i.code.startsWith('final_report:'));
    expect(finals.map((i) => i.label)).toEqual(HENAN_2021_PACK.deadlines.finalReportItems.value);
    expect(
      finals.every((i) => i.ruleId === 'R-004-15' && i.dueDate === '2021-10-30' && i.light === 'amber'),
    ).toBe(true);
    const name = HENAN_2021_PACK.deadlines.finalReportItems.value[0] ?? '';
    expect(item('2021-10-31', {}, 'final_report:0').light).toBe('red');
    expect(item('2021-11-01', { finalReports: { [name]: '2021-10-30' } }, 'final_report:0').late).toBe(false);
    expect(item('2021-11-01', { finalReports: { [name]: '2021-10-31' } }, 'final_report:0').late).toBe(true);
  });
  it('the summary counts lights', () => {
    const board = deadlineBoard(
      HENAN_2021_PACK,
      DATES,
      { ...NONE, classDatesReportedOn: '2021-08-01' },
      '2021-09-12',
    );
    expect(boardSummary(board)).toEqual({ green: 1, amber: 1, red: 1, grey: 4 });
  });
});

describe('Y-004-QR-ROTATE: rotating check-in windows', () => {
  it('windows are 30 s long from the epoch; the boundary instant starts the next window', () => {
    expect(checkinWindow(29_999, 30)).toBe(0);
    expect(checkinWindow(30_000, 30)).toBe(1);
    expect(windowEndsAt(1, 30)).toBe(60_000);
  });
  it('accepted in its own window and one grace window after; refused two windows later and before it exists', () => {
    expect(windowAccepted(10, 10, 1)).toBe(true);
    expect(windowAccepted(10, 11, 1)).toBe(true);
    expect(windowAccepted(10, 12, 1)).toBe(false);
    expect(windowAccepted(11, 10, 1)).toBe(false);
    expect(windowAccepted(10, 11, 0)).toBe(false);
  });
  it('the Henan pack rotates every 30 s with 1 grace window; a pack without classOps gets the defaults', () => {
    const ops = classOperationsOf(HENAN_2021_PACK);
    expect(ops.checkinRotationSeconds.value).toBe(30);
    expect(ops.checkinGraceWindows.value).toBe(1);
    const { classOps: _omit, ...old } = structuredClone(HENAN_2021_PACK) as PolicyPack;
    expect(classOperationsOf(old)).toBe(DEFAULT_CLASS_OPERATIONS);
  });
});

describe('Y-004-CHECKIN-OPEN: check-in opens 1 day before the start and closes after the end date', () => {
  const ops = classOperationsOf(HENAN_2021_PACK);
  it('closed 2 days before, open 1 day before, open on the end date, closed the day after', () => {
    expect(checkinOpen(ops, DATES, '2021-09-18').open).toBe(false);
    expect(checkinOpen(ops, DATES, '2021-09-19')).toEqual({
      open: true,
      opensOn: '2021-09-19',
      closesOn: '2021-09-30',
    });
    expect(checkinOpen(ops, DATES, '2021-09-30').open).toBe(true);
    expect(checkinOpen(ops, DATES, '2021-10-01').open).toBe(false);
  });
});

describe('validatePack: classOps', () => {
  const withOps = (patch: Record<string, number>) => {
    const p = structuredClone(HENAN_2021_PACK) as PolicyPack;
    const ops = p.classOps ?? structuredClone(DEFAULT_CLASS_OPERATIONS);
    const byKey = ops as unknown as Record<string, { value: number } | undefined>;
    for (const [k, v] of Object.entries(patch)) {
      const target = byKey[k];
      if (target) target.value = v;
    }
    p.classOps = ops;
    return validatePack(p);
  };
  it('the Henan values pass; rotation 10 s passes, 9 s fails; 600 s passes, 601 s fails', () => {
    expect(withOps({})).toEqual([]);
    expect(withOps({ checkinRotationSeconds: 10 })).toEqual([]);
    expect(withOps({ checkinRotationSeconds: 9 })[0]).toMatchObject({
      ruleId: 'Y-004-QR-ROTATE',
      path: 'classOps.checkinRotationSeconds',
    });
    expect(withOps({ checkinRotationSeconds: 600 })).toEqual([]);
    expect(withOps({ checkinRotationSeconds: 601 })).toHaveLength(1);
  });
  it('grace 2 passes, 3 fails; negative due-soon days fail', () => {
    expect(withOps({ checkinGraceWindows: 2 })).toEqual([]);
    expect(withOps({ checkinGraceWindows: 3 })).toHaveLength(1);
    expect(withOps({ dueSoonDays: -1 })[0]).toMatchObject({ ruleId: 'Y-004-DUE-SOON' });
  });
});
