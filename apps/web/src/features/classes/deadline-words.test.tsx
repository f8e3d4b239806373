import { cleanup, screen } from '@testing-library/react';
import type { BoardItem, ClassAlert } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { DeadlineBoard } from './class-detail-page';
import { AlertsCard } from './classes-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { ...actual.api, classAlerts: vi.fn() } };
});

afterEach(cleanup);

const base = {
  today: '2026-05-10',
  basis: { kind: 'fixed', date: '2026-05-01' },
  submittedOn: null,
  late: false,
} as const;

/** A board as core's deadlineBoard words it (class-rules.ts), one item in each state. */
const board: BoardItem[] = [
  {
    ...base,
    code: 'class_dates',
    label: '开班时间',
    ruleId: 'R-004-09',
    light: 'green',
    dueDate: '2026-05-01',
    submittedOn: '2026-05-04',
    late: true,
    days: 3,
    message: '开班时间已报送，逾期 3 天（截止 2026-05-01）',
  },
  {
    ...base,
    code: 'registration_notice',
    label: '《报到通知书》',
    ruleId: 'R-004-10',
    light: 'red',
    dueDate: '2026-05-08',
    days: 2,
    message: '《报到通知书》已逾期 2 天（截止 2026-05-08）',
  },
  {
    ...base,
    code: 'timetable',
    label: '培训课程表',
    ruleId: 'R-004-11',
    light: 'amber',
    dueDate: '2026-05-11',
    days: 1,
    message: '培训课程表还有 1 天截止（2026-05-11）',
  },
  {
    ...base,
    code: 'bulletins',
    label: '《工作简报》（不少于 2 期）',
    ruleId: 'R-004-14',
    light: 'grey',
    dueDate: '2026-06-30',
    days: 51,
    count: { submitted: 1, required: 2 },
    message: '《工作简报》（不少于 2 期）未到期（截止 2026-06-30）；已报 1 期',
  },
  {
    ...base,
    code: 'final_report:0',
    label: '培训总结',
    ruleId: 'R-004-15',
    light: 'green',
    dueDate: '2026-07-15',
    submittedOn: '2026-07-01',
    days: 0,
    message: '培训总结已按时报送（截止 2026-07-15）',
  },
];

function reasons(): string[] {
  return screen.getAllByTestId('reason').map((e) => e.textContent ?? '');
}

describe('the deadline board in words from the code, light and days', () => {
  it('zh-CN: the same sentences core wrote', () => {
    renderWithApp(<DeadlineBoard items={board} />);
    expect(reasons()).toEqual(board.map((i) => i.message));
  });

  it('en-US: item names and sentences in English; a final report keeps the pack’s own name', () => {
    renderWithApp(<DeadlineBoard items={board} />, { lang: 'en-US' });
    expect(reasons()).toEqual([
      'Class dates: submitted 3 days late (due 2026-05-01)',
      'Registration notice: 2 days overdue (due 2026-05-08)',
      'Timetable: due in 1 day (2026-05-11)',
      'Work bulletins (at least 2): not yet due (due 2026-06-30); 1 submitted so far',
      '培训总结: submitted on time (due 2026-07-15)',
    ]);
    for (const r of reasons()) expect(hanOutside(r, '培训总结')).toBe('');
    expect(screen.getByText('Class dates')).toBeTruthy();
    expect(screen.queryByText('开班时间')).toBeNull();
  });

  it('a code the web does not know keeps the server’s sentence', () => {
    const odd = {
      ...board[1],
      code: 'class_dates:new',
      message: '某事项已逾期 2 天',
    } as unknown as BoardItem;
    renderWithApp(<DeadlineBoard items={[odd]} />, { lang: 'en-US' });
    expect(reasons()).toEqual(['某事项已逾期 2 天']);
  });
});

describe('the overdue alerts of the classes page', () => {
  const alerts: ClassAlert[] = [
    {
      classId: '3',
      className: '骨干教师一班',
      programmeTitle: '省级骨干教师培育项目',
      code: 'bulletins',
      label: '《工作简报》（不少于 2 期）',
      ruleId: 'R-004-14',
      light: 'red',
      dueDate: '2026-05-01',
      days: 9,
      count: { submitted: 0, required: 2 },
      message: '《工作简报》（不少于 2 期）已逾期 9 天（截止 2026-05-01）；已报 0 期',
    },
    {
      classId: '3',
      className: '骨干教师一班',
      programmeTitle: '省级骨干教师培育项目',
      code: 'timetable',
      label: '培训课程表',
      ruleId: 'R-004-11',
      light: 'amber',
      dueDate: '2026-05-10',
      days: 0,
      message: '培训课程表今天截止',
    },
  ];

  it('en-US: no Chinese in the sentence; zh-CN: the server’s own', async () => {
    vi.mocked(api.classAlerts).mockResolvedValue(alerts);
    renderWithApp(<AlertsCard />, { lang: 'en-US' });
    const en = (await screen.findAllByTestId('alert-sentence')).map((e) => e.textContent);
    expect(en).toEqual([
      'Work bulletins (at least 2): 9 days overdue (due 2026-05-01); 0 submitted so far',
      'Timetable: due today',
    ]);
    for (const s of en) expect(hanOutside(s)).toBe('');
    cleanup();
    renderWithApp(<AlertsCard />);
    const zh = (await screen.findAllByTestId('alert-sentence')).map((e) => e.textContent);
    expect(zh).toEqual(alerts.map((a) => a.message));
  });
});
