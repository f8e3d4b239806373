import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClassDetail, Me, Programme } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { AddSessionForm, CreateClassModal, RecordDocumentForm } from './class-forms';

// antd forms with several Selects are slow in jsdom on a busy 2-core machine: a wider budget, no timing asserted
vi.setConfig({ testTimeout: 30_000 });

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      listProgrammes: vi.fn(),
      classProviders: vi.fn(),
      createClass: vi.fn(),
      addClassSession: vi.fn(),
      addClassDocument: vi.fn(),
    },
  };
});

const programme = {
  id: '11',
  title: '2021 乡村骨干教师素质提升',
  startDate: '2021-09-01',
  endDate: '2021-09-30',
} as Programme;
vi.mocked(api.listProgrammes).mockResolvedValue({ items: [programme], total: 1, page: 1, pageSize: 100 });
vi.mocked(api.classProviders).mockResolvedValue([
  { id: '5', name: '广东第一师范学院' },
  { id: '6', name: '广东第二师范学院' },
]);

afterEach(() => {
  cleanup();
  vi.mocked(api.createClass).mockReset();
  vi.mocked(api.addClassSession).mockReset();
  vi.mocked(api.addClassDocument).mockReset();
});

/** antd Select: open it by its label, then click the option. */
async function choose(label: string, option: string) {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  const item = await waitFor(() => {
    const found = document.querySelectorAll('.ant-select-item-option');
    const match = [...found].find((n) => n.textContent?.includes(option));
    if (!match) throw new Error(`no option ${option}`);
    return match as HTMLElement;
  });
  fireEvent.click(item);
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** antd DatePicker / TimePicker: type the value as shown (2021-09-05, 12:00) and press Enter, as a user does. */
function pick(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}
const cityOfficer: Me = {
  id: '1',
  username: 'city',
  displayName: '清远市教育局',
  grants: [{ role: 'bureau_admin', orgId: '2', orgName: '清远市', orgKind: 'city' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

describe('CreateClassModal (开班)', () => {
  it('choosing the programme fills its dates; the class is created with programme, name, period, dates, venue and provider', async () => {
    const onCreated = vi.fn();
    vi.mocked(api.createClass).mockResolvedValue({ id: '99' } as ClassDetail);
    renderWithApp(<CreateClassModal onClose={() => {}} onCreated={onCreated} />);
    await waitFor(() => expect(api.listProgrammes).toHaveBeenCalled());
    await choose('培训项目', '2021 乡村骨干教师素质提升');
    await waitFor(() =>
      expect((screen.getByLabelText('开班日期') as HTMLInputElement).value).toBe('2021-09-01'),
    );
    expect((screen.getByLabelText('结业日期') as HTMLInputElement).value).toBe('2021-09-30');
    type('班级名称', '第一期 A 班');
    pick('结业日期', '2021-09-05');
    type('培训地点', '清远市教师发展中心 301');
    await choose('承训机构', '广东第二师范学院');
    fireEvent.click(screen.getByRole('button', { name: /开\s*班/ }));
    await waitFor(() => expect(api.createClass).toHaveBeenCalledTimes(1));
    expect(api.createClass).toHaveBeenCalledWith({
      programmeId: '11',
      name: '第一期 A 班',
      periodNo: 1,
      startDate: '2021-09-01',
      endDate: '2021-09-05',
      venue: '清远市教师发展中心 301',
      providerOrgId: '6',
    });
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith({ id: '99' }));
  });

  it('an end date before the start is refused in the form; nothing is sent', async () => {
    renderWithApp(<CreateClassModal onClose={() => {}} onCreated={() => {}} />);
    await waitFor(() => expect(api.listProgrammes).toHaveBeenCalled());
    await choose('培训项目', '2021 乡村骨干教师素质提升');
    type('班级名称', 'B 班');
    pick('结业日期', '2021-08-31');
    await choose('承训机构', '广东第一师范学院');
    fireEvent.click(screen.getByRole('button', { name: /开\s*班/ }));
    expect(await screen.findByText('结业日期不能早于开班日期')).toBeTruthy();
    expect(api.createClass).not.toHaveBeenCalled();
  });

  it('a refusal shows the server message in words; the rule (Y-004-CLASS-DATES) in the officer’s ⓘ', async () => {
    vi.mocked(api.createClass).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '培训班日期 2021-09-01～2021-10-01 超出项目日期 2021-09-01～2021-09-30',
        details: { ruleId: 'Y-004-CLASS-DATES' },
      }),
    );
    renderWithApp(<CreateClassModal onClose={() => {}} onCreated={() => {}} />, { me: cityOfficer });
    await waitFor(() => expect(api.listProgrammes).toHaveBeenCalled());
    await choose('培训项目', '2021 乡村骨干教师素质提升');
    type('班级名称', 'C 班');
    await choose('承训机构', '广东第一师范学院');
    fireEvent.click(screen.getByRole('button', { name: /开\s*班/ }));
    const alert = await screen.findByTestId('form-error');
    expect(alert.textContent).toContain('超出项目日期 2021-09-01～2021-09-30');
    expect(alert.textContent).not.toContain('Y-004-CLASS-DATES');
    expect(within(alert).getByTestId('rule-ref').getAttribute('data-rules')).toBe('Y-004-CLASS-DATES');
  });
});

