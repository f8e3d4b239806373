import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ExternalBatch, ExternalQueueItem } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { HoursImportsPage } from './hours-imports-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      createExternalImport: vi.fn(),
      commitExternalImport: vi.fn(),
      externalQueue: vi.fn(),
      resolveExternalQueued: vi.fn(),
    },
  };
});

const create = vi.mocked(api.createExternalImport);
const commit = vi.mocked(api.commitExternalImport);
const queue = vi.mocked(api.externalQueue);
const resolve = vi.mocked(api.resolveExternalQueued);

const counts = { total: 2, new: 1, unchanged: 0, changed: 0, queued: 1, already_queued: 0, invalid: 0 };
const BATCH: ExternalBatch = {
  id: '9',
  system: 'smartedu',
  fileName: 'r.csv',
  counts,
  rows: [
    {
      row: 3,
      verdict: 'queued',
      recordId: 'SE-3',
      name: '张三',
      title: '整本书阅读',
      hoursTenths: 300,
      problems: [{ column: '学时', value: '30', rule: 'Y-HOURS-IMPORT-DAY', message: '学时 30 超过上限' }],
    },
    {
      row: 2,
      verdict: 'new',
      recordId: 'SE-1',
      name: '张三',
      title: '新课标',
      hoursTenths: 125,
      problems: [],
    },
  ],
  expiresAt: '2026-12-06T10:00:00Z',
  committedAt: null,
};
const QUEUED: ExternalQueueItem = {
  id: '41',
  kind: 'overlap',
  ruleId: 'Y-HOURS-IMPORT-OVERLAP',
  message: '日期重叠',
  system: 'smartedu',
  recordId: 'SE-5',
  idNumberMasked: '4418*************4',
  name: '李四',
  title: '集中面授',
  category: 'centralized',
  hoursTenths: 80,
  startDate: '2026-10-13',
  endDate: '2026-10-13',
  status: 'open',
  reason: null,
  createdAt: '2026-12-01T00:00:00Z',
};

afterEach(cleanup);
beforeEach(() => {
  for (const m of [create, commit, queue, resolve]) m.mockReset();
  queue.mockResolvedValue([QUEUED]);
});

describe('外部学时导入', () => {
  it('uploads a file, shows every row’s verdict with the reason, and imports on confirmation', async () => {
    create.mockResolvedValue(BATCH);
    commit.mockResolvedValue({ id: '9', counts, posted: 1, reversed: 0, queued: 1 });
    const { container } = renderWithApp(<HoursImportsPage />);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'r.csv', { type: 'text/csv' })] } });
    expect(await screen.findByText(/共 2 行：新增 1/)).toBeTruthy();
    expect(create.mock.calls[0]?.[0]).toBe('smartedu');
    expect(screen.getByText('转人工审核')).toBeTruthy();
    expect(screen.getByText(/学时 30 超过上限/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText(/已导入：记入 1 条/)).toBeTruthy();
    expect(commit).toHaveBeenCalledWith('9');
  });

  it('lists the review queue; dismissing asks for a reason of two characters or more', async () => {
    resolve.mockResolvedValue({ ...QUEUED, status: 'dismissed', reason: '重复记录' });
    renderWithApp(<HoursImportsPage />);
    expect(await screen.findByText('日期与其他来源重叠')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '驳 回' }));
    const reason = await screen.findByLabelText('驳回理由');
    fireEvent.change(reason, { target: { value: '重复记录' } });
    fireEvent.click(screen.getByRole('button', { name: /OK|确 定|确定/ }));
    await waitFor(() =>
      expect(resolve).toHaveBeenCalledWith('41', { action: 'dismiss', reason: '重复记录' }),
    );
  });
});
