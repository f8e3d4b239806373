/** Stored dry runs in the upload wizard: the kept-until time, and why a commit was refused. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Exam, ExamUpload } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api';
import { type MessageKey, translate } from '../../shared/i18n';
import { renderWithApp } from '../../shared/test-utils';
import { commitErrorMessage, ExamUploadCommit, ExamUploadResult } from './exam-upload';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const exam = { id: '7', name: '期末' } as Exam;
const upload: ExamUpload = {
  id: 'u1',
  examId: '7',
  ok: true,
  students: 46,
  absent: 1,
  items: 5,
  schools: 4,
  withPrior: 0,
  errors: [],
  errorCount: 0,
  committed: false,
  expiresAt: '2026-11-23T10:00:00.000Z',
};

describe('exam upload: stored dry runs', () => {
  it('a clean dry run says until when it can be committed', () => {
    renderWithApp(<ExamUploadResult exam={exam} upload={upload} onCommit={() => {}} />);
    // 10:00 UTC is 18:00 in Asia/Shanghai, the deployment's zone
    expect(screen.getByText('校验结果保留至 2026-11-23 18:00，请在此之前确认写入')).toBeTruthy();
    expect(screen.getByText('确认写入')).toBeTruthy();
  });

  it('a refused commit says why (already committed, expired, superseded), other errors as before', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const t = (k: MessageKey) => translate(lang, k);
      const refused = (reason: string) =>
        commitErrorMessage(
          new ApiError({ status: 409, code: 'CONFLICT', message: 'x', details: { reason } }),
          t,
          lang,
        );
      expect(refused('UPLOAD_COMMITTED')).toBe(t('exam.up.UPLOAD_COMMITTED'));
      expect(refused('UPLOAD_EXPIRED')).toBe(t('exam.up.UPLOAD_EXPIRED'));
      expect(refused('UPLOAD_SUPERSEDED')).toBe(t('exam.up.UPLOAD_SUPERSEDED'));
      expect(refused('SOMETHING_ELSE')).not.toBe(t('exam.up.UPLOAD_EXPIRED'));
    }
    const zh = (k: MessageKey) => translate('zh-CN', k);
    expect(
      commitErrorMessage(
        new ApiError({ status: 409, code: 'CONFLICT', message: 'x', details: { reason: 'UPLOAD_EXPIRED' } }),
        zh,
        'zh-CN',
      ),
    ).toContain('已过期');
    expect(
      commitErrorMessage(new ApiError({ status: 409, code: 'IMPORT_HAS_ERRORS', message: 'x' }), zh, 'zh-CN'),
    ).toContain('错误');
  });
});

describe('hardening: a commit that removes many stored students asks for a confirmation naming the number', () => {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('409 CONFIRM_REMOVAL opens a dialog naming the number; confirming sends that number back', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(
      json(
        {
          error: {
            code: 'CONFIRM_REMOVAL',
            message: '将删除 4 名已有学生的成绩（现有 19 名），请确认后再写入',
            details: { removed: 4, current: 19, share: 0.2 },
            requestId: 'r1',
          },
        },
        409,
      ),
    );
    const committed = vi.fn();
    renderWithApp(<ExamUploadCommit exam={exam} upload={upload} onCommitted={committed} />);
    fireEvent.click(screen.getByText('确认写入'));
    expect(await screen.findByText('将删除 4 名已有学生的成绩')).toBeTruthy();
    expect(screen.getByText(/现有 19 名学生，其中 4 名不在本次上传的成绩表中/)).toBeTruthy();
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({});
    expect(committed).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(json({ ...upload, committed: true }));
    fireEvent.click(screen.getByText('确认删除 4 名并写入'));
    await waitFor(() => expect(committed).toHaveBeenCalledTimes(1));
    expect(String(fetchMock.mock.calls[1]?.[0])).toBe('/api/v1/exams/7/uploads/u1/commit');
    expect(JSON.parse(String(fetchMock.mock.calls[1]?.[1]?.body))).toEqual({ confirmRemoval: 4 });
  });

  it('cancelling writes nothing', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockResolvedValueOnce(
      json(
        {
          error: {
            code: 'CONFIRM_REMOVAL',
            message: 'x',
            details: { removed: 24, current: 24, share: 0.2 },
            requestId: 'r1',
          },
        },
        409,
      ),
    );
    const committed = vi.fn();
    renderWithApp(<ExamUploadCommit exam={exam} upload={upload} onCommitted={committed} />);
    fireEvent.click(screen.getByText('确认写入'));
    expect(await screen.findByText('将删除 24 名已有学生的成绩')).toBeTruthy();
    fireEvent.click(screen.getByText('取 消'));
    await waitFor(() => expect(screen.queryByText('将删除 24 名已有学生的成绩')).toBeNull());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(committed).not.toHaveBeenCalled();
  });
});
