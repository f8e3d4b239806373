import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClassCompletion, Me, MyTraining, OutcomeSubmission } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ClassCompletionPage } from './class-completion-page';
import { hoursEntry, hoursStanding, teacherHoursOf } from './hours.test-data';
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
      ruleSources: vi.fn(async () => []),
      teacherHours: vi.fn(),
      reverseHours: vi.fn(),
    },
  };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const RULE_ID = /\b(R-\d{3}-\d+|R3-[A-Z]+\d+|Y-[A-Z0-9-]+)\b/;
const meAs = (role: Me['grants'][number]['role'], teacherId: string | null): Me => ({
  id: '1',
  username: role,
  displayName: role,
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId,
  csrfToken: 'x',
  mustChangePassword: false,
});
const teacherMe = meAs('teacher', '101');
const officerMe = meAs('bureau_admin', null);

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
  hours: teacherHoursOf([hoursEntry()]),
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
  it('shows attendance, the due date in words (no rule ID for a teacher), a returned outcome with the comment, and the hours total', async () => {
    vi.mocked(api.myTraining).mockResolvedValue(training());
    renderWithApp(<MyTrainingPage />, { me: teacherMe });
    expect(await screen.findByText('提交截止 2021-10-10')).toBeTruthy();
    expect(screen.getByText('以下均须提交')).toBeTruthy();
    // Y-004-OUTCOME-DUE and R-004-75 stay out of a teacher's page: no ⓘ, no ID in the text
    expect(screen.queryByTestId('rule-ref')).toBeNull();
    expect(document.body.textContent).not.toMatch(RULE_ID);
    expect(screen.getByText(/8\/10 课次/)).toBeTruthy();
    expect(screen.getAllByText('请补充教学反思').length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('outcome-status')[0]?.dataset.status).toBe('returned');
    expect(screen.getByText('重新提交')).toBeTruthy();
    expect(screen.getByText('150')).toBeTruthy();
    // each 学时 posting with the day it was earned, so entries of the same kind tell apart
    for (const e of screen.getAllByTestId('hours-entry')) expect(e.textContent).toMatch(/^\d{4}-\d{2}-\d{2}/);
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
              message: '出勤 8/10（80%），不低于 80%',
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
    renderWithApp(<MyTrainingPage />, { me: teacherMe });
    expect((await screen.findAllByText('结业')).length).toBeGreaterThan(0);
    expect(screen.getByText('出勤 8/10（80%），不低于 80%')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(RULE_ID);
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

  it('a school admin sees its own trainees only: an empty queue says so, not that the class has none', async () => {
    vi.mocked(api.classDetail).mockResolvedValue({ name: 'A 班' } as never);
    vi.mocked(api.outcomeQueue).mockResolvedValue([]);
    renderWithApp(<OutcomeReviewPage />, {
      route: '/classes/7/outcomes',
      path: '/classes/:id/outcomes',
      me: meAs('school_admin', null),
    });
    expect((await screen.findByTestId('filtered-empty', undefined, { timeout: 5000 })).textContent).toContain(
      '本校在这个班的学员还没有提交成果',
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
          message: '出勤 7/10（70%），低于 80%，不能结业',
          values: { minPct: 80, leaveRuleId: 'Y-004-LEAVE-COUNT' },
        },
        {
          ruleId: 'R-004-75',
          code: 'outcomes',
          passed: true,
          message: '成果高质量示范课已评审合格',
          values: { passScore: 60, passRuleId: 'Y-004-OUTCOME-PASS' },
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
  it('runs completion and shows each teacher with the reason that failed; the rules once, in the header ⓘ (officers)', async () => {
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
      me: officerMe,
    });
    expect(await screen.findByText('出勤 7/10（70%），低于 80%，不能结业')).toBeTruthy();
    // not on every line: the reasons carry no rule ID; the header's one ⓘ names all four
    expect(screen.getByTestId('completion-checks').textContent).not.toMatch(RULE_ID);
    const refs = screen.getAllByTestId('rule-ref');
    // (antd copies the header into a hidden measure row for its scroll; no trainee's row holds one)
    expect(refs.filter((r) => !r.closest('tr.ant-table-measure-row') && r.closest('tbody'))).toEqual([]);
    expect(new Set(refs.map((r) => r.getAttribute('data-rules'))).size).toBe(1);
    expect(refs[0]?.getAttribute('data-rules')).toBe(
      'Y-004-ATTEND-MIN Y-004-LEAVE-COUNT R-004-75 Y-004-OUTCOME-PASS',
    );
    expect(
      within(screen.getAllByTestId('completion-reasons-title')[0] as HTMLElement).getByTestId('rule-ref'),
    ).toBeTruthy();
    fireEvent.click(screen.getByTestId('completion-run'));
    expect(await screen.findByText('已评定 1 人，结业 0 人，新发证书 0 张，登记学时 0 人')).toBeTruthy();
    expect(screen.getByText('记入诚信档案')).toBeTruthy();
  });
});

describe('TeacherHoursCard', () => {
  it('an officer: the total, each posting with its category, school year and date, the rule in ⓘ only', async () => {
    vi.mocked(api.teacherHours).mockResolvedValue({
      ...(training().hours as NonNullable<MyTraining['hours']>),
    });
    renderWithApp(<TeacherHoursCard teacherId="101" />, { me: officerMe });
    expect(await screen.findByText('合计 150 学时')).toBeTruthy();
    const card = screen.getByTestId('teacher-hours');
    expect(card.textContent).toContain('集中培训 · 2021—2022 学年 · 2021-09-10');
    expect(card.textContent).not.toContain('Y-004-HOURS');
    expect((await screen.findAllByTestId('rule-ref')).map((r) => r.getAttribute('data-rules'))).toEqual([
      'Y-HOURS-CYCLE Y-HOURS-ON-TRACK',
      'Y-004-HOURS',
    ]);
  });

  it('the standing: the cycle in progress, each requirement in words, and what of a posting does not count', async () => {
    vi.mocked(api.teacherHours).mockResolvedValue(
      teacherHoursOf(
        [
          hoursEntry(),
          hoursEntry({
            id: '3',
            programmeId: null,
            programmeTitle: null,
            classId: null,
            hoursTenths: 61,
            countedTenths: 60,
            category: 'workshop',
            source: 'activity',
            ruleId: 'R3-W16',
            notCounted: {
              tenths: 1,
              message: '工作坊每天最多计 6 学时，超出的 0.1 学时不计入。',
              ruleId: 'R3-W16',
              values: { days: 1 },
            },
          }),
        ],
        {
          standing: hoursStanding(1560, {
            requirements: [
              {
                code: 'CATEGORY_YEAR_MIN',
                ruleId: 'R3-S02',
                schoolYear: '2026-2027',
                category: 'school_based',
                requiredTenths: 240,
                countedTenths: 0,
                met: false,
                status: 'in_progress',
                behindTenths: 240,
                // as core writes it (hours/evaluate.ts); the page words it from the values
                message: '2026—2027 学年校本研修应完成 24 学时，已计 0 学时，还差 24 学时（学年未结束）。',
              },
            ],
          }),
        },
      ),
    );
    renderWithApp(<TeacherHoursCard teacherId="101" />, { me: teacherMe });
    expect((await screen.findByTestId('hours-cycle')).textContent).toContain('已计 156 / 360 学时');
    expect(screen.getByTestId('hours-standing').textContent).toContain(
      '继续教育周期 2026—2027 至 2030—2031 学年',
    );
    expect(screen.getByTestId('hours-requirements').textContent).toContain(
      '进行中2026—2027 学年校本研修应完成 24 学时，已计 0 学时，还差 24 学时（学年未结束）。',
    );
    expect(screen.getByTestId('hours-not-counted').textContent).toBe(
      '未计入 0.1 学时：工作坊每天最多计 6 学时，超出的 0.1 学时不计入。',
    );
    expect(screen.queryByTestId('rule-ref')).toBeNull();
  });

  it('the teacher: the same postings, no rule reference; an entry without a programme names its source', async () => {
    const own = training().hours as NonNullable<MyTraining['hours']>;
    vi.mocked(api.teacherHours).mockResolvedValue({
      ...own,
      entries: [
        ...own.entries,
        hoursEntry({
          id: '2',
          programmeId: null,
          programmeTitle: null,
          classId: null,
          hoursTenths: 240,
          category: 'school_based',
          source: 'activity',
          ruleId: 'R3-S02',
        }),
      ],
    });
    renderWithApp(<TeacherHoursCard teacherId="101" />, { me: teacherMe });
    expect(await screen.findByText('工作坊/工作室活动')).toBeTruthy();
    expect(screen.getByTestId('teacher-hours').textContent).toContain('校本研修 · 2021—2022 学年');
    expect(screen.queryByTestId('rule-ref')).toBeNull();
  });
});
