import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Activity } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ActivityFiles } from './activity-files';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { uploadActivityFile: vi.fn(), removeActivityFile: vi.fn() } };
});

const FILE = {
  id: '71',
  name: '课堂照片.png',
  mime: 'image/png',
  size: 120,
  sha256: 'a'.repeat(64),
  createdAt: '2026-10-19T02:00:00.000Z',
};
const ACTIVITY: Activity = {
  id: '5',
  communityId: '3',
  heldOn: '2026-10-19',
  kind: 'live_lesson',
  title: '科学探究课展示',
  hostSchoolId: '9',
  hostSchoolName: '第一小学',
  record: null,
  hoursTenths: 60,
  status: 'open',
  expected: 20,
  attended: 0,
  postings: 0,
  findings: [],
  files: [FILE],
};

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('an activity’s photos and files (Y-COMM-ACTIVITY-FILES)', () => {
  it('links each file for download; who records an open activity uploads and removes', async () => {
    vi.mocked(api.uploadActivityFile).mockResolvedValue(ACTIVITY);
    const onChange = vi.fn();
    renderWithApp(<ActivityFiles communityId="3" activity={ACTIVITY} canRecord onChange={onChange} />);
    const link = screen.getByRole('link', { name: '课堂照片.png' });
    expect(link.getAttribute('href')).toBe('/api/v1/communities/3/activities/5/files/71');
    expect(screen.getByRole('button', { name: /上传照片或文件/ })).toBeTruthy();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const photo = new File([new Uint8Array([0x89, 0x50])], '第二张.png', { type: 'image/png' });
    fireEvent.change(input, { target: { files: [photo] } });
    await waitFor(() => expect(api.uploadActivityFile).toHaveBeenCalledWith('3', '5', photo));
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: '移除' })).toBeTruthy();
  });

  it('a closed activity, or a reader who does not record it, shows the links only', () => {
    renderWithApp(
      <ActivityFiles
        communityId="3"
        activity={{ ...ACTIVITY, status: 'closed' }}
        canRecord
        onChange={vi.fn()}
      />,
    );
    expect(screen.getByRole('link', { name: '课堂照片.png' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /上传照片或文件/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '移除' })).toBeNull();
    cleanup();
    renderWithApp(
      <ActivityFiles
        communityId="3"
        activity={{ ...ACTIVITY, files: [] }}
        canRecord={false}
        onChange={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: /上传照片或文件/ })).toBeNull();
    expect(screen.getByText('—')).toBeTruthy();
  });
});
