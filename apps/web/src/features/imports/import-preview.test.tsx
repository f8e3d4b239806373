import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportJob, Me } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ImportPreview } from './import-preview';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { listImportErrors: vi.fn(), commitImport: vi.fn(), getImport: vi.fn(), fetchFile: vi.fn() },
  };
});

const listImportErrors = vi.mocked(api.listImportErrors);
const commitImport = vi.mocked(api.commitImport);
const getImport = vi.mocked(api.getImport);

const VALIDATED: ImportJob = {
  id: 'job-7',
  kind: 'teachers',
  fileName: '南山区教师.xlsx',
  status: 'validated',
  progress: 100,
  totalRows: 120,
  validRows: 117,
  errorRows: 3,
  toCreate: 100,
  toUpdate: 15,
  unchanged: 2,
  committedRows: 0,
  commitMode: null,
  error: null,
  createdAt: '2025-09-01T08:00:00Z',
  finishedAt: null,
  errorCount: 0,
  expiresAt: null,
};

afterEach(cleanup);

const bureau: Me = {
  id: '1',
  username: 'qingcheng',
  displayName: '清城区教育局',
  grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

beforeEach(() => {
  listImportErrors.mockReset();
  commitImport.mockReset();
  getImport.mockReset();
  listImportErrors.mockResolvedValue({
    items: [
      {
        row: 5,
        column: '身份证号',
        value: '44030119900101123',
        rule: 'GB11643.CHECKSUM',
        message: '身份证号校验位错误：应为 5，实为 3',
      },
      {
        row: 9,
        column: '学校标识码',
        value: '9999999999',
        rule: 'SCHOOL_CODE.NOT_FOUND',
        message: '学校不存在或不在您的管理范围',
      },
      { row: 12, column: '学科', value: '', rule: 'REQUIRED', message: '学科为必填项' },
    ],
    total: 3,
    page: 1,
    pageSize: 10,
  });
});

describe('ImportPreview with row errors', () => {
  it('shows the dry-run counts and each error with row, column, value, the problem in words (code in ⓘ) and explanation', async () => {
    renderWithApp(<ImportPreview job={VALIDATED} onReupload={vi.fn()} />, { me: bureau });
    expect(screen.getByTestId('import-stat-totalRows').textContent).toContain('120');
    expect(screen.getByTestId('import-stat-validRows').textContent).toContain('117');
    expect(screen.getByTestId('import-stat-errorRows').textContent).toContain('3');
    expect(screen.getByTestId('import-stat-toCreate').textContent).toContain('100');
    expect(screen.getByTestId('import-stat-toUpdate').textContent).toContain('15');
    expect(screen.getByTestId('import-stat-unchanged').textContent).toContain('2');

    const table = screen.getByTestId('import-error-table');
    const row = await within(table).findByText('身份证号校验位错误：应为 5，实为 3');
    const tr = row.closest('tr') as HTMLElement;
    const cells = tr.textContent ?? '';
    expect(cells).toContain('5');
    expect(cells).toContain('身份证号');
    expect(cells).toContain('44030119900101123');
    // GB11643.CHECKSUM in words; the code itself only in the officer's ⓘ
    expect(cells).toContain('身份证号校验位不正确');
    expect(cells).not.toContain('GB11643');
    expect(within(tr).getByTestId('rule-ref').getAttribute('data-rules')).toBe('GB11643.CHECKSUM');
    expect(within(table).getByText('系统中没有这所学校')).toBeTruthy();
    expect(within(table).getByText('必填项为空')).toBeTruthy();
    expect(within(table).getByText('学校不存在或不在您的管理范围')).toBeTruthy();
    expect(listImportErrors).toHaveBeenCalledWith('job-7', { page: 1, pageSize: 10 });
    expect(screen.getByTestId('import-error-report')).toBeTruthy();
  });

  it('defaults to fixing the file: no plain "import", re-upload is the primary action', async () => {
    const onReupload = vi.fn();
    renderWithApp(<ImportPreview job={VALIDATED} onReupload={onReupload} />);
    expect(screen.queryByTestId('import-commit-all')).toBeNull();
    expect(screen.getByTestId('import-has-errors').textContent).toContain('3 行有错误');
    fireEvent.click(screen.getByTestId('import-reupload'));
    expect(onReupload).toHaveBeenCalledTimes(1);
    expect(commitImport).not.toHaveBeenCalled();
  });

  it('imports only the valid rows after an explicit confirmation', async () => {
    commitImport.mockResolvedValueOnce({ ...VALIDATED, status: 'committing', commitMode: 'valid' });
    getImport.mockResolvedValue({ ...VALIDATED, status: 'committing', commitMode: 'valid' });
    renderWithApp(<ImportPreview job={VALIDATED} onReupload={vi.fn()} />);
    const button = screen.getByTestId('import-commit-valid');
    expect(button.textContent?.replace(/\s/g, '')).toContain('仅导入无误的117行');
    fireEvent.click(button);
    expect(commitImport).not.toHaveBeenCalled(); // a click alone only opens the confirmation

    const confirm = await screen.findByTestId('import-commit-valid-confirm');
    fireEvent.click(confirm);
    await waitFor(() => expect(commitImport).toHaveBeenCalledWith('job-7', 'valid'));
  });

  it('shows the server refusal in Chinese when the commit fails', async () => {
    const { ApiError } = await import('../../shared/api');
    commitImport.mockRejectedValueOnce(
      new ApiError({ status: 409, code: 'IMPORT_HAS_ERRORS', message: 'x', requestId: 'r' }),
    );
    renderWithApp(<ImportPreview job={VALIDATED} onReupload={vi.fn()} />);
    fireEvent.click(screen.getByTestId('import-commit-valid'));
    fireEvent.click(await screen.findByTestId('import-commit-valid-confirm'));
    expect((await screen.findByTestId('import-commit-error')).textContent).toContain('存在错误行');
  });
});

describe('hardening: an import with more errors than the server keeps', () => {
  it('says how many errors there are in all and that the first ones by row are listed; says until when the check is kept', async () => {
    listImportErrors.mockResolvedValue({ items: [], total: 1000, page: 1, pageSize: 10 });
    const many = {
      ...VALIDATED,
      totalRows: 5000,
      validRows: 0,
      errorRows: 5000,
      errorCount: 7200,
      expiresAt: '2026-12-06T06:30:00.000Z',
    };
    renderWithApp(<ImportPreview job={many} onReupload={vi.fn()} />);
    await waitFor(() =>
      expect(screen.getByTestId('import-has-errors').textContent).toContain('共 7200 处错误'),
    );
    expect(screen.getByTestId('import-has-errors').textContent).toContain('前面的 1000 处');
    expect(screen.getByTestId('import-expires').textContent).toMatch(/校验结果保留至 2026-12-06 \d\d:30/);
  });

  it('says nothing of a cap when every error is listed', async () => {
    renderWithApp(<ImportPreview job={{ ...VALIDATED, errorCount: 3 }} onReupload={vi.fn()} />);
    await screen.findByText('身份证号校验位错误：应为 5，实为 3');
    expect(screen.getByTestId('import-has-errors').textContent).not.toContain('处错误');
    expect(screen.queryByTestId('import-expires')).toBeNull();
  });
});

describe('ImportPreview without errors', () => {
  it('offers a single "确认导入" that commits everything, and no error table', async () => {
    commitImport.mockResolvedValueOnce(null);
    const clean = { ...VALIDATED, validRows: 120, errorRows: 0 };
    renderWithApp(<ImportPreview job={clean} onReupload={vi.fn()} />);
    expect(screen.queryByTestId('import-error-table')).toBeNull();
    expect(screen.queryByTestId('import-commit-valid')).toBeNull();
    expect(listImportErrors).not.toHaveBeenCalled();
    const commit = screen.getByTestId('import-commit-all');
    expect(commit.textContent?.replace(/\s/g, '')).toBe('确认导入');
    fireEvent.click(commit);
    await waitFor(() => expect(commitImport).toHaveBeenCalledWith('job-7', 'all'));
  });
});