describe('AddSessionForm (课次)', () => {
  it('adds a session with the class start date, default times and venue; the title is required', async () => {
    vi.mocked(api.addClassSession).mockResolvedValue();
    renderWithApp(
      <AddSessionForm c={{ id: '7', startDate: '2021-09-06', endDate: '2021-09-10', venue: '301 室' }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: '添 加' }));
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(api.addClassSession).not.toHaveBeenCalled();
    type('课程名称', '新课标解读');
    pick('结束', '12:00');
    fireEvent.click(screen.getByRole('button', { name: '添 加' }));
    await waitFor(() => expect(api.addClassSession).toHaveBeenCalledTimes(1));
    expect(api.addClassSession).toHaveBeenCalledWith('7', {
      date: '2021-09-06',
      startsAt: '08:30',
      endsAt: '12:00',
      title: '新课标解读',
      mode: 'centralized',
      location: '301 室',
    });
  });
});

describe('RecordDocumentForm (材料报送, R-004-09…15)', () => {
  it('records a 报到通知书 with its date', async () => {
    vi.mocked(api.addClassDocument).mockResolvedValue();
    renderWithApp(<RecordDocumentForm classId="7" />);
    pick('报送日期', '2021-08-25');
    fireEvent.click(screen.getByRole('button', { name: '登 记' }));
    await waitFor(() => expect(api.addClassDocument).toHaveBeenCalledTimes(1));
    expect(api.addClassDocument).toHaveBeenCalledWith('7', {
      kind: 'registration_notice',
      item: '',
      title: '',
      submittedOn: '2021-08-25',
    });
  });

  it('the four kinds are offered; a 总结报告 asks which outcome item (R-004-15)', async () => {
    vi.mocked(api.addClassDocument).mockResolvedValue();
    renderWithApp(<RecordDocumentForm classId="7" />);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '材料' }));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(4));
    const labels = [...document.querySelectorAll('.ant-select-item-option')].map((n) => n.textContent);
    expect(labels).toEqual(['报到通知书', '课程表', '工作简报', '总结报告']);
    fireEvent.click(document.querySelectorAll('.ant-select-item-option')[3] as HTMLElement);
    const item = await screen.findByLabelText('成果项目');
    fireEvent.click(screen.getByRole('button', { name: '登 记' }));
    expect(await screen.findByText('必填')).toBeTruthy();
    fireEvent.change(item, { target: { value: '培训总结报告' } });
    pick('报送日期', '2021-10-08');
    fireEvent.click(screen.getByRole('button', { name: '登 记' }));
    await waitFor(() => expect(api.addClassDocument).toHaveBeenCalledTimes(1));
    expect(api.addClassDocument).toHaveBeenCalledWith('7', {
      kind: 'final_report',
      item: '培训总结报告',
      title: '',
      submittedOn: '2021-10-08',
    });
  });

  it('with the pack’s outcome items the 总结报告 item is chosen from them', async () => {
    vi.mocked(api.addClassDocument).mockResolvedValue();
    renderWithApp(
      <RecordDocumentForm classId="7" finalReportItems={['项目实施绩效自评报告', '有关宣传材料汇编']} />,
    );
    await choose('材料', '总结报告');
    await choose('成果项目', '有关宣传材料汇编');
    pick('报送日期', '2021-10-08');
    fireEvent.click(screen.getByRole('button', { name: '登 记' }));
    await waitFor(() => expect(api.addClassDocument).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.addClassDocument).mock.calls[0]?.[1]).toMatchObject({
      kind: 'final_report',
      item: '有关宣传材料汇编',
    });
  });
});
