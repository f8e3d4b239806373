/** Stored dry runs in the upload wizard (issue 4 item 1, branch examupload): the kept-until time, and why a commit was refused. */
import { cleanup, screen } from '@testing-library/react';
import type { Exam, ExamUpload } from '@yanxun/contracts';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { type MessageKey, translate } from '../../shared/i18n';
import { renderWithApp } from '../../shared/test-utils';
import { commitErrorMessage, ExamUploadResult } from './exam-upload';

afterEach(cleanup);

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
    const time = dayjs(upload.expiresAt).format('YYYY-MM-DD HH:mm');
    expect(screen.getByText(`校验结果保留至 ${time}，请在此之前确认写入`)).toBeTruthy();
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
