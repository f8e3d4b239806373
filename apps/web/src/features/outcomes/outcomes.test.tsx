import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClassCompletion, MyTraining, OutcomeSubmission } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ClassCompletionPage } from './class-completion-page';
import { MyTrainingPage } from './my-training-page';
import { OutcomeReviewPage } from './outcome-review-page';
import { TeacherHoursCard } from './teacher-hours-card';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      myTraining: vi.fn(),
      submitOutcomeFile: vi.fn(),
      submitOutcomeLink: vi.fn(),
      outcomeQueue: vi.fn(),
      reviewOutcome: vi.fn(),
      classDetail: vi.fn(),
      classCompletion: vi.fn(),
      runCompletion: vi.fn(),
      recordNotCompleted: vi.fn(),
      teacherHours: vi.fn(),
      reverseHours: vi.fn(),
    },
  };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const sub = (over: Partial<OutcomeSubmission> = {}): OutcomeSubmission => ({
  id: '11',
  classId: '7',
  className: 'A 班',
  programmeId: '3',
  teacherId: '101',
  teacherName: '张老师',
  schoolName: '清城区第一小学',
  requirement: 'demonstration_lesson',
  label: '高质量示范课',
  version: 1,
  file: {
    id: '5',
    name: '示范课.pdf',
    mime: 'application/pdf',
    size: 10,
    sha256: 'x',
    createdAt: '2021-09-08T01:00:00.000Z',
  },
  link: null,
  note: '',
  status: 'submitted',
  score: null,
  reviewComment: null,
  submittedAt: '2021-09-08T01:00:00.000Z',
  reviewedAt: null,
  ...over,
});

const training = (over: Partial<MyTraining['items'][number]> = {}): MyTraining => ({
  teacherId: '101',
  hours: {
    teacherId: '101',
    totalTenths: 1500,
    canReverse: false,
    entries: [
      {
        id: '1',
        programmeId: '3',
        programmeTitle: '乡村骨干教师素质提升',
        classId: '7',
        hoursTenths: 1500,
        source: 'completion',
        ruleId: 'Y-004-HOURS',
        postedAt: '2021-09-10T01:00:00.000Z',
        reversedAt: null,
        reverseReason: null,
      },
    ],
  },
  items: [
    {
      programmeId: '3',
      programmeTitle: '乡村骨干教师素质提升',
      classId: '7',
      className: 'A 班',
      startDate: '2021-09-06',
      endDate: '2021-09-10',
      venue: '报告厅',
      attendance: { sessions: 10, attended: 8, approvedLeave: 1 },
      outcomeWindow: {
        open: true,
        opensOn: '2021-09-06',
        dueDate: '2021-10-10',
        ruleId: 'Y-004-OUTCOME-DUE',
      },
      outcomeSets: [{ ruleId: 'R-004-75', mode: 'all' }],
      requirements: [
        {
          key: 'demonstration_lesson',
          itemCode: 'demonstration_lesson',
          itemName: '高质量示范课',
          part: null,
          label: '高质量示范课',
          video: true,
          accepts: ['pdf', 'docx', 'mp4', 'link'],
          ruleId: 'R-004-75',
          current: sub({ status: 'returned', reviewComment: '请补充教学反思' }),
          versions: [sub({ status: 'returned', reviewComment: '请补充教学反思' })],
        },
      ],
      completion: null,
      ...over,
    },
  ],
});

