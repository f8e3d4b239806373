import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { PackDetail, PackSummary, PolicyPackBody } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { CreateProgrammeModal } from './create-programme-modal';
import { packFixture } from './pack-fixture.test-data';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { listPacks: vi.fn(), pack: vi.fn(), createProgramme: vi.fn() } };
});

/** The fixture pack with a second project type of two tracks. */
function body(): PolicyPackBody {
  const b = packFixture();
  const rural = b.projectTypes[0] as PolicyPackBody['projectTypes'][number];
  const track = rural.tracks[0] as (typeof rural.tracks)[number];
  b.projectTypes.push({
    ...rural,
    code: 'institution_backbone',
    name: '市县级教师培训机构骨干教师培育项目',
    tracks: [
      { ...track, code: 'institution_backbone', name: '市县级教师培训机构骨干教师' },
      { ...track, code: 'training_admin', name: '培训管理者' },
    ],
  });
  return b;
}
const SUMMARY: PackSummary = {
  id: '440000-2027-v2',
  title: '广东省 2027 年中小学教师素质提升工程',
  regionCode: '440000',
  regionOrgId: '1',
  regionOrgName: '广东省',
  year: 2027,
  version: 2,
  status: 'published',
  builtin: false,
  derivedFrom: 'henan-2021',
  projectTypes: [
    { code: 'rural_backbone', name: '乡村骨干教师素质提升培训项目', level: 'provincial' },
    { code: 'institution_backbone', name: '市县级教师培训机构骨干教师培育项目', level: 'provincial' },
  ],
  canEdit: true,
  updatedAt: '2027-01-01T00:00:00Z',
};

beforeEach(() => {
  vi.mocked(api.listPacks).mockResolvedValue([SUMMARY]);
  vi.mocked(api.pack).mockImplementation(async () => ({ ...SUMMARY, pack: body() }) as PackDetail);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function choose(label: string | RegExp, option: string) {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].filter(
      (n) => !n.closest('.ant-select-dropdown-hidden'),
    );
    const match = found.find((n) => n.textContent === option);
    if (!match) throw new Error(`no option ${option}`);
    return match as HTMLElement;
  });
  fireEvent.click(item);
}
const titleInput = () => screen.getByTestId('programme-title') as HTMLInputElement;
const trackShown = () =>
  screen.getByRole('combobox', { name: /^参训对象/ }).closest('.ant-select')?.textContent ?? '';

describe('设立培训项目: the programme carries the type and track it is created with', () => {
  it('a title the form wrote for one type follows a change of type; a title the user typed stays', async () => {
    renderWithApp(<CreateProgrammeModal onClose={() => {}} onCreated={() => {}} />);
    await waitFor(() => expect(api.pack).toHaveBeenCalled(), { timeout: 5000 });
    await choose('项目类型', '乡村骨干教师素质提升培训项目');
    expect(titleInput().value).toBe('2027年乡村骨干教师素质提升培训项目');
    await choose('项目类型', '市县级教师培训机构骨干教师培育项目');
    expect(titleInput().value).toBe('2027年市县级教师培训机构骨干教师培育项目');
    await waitFor(() => expect(trackShown()).toBe('市县级教师培训机构骨干教师'));
    fireEvent.change(titleInput(), { target: { value: '清城区2026年培训管理者研修' } });
    await choose('项目类型', '乡村骨干教师素质提升培训项目');
    expect(titleInput().value).toBe('清城区2026年培训管理者研修');
  }, 30_000);
});
