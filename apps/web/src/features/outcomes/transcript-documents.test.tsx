/** Y-VERIFY-TRANSCRIPT / Y-VERIFY-REVOKE on the teacher's hours card: who sees it, issuing, revoking. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { IssuedDocument, Me } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { saveBlob } from '../../shared/download';
import { renderWithApp } from '../../shared/test-utils';
import { PrintOwnTranscript, TranscriptDocuments } from './transcript-documents';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      teacherDocuments: vi.fn(),
      issueTranscript: vi.fn(),
      issueOwnTranscript: vi.fn(),
      revokeDocument: vi.fn(),
    },
  };
});
vi.mock('../../shared/download', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/download')>();
  return { ...actual, saveBlob: vi.fn() };
});

const me = (role: Me['grants'][number]['role']): Me => ({
  id: '1',
  username: role,
  displayName: role,
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const doc = (over: Partial<IssuedDocument> = {}): IssuedDocument => ({
  code: 'YRCK-SG5C-E2PF-M7V5-PKDK',
  kind: 'transcript',
  title: '学时证明',
  certificateNo: null,
  hoursTenths: 1500,
  issuer: '清城区教育局',
  issuedOn: '2026-12-01',
  issuedAt: '2026-12-01T02:00:00.000Z',
  revokedAt: null,
  revokeReason: null,
  ...over,
});

afterEach(cleanup);
beforeEach(() => vi.mocked(api.teacherDocuments).mockReset());

describe('Y-VERIFY-TRANSCRIPT: issuing and revoking a 学时证明 on the hours card', () => {
  it('a school admin (no hours.certify) sees nothing and nothing is asked', () => {
    renderWithApp(<TranscriptDocuments teacherId="42" />, { me: me('school_admin') });
    expect(screen.queryByTestId('teacher-documents')).toBeNull();
    expect(api.teacherDocuments).not.toHaveBeenCalled();
  });

  it('a county bureau issues one (the PDF is saved, the code said) and revokes a transcript with a reason', async () => {
    vi.mocked(api.teacherDocuments).mockResolvedValue({
      items: [
        doc(),
        doc({
          code: 'AAAA-BBBB-CCCC-DDDD-EEEE',
          kind: 'certificate',
          title: '骨干培训',
          certificateNo: '2021-1-00001',
        }),
      ],
    });
    vi.mocked(api.issueTranscript).mockResolvedValueOnce({
      blob: new Blob(['%PDF']),
      fileName: '学时证明-罗晓燕-2026-12-01.pdf',
      code: 'ZZZZ-YYYY-XXXX-WWWW-VVVV',
    });
    vi.mocked(api.revokeDocument).mockResolvedValueOnce(
      doc({ revokedAt: '2026-12-02T00:00:00Z', revokeReason: '信息有误' }),
    );
    renderWithApp(<TranscriptDocuments teacherId="42" />, { me: me('bureau_admin') });
    expect(await screen.findByText('YRCK-SG5C-E2PF-M7V5-PKDK')).toBeTruthy();
    // a certificate's code is not revoked by hand
    expect(screen.getAllByRole('button', { name: /撤\s*销/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /出具学时证明/ }));
    await waitFor(() =>
      expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), '学时证明-罗晓燕-2026-12-01.pdf'),
    );
    expect(api.issueTranscript).toHaveBeenCalledWith('42');
    expect(await screen.findByText(/验证码 ZZZZ-YYYY-XXXX-WWWW-VVVV/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /撤\s*销/ }));
    fireEvent.change(await screen.findByLabelText('撤销原因（至少 2 个字）'), {
      target: { value: '信息有误' },
    });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() =>
      expect(api.revokeDocument).toHaveBeenCalledWith('YRCK-SG5C-E2PF-M7V5-PKDK', { reason: '信息有误' }),
    );
  });
});

describe('Y-HOURS-SELF-TRANSCRIPT: a teacher prints their own 学时证明', () => {
  it('a teacher prints it: the PDF is saved under the server’s name; staff do not see the button', async () => {
    vi.mocked(api.issueOwnTranscript).mockResolvedValue({
      blob: new Blob(['%PDF']),
      fileName: '学时证明-王老师-2026-12-07.pdf',
      code: 'YRCK-SG5C-E2PF-M7V5-PKDK',
    });
    renderWithApp(<PrintOwnTranscript />, { me: me('teacher') });
    fireEvent.click(await screen.findByTestId('print-own-transcript'));
    await waitFor(() =>
      expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), '学时证明-王老师-2026-12-07.pdf'),
    );
    expect(await screen.findByText(/YRCK-SG5C-E2PF-M7V5-PKDK/)).toBeTruthy();
    cleanup();
    renderWithApp(<PrintOwnTranscript />, { me: me('school_admin') });
    expect(screen.queryByTestId('print-own-transcript')).toBeNull();
  });
});