describe('MyTrainingPage (teacher phone)', () => {
  it('shows attendance, the due date with its rule, a returned outcome with the comment, and the hours total', async () => {
    vi.mocked(api.myTraining).mockResolvedValue(training());
    renderWithApp(<MyTrainingPage />);
    expect(await screen.findByText('提交截止 2021-10-10（Y-004-OUTCOME-DUE）')).toBeTruthy();
    expect(screen.getByText(/8\/10 课次/)).toBeTruthy();
    expect(screen.getAllByText('请补充教学反思').length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('outcome-status')[0]?.dataset.status).toBe('returned');
    expect(screen.getByText('重新提交')).toBeTruthy();
    expect(screen.getByText('150')).toBeTruthy();
  });

  it('sends a video link for a video requirement', async () => {
    vi.mocked(api.myTraining).mockResolvedValue(training());
    vi.mocked(api.submitOutcomeLink).mockResolvedValue(
      sub({ version: 2, file: null, link: 'https://v.cn/1' }),
    );
    renderWithApp(<MyTrainingPage />);
    const input = await screen.findByLabelText('视频链接');
    fireEvent.change(input, { target: { value: 'https://v.cn/1' } });
    fireEvent.click(screen.getByText('提交链接'));
    await waitFor(() =>
      expect(api.submitOutcomeLink).toHaveBeenCalledWith('7', 'demonstration_lesson', {
        link: 'https://v.cn/1',
      }),
    );
  });

  it('after completion: the rules behind it and the certificate link; no upload once closed', async () => {
    vi.mocked(api.myTraining).mockResolvedValue(
      training({
        outcomeWindow: {
          open: false,
          opensOn: '2021-09-06',
          dueDate: '2021-10-10',
          ruleId: 'Y-004-OUTCOME-DUE',
        },
        completion: {
          teacherId: '101',
          teacherName: '张老师',
          schoolName: '清城区第一小学',
          completed: true,
          attendancePct: 80,
          checks: [
            {
              ruleId: 'Y-004-ATTEND-MIN',
              code: 'attendance',
              passed: true,
              message: '出勤 8/10（80%）不低于 80%',
              values: {},
            },
          ],
          hoursTenths: 1500,
          certificate: {
            certificateNo: '2021-3-00001',
            issuedAt: '2021-09-10T01:00:00.000Z',
            revoked: false,
          },
          evaluatedAt: '2021-09-10T01:00:00.000Z',
          integrityRecorded: false,
        },
      }),
    );
    renderWithApp(<MyTrainingPage />);
    expect((await screen.findAllByText('结业')).length).toBeGreaterThan(0);
    expect(screen.getByText('出勤 8/10（80%）不低于 80%')).toBeTruthy();
    expect(screen.getByTestId('certificate-link').getAttribute('href')).toBe(
      '/api/v1/classes/7/completion/101/certificate',
    );
    expect(screen.queryByText('重新提交')).toBeNull();
  });
});

describe('OutcomeReviewPage', () => {
  it('accepts with a score', async () => {
    vi.mocked(api.classDetail).mockResolvedValue({ name: 'A 班' } as never);
    vi.mocked(api.outcomeQueue).mockResolvedValue([sub()]);
    vi.mocked(api.reviewOutcome).mockResolvedValue(sub({ status: 'accepted', score: 80 }));
    renderWithApp(<OutcomeReviewPage />, { route: '/classes/7/outcomes', path: '/classes/:id/outcomes' });
    fireEvent.click(await screen.findByRole('button', { name: /通\s?过/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /通\s?过/ }));
    await waitFor(() =>
      expect(api.reviewOutcome).toHaveBeenCalledWith('11', { action: 'accept', score: 80 }),
    );
  }, 20_000);

  it('shows the outcome by its Chinese name and the file by the name it was uploaded with, never a key', async () => {
    vi.mocked(api.classDetail).mockResolvedValue({ name: 'A 班' } as never);
    vi.mocked(api.outcomeQueue).mockResolvedValue([sub()]);
    renderWithApp(<OutcomeReviewPage />, { route: '/classes/7/outcomes', path: '/classes/:id/outcomes' });
    const link = await screen.findByText('示范课.pdf', undefined, { timeout: 5000 });
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('高质量示范课')).toBeTruthy();
    expect(row.textContent).not.toContain('demonstration_lesson');
  }, 20_000);

  it('with nothing waiting it opens on 全部; the 待评审 filter then says why it is empty and widens in one click', async () => {
    vi.mocked(api.classDetail).mockResolvedValue({ name: 'A 班' } as never);
    vi.mocked(api.outcomeQueue).mockResolvedValue([
      sub({ status: 'accepted', score: 90 }),
      sub({ id: '12', teacherName: '李老师', status: 'accepted', score: 85 }),
    ]);
    renderWithApp(<OutcomeReviewPage />, { route: '/classes/7/outcomes', path: '/classes/:id/outcomes' });
    expect(await screen.findByText('李老师', undefined, { timeout: 5000 })).toBeTruthy();
    expect(api.outcomeQueue).toHaveBeenCalledWith({ classId: '7' });
    const filter = screen.getAllByTestId('outcome-status')[0] as HTMLElement;
    expect(within(filter).getByText('待评审 0')).toBeTruthy();
    expect(within(filter).getByText('已通过 2')).toBeTruthy();
    fireEvent.click(within(filter).getByText('待评审 0'));
    const empty = await screen.findByTestId('filtered-empty');
    expect(empty.textContent).toContain('没有待评审的成果。');
    expect(empty.textContent).toContain('其他状态：已通过 2 条。');
    fireEvent.click(within(empty).getByRole('button', { name: /查看全部/ }));
    expect(await screen.findByText('李老师')).toBeTruthy();
  }, 20_000);

  it('a class with nothing handed in says so and where trainees hand in', async () => {
    vi.mocked(api.classDetail).mockResolvedValue({ name: 'A 班' } as never);
    vi.mocked(api.outcomeQueue).mockResolvedValue([]);
    renderWithApp(<OutcomeReviewPage />, { route: '/classes/7/outcomes', path: '/classes/:id/outcomes' });
    expect((await screen.findByTestId('filtered-empty', undefined, { timeout: 5000 })).textContent).toContain(
      '本班学员还没有提交成果：学员在「我的培训」中提交后，会出现在这里。',
    );
  }, 20_000);

  it('a return needs a comment', async () => {
    vi.mocked(api.classDetail).mockResolvedValue({ name: 'A 班' } as never);
    vi.mocked(api.outcomeQueue).mockResolvedValue([sub()]);
    renderWithApp(<OutcomeReviewPage />, { route: '/classes/7/outcomes', path: '/classes/:id/outcomes' });
    fireEvent.click(await screen.findByRole('button', { name: /退\s?回/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s?回/ }));
    expect(await within(dialog).findByText(/请输入/)).toBeTruthy();
    expect(api.reviewOutcome).not.toHaveBeenCalled();
  }, 20_000);
});

