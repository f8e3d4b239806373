import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HourClaim, Me } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { HourClaimReviewPage } from './hour-claim-review-page';
import { MyHourClaimsPage } from './my-hour-claims-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      myHourClaims: vi.fn(),
      submitHourClaim: vi.fn(),
      withdrawHourClaim: vi.fn(),
      hourClaimQueue: vi.fn(),
      decideHourClaim: vi.fn(),
    },
  };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const me = (role: Me['grants'][number]['role'], teacherId: string | null): Me => ({
  id: '1',
  username: role,
  displayName: role,
  grants: [{ role, orgId: '7', orgName: '清城区第一小学', orgKind: 'school' }],
  teacherId,
  csrfToken: 'x',
  mustChangePassword: false,
});

const claim = (over: Partial<HourClaim> = {}): HourClaim => ({
  id: '21',
  teacherId: '101',
  teacherName: '王申报',
  schoolName: '清城区第一小学',
  category: 'centralized',
  kind: 'outside_training',
  title: '省级骨干教师高级研修班',
  issuer: '河南省教师教育中心',
  certificateNo: 'HN-2024-001',
  startDate: '2024-10-10',
  endDate: '2024-10-11',
  hoursTenths: 125,
  status: 'submitted',
  submittedAt: '2024-10-20T02:00:00.000Z',
  dueOn: '2024-11-04',
  overdue: false,
  schoolDecidedAt: null,
  schoolComment: null,
  countyDecidedAt: null,
  countyComment: null,
  returnReason: null,
  withdrawnAt: null,
  evidence: [{ fileId: '5', name: '证书.pdf', mime: 'application/pdf', size: 10 }],
  canDecide: null,
  canWithdraw: true,
  ...over,
});

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
/** antd DatePicker: type the value as shown and press Enter, as a user does. */
function pick(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

async function fillForm() {
  type('名称', '省级骨干教师高级研修班');
  type('发证 / 主办单位', '河南省教师教育中心');
  type('证书编号（选填）', 'HN-2024-009');
  pick('开始日期', '2024-10-10');
  pick('结束日期', '2024-10-11');
  type('申报学时', '12.5');
  const file = new File(['%PDF-1.4 test'], '证书.pdf', { type: 'application/pdf' });
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
  await waitFor(() => expect(screen.getByText('证书.pdf')).toBeTruthy());
  return file;
}

describe('MyHourClaimsPage (学时申报, the teacher’s phone page)', () => {
  it('lists my claims with status, deadline, the return reason and the evidence link', async () => {
    vi.mocked(api.myHourClaims).mockResolvedValue([
      claim(),
      claim({
        id: '22',
        status: 'returned',
        dueOn: null,
        returnReason: '证书照片不清晰',
        canWithdraw: false,
      }),
    ]);
    renderWithApp(<MyHourClaimsPage />, { me: me('teacher', '101') });
    const first = await screen.findByTestId('claim-21');
    expect(within(first).getByText('待学校审核')).toBeTruthy();
    expect(within(first).getByText('审核期限 2024-11-04')).toBeTruthy();
    expect(within(first).getByText('12.5 学时')).toBeTruthy();
    expect(within(first).getByText('证书.pdf').getAttribute('href')).toBe(
      '/api/v1/hour-claims/21/evidence/5',
    );
    expect(within(first).getByText(/撤\s*回/)).toBeTruthy();
    const returned = screen.getByTestId('claim-22');
    expect(within(returned).getByText('退回原因：证书照片不清晰')).toBeTruthy();
    expect(within(returned).queryByText(/撤\s*回/)).toBeNull();
  });

  it('sends the form and the file in one request, hours in tenths (Y-HOURS-CLAIM)', async () => {
    vi.mocked(api.myHourClaims).mockResolvedValue([]);
    vi.mocked(api.submitHourClaim).mockResolvedValue(claim());
    renderWithApp(<MyHourClaimsPage />, { me: me('teacher', '101') });
    await screen.findByText('还没有申报记录');
    const file = await fillForm();
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    await waitFor(() => expect(api.submitHourClaim).toHaveBeenCalled());
    const [sent, files] = vi.mocked(api.submitHourClaim).mock.calls[0] ?? [];
    expect(sent).toEqual({
      category: 'centralized',
      kind: 'outside_training',
      title: '省级骨干教师高级研修班',
      issuer: '河南省教师教育中心',
      certificateNo: 'HN-2024-009',
      startDate: '2024-10-10',
      endDate: '2024-10-11',
      hoursTenths: 125,
    });
    expect(files?.map((f) => f.name)).toEqual([file.name]);
  });

  it('shows the server’s refusal on its field: 24.1 学时 a day under 申报学时 (Y-HOURS-CLAIM-DAY), a mislabelled file under the evidence', async () => {
    vi.mocked(api.myHourClaims).mockResolvedValue([]);
    vi.mocked(api.submitHourClaim).mockRejectedValueOnce(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '申报 48.1 学时超过上限：2024-10-10 至 2024-10-11 共 2 天，每天最多 24 学时，最多 48 学时',
        details: { field: 'hoursTenths', ruleId: 'Y-HOURS-CLAIM-DAY' },
      }),
    );
    renderWithApp(<MyHourClaimsPage />, { me: me('teacher', '101') });
    await screen.findByText('还没有申报记录');
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await screen.findByText(/每天最多 24 学时/)).toBeTruthy();
    vi.mocked(api.submitHourClaim).mockRejectedValueOnce(
      new ApiError({
        status: 400,
        code: 'FILE_UNREADABLE',
        message: '证明材料「证书.pdf」的文件名与内容不符：内容是PNG 图片，文件名应以 .png 结尾',
        details: { field: 'evidence', ruleId: 'Y-HOURS-CLAIM-EVIDENCE' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(await screen.findByText(/文件名与内容不符/)).toBeTruthy();
  });
});

describe('HourClaimReviewPage (the school’s and the county’s queue)', () => {
  it('shows the evidence link and the deadline; approve and return with a reason', async () => {
    vi.mocked(api.hourClaimQueue).mockResolvedValue([
      claim({ canDecide: 'school', canWithdraw: false }),
      claim({ id: '23', teacherName: '李逾期', overdue: true, canDecide: 'school', canWithdraw: false }),
    ]);
    vi.mocked(api.decideHourClaim).mockResolvedValue(claim({ status: 'school_approved' }));
    renderWithApp(<HourClaimReviewPage />, { me: me('school_admin', null) });
    expect(await screen.findByText('王申报')).toBeTruthy();
    expect(api.hourClaimQueue).toHaveBeenCalledWith({});
    expect(screen.getAllByText('证书.pdf')[0]?.getAttribute('href')).toBe(
      '/api/v1/hour-claims/21/evidence/5',
    );
    expect(screen.getByText('已超期')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: /通\s*过/ })[0] as HTMLElement);
    expect(await screen.findByText(/学校审核通过（转县区）/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /通\s*过/ }));
    await waitFor(() => expect(api.decideHourClaim).toHaveBeenCalledWith('21', { decision: 'approve' }));

    fireEvent.click(screen.getAllByRole('button', { name: /退\s*回/ })[1] as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    // a return needs a reason before anything is sent
    await waitFor(() => expect(vi.mocked(api.decideHourClaim).mock.calls).toHaveLength(1));
    fireEvent.change(within(dialog).getByLabelText('退回原因（必填，教师可见）'), {
      target: { value: '证书照片不清晰' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    await waitFor(() =>
      expect(api.decideHourClaim).toHaveBeenLastCalledWith('23', {
        decision: 'return',
        reason: '证书照片不清晰',
      }),
    );
  });
});