const completion: ClassCompletion = {
  classId: '7',
  className: 'A 班',
  programmeId: '3',
  programmeTitle: '乡村骨干教师素质提升',
  endDate: '2021-09-10',
  canRun: true,
  canRecordIntegrity: true,
  runOpensOn: '2021-09-10',
  fullHoursTenths: 1500,
  rows: [
    {
      teacherId: '102',
      teacherName: '李老师',
      schoolName: '清城区第一小学',
      completed: false,
      attendancePct: 70,
      checks: [
        {
          ruleId: 'Y-004-ATTEND-MIN',
          code: 'attendance',
          passed: false,
          message: '出勤 7/10（70%）低于 80%，不能结业',
          values: {},
        },
      ],
      hoursTenths: 0,
      certificate: null,
      evaluatedAt: '2021-09-10T01:00:00.000Z',
      integrityRecorded: false,
    },
  ],
};

describe('ClassCompletionPage', () => {
  it('runs completion and shows each teacher with the rule that failed', async () => {
    vi.mocked(api.classCompletion).mockResolvedValue(completion);
    vi.mocked(api.runCompletion).mockResolvedValue({
      ...completion,
      evaluated: 1,
      completed: 0,
      certificatesIssued: 0,
      hoursPosted: 0,
    });
    renderWithApp(<ClassCompletionPage />, {
      route: '/classes/7/completion',
      path: '/classes/:id/completion',
    });
    expect(await screen.findByText('出勤 7/10（70%）低于 80%，不能结业')).toBeTruthy();
    fireEvent.click(screen.getByTestId('completion-run'));
    expect(await screen.findByText('已评定 1 人，结业 0 人，新发证书 0 张，登记学时 0 人')).toBeTruthy();
    expect(screen.getByText('记入诚信档案')).toBeTruthy();
  });
});

describe('TeacherHoursCard', () => {
  it('shows the total and each posting with its rule', async () => {
    vi.mocked(api.teacherHours).mockResolvedValue({
      ...(training().hours as NonNullable<MyTraining['hours']>),
    });
    renderWithApp(<TeacherHoursCard teacherId="101" />);
    expect(await screen.findByText('合计 150 学时')).toBeTruthy();
    expect(screen.getByText('Y-004-HOURS')).toBeTruthy();
  });
});
