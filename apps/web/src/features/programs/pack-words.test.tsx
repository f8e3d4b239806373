/**
 * Issue 11: the pack pages in words. Every section of the Henan 2021 pack (as the API serves it: the copy in
 * henan-pack.test-data.json, kept equal to core by the server's henan-pack-fixture test) shows labels and values
 * an officer reads — no raw JSON, no code keys, no "规格 §" (an internal spec), hours in 学时 and days in 天;
 * R-004-31's plan modes as a table. The page of Guangdong's pack names Guangdong and 广东省教育厅, with the
 * Henan notice as where its values come from; the clone dialog offers the region's name and lets the officer
 * change title, issuer and document.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, PackCloneDefaults, PackDetail, PolicyPackBody } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import type { Lang } from '../../shared/i18n';
import { renderWithApp } from '../../shared/test-utils';
import henan from './henan-pack.test-data.json';
import { PackDetailPage } from './pack-detail-page';
import { formatRuleValue, groupPackRules, ruleLabel, sourceLabel } from './pack-format';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { me: vi.fn(), pack: vi.fn(), cloneDefaults: vi.fn(), clonePack: vi.fn(), updatePack: vi.fn() },
  };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const HENAN = henan as unknown as PolicyPackBody;

/** What must never reach a reader of the pack pages. */
const RAW = [
  { what: 'raw JSON', re: /\{"|":\s*[{["\d]/ },
  // xAPI is the standard's own name (the 学时 section's other platforms), not a code key
  { what: 'a camelCase code key', re: /\b(?!xAPI\b)[a-z]+[A-Z][A-Za-z]*\b/ },
  { what: 'a snake_case code', re: /\b[a-z]+_[a-z_]+\b/ },
  { what: 'the internal spec', re: /规格\s*§|spec §/ },
  { what: 'an issue number', re: /\bissue \d/ },
  { what: 'hours in tenths', re: /Tenths|0\.1 学时计/ },
];

function rawIn(text: string): string[] {
  return RAW.filter((r) => r.re.test(text)).map((r) => `${r.what}: …${text.match(r.re)?.[0]}…`);
}

describe('the Henan pack in words (pure formatting, both languages)', () => {
  for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
    it(`${lang}: every label, value, note and source of every section`, () => {
      const sections = groupPackRules(HENAN, lang);
      expect(sections.length).toBe(8); // general, classes, 学时, five project types
      for (const section of sections) {
        for (const group of section.groups) {
          for (const e of group.entries) {
            const shown = [
              section.title,
              group.title,
              ruleLabel(e, lang),
              formatRuleValue(e, lang),
              lang === 'zh-CN' ? (e.note ?? '') : '',
              sourceLabel(e.source, lang),
            ].join(' | ');
            expect(rawIn(shown), `${e.path}: ${shown}`).toEqual([]);
          }
        }
      }
    });
  }

  it("the 学时 section (Y-HOURS-PACK-IN-FORCE): a category's and a group's rule name it; tenths read as 学时", () => {
    const hours = groupPackRules(HENAN, 'zh-CN').find((s) => s.id === 'hours');
    const entries = new Map(hours?.groups.flatMap((g) => g.entries).map((e) => [e.path, e]));
    const shown = (path: string) => {
      const e = entries.get(path);
      return e ? `${ruleLabel(e, 'zh-CN')} ${formatRuleValue(e, 'zh-CN')}` : '';
    };
    expect(hours?.groups.map((g) => g.title)).toEqual([
      '继续教育周期与学年',
      '各类学时的上限与最低要求',
      '教师群体的要求',
      '学时申报审核',
      '外部平台学时',
    ]);
    expect(shown('hours.cycleTotalTenths')).toBe('每周期总学时不少于 360 学时');
    expect(shown('hours.categories.workshop.dayCapTenths')).toBe('工作坊：每天最多计入 6 学时');
    expect(shown('hours.groups.researcher.yearMinTenths')).toBe('教研员：每学年不少于 90 学时');
    expect(shown('hours.xapi.verbs')).toContain('completed → 网络研修');
    expect(shown('hours.cycleStartYear')).toBe('首个周期起始学年 2026—2027 学年');
    expect(shown('hours.xapi.minutesPerHour')).toBe('每学时分钟数 60 分钟');
  });

  it('R-004-31 plan modes as lines of words; 1 day = 8 学时; days in 天; the Yanxun rules named as such', () => {
    const design = groupPackRules(HENAN, 'zh-CN')[0]?.groups.find((g) => g.id === 'design')?.entries ?? [];
    const byKey = new Map(design.map((e) => [e.key, e]));
    const modes = byKey.get('planModes');
    expect(modes && ruleLabel(modes, 'zh-CN')).toBe('培训方式及计量');
    expect(modes && formatRuleValue(modes, 'zh-CN').split('\n')).toEqual([
      '集中培训：按天计，计入集中培训天数，默认非实践性课程',
      '网络研修：按学时计，计入网络研修学时，默认非实践性课程',
      '跟岗实践：按天计，计入集中培训天数，默认为实践性课程',
      '返岗实践：按天计，不计入集中培训天数和网络研修学时（返岗实践以年计），默认为实践性课程',
      '工作坊：按学时计，计入网络研修学时，默认为实践性课程',
    ]);
    const day = byKey.get('dayHoursTenths');
    expect(day && [ruleLabel(day, 'zh-CN'), formatRuleValue(day, 'zh-CN')]).toEqual([
      '1 天折合学时',
      '8 学时',
    ]);
    const staffing = byKey.get('staffing');
    expect(staffing && formatRuleValue(staffing, 'zh-CN')).toBe(
      '首席专家 1 名；每班学科班主任 1 名；每班生活班主任 1 名',
    );
    expect(sourceLabel('S004:L18-20', 'zh-CN')).toBe('河南 2021 通知 第 18–20 行');
    expect(sourceLabel('S004:L81-85,L177', 'zh-CN')).toBe('河南 2021 通知 第 81–85、177 行');
    expect(sourceLabel('issue 3', 'zh-CN')).toBe('平台规则（文件未规定）');
  });

  it('a rule the page has no name for is "其他规定", never its key', () => {
    expect(ruleLabel({ key: 'someFutureRule' }, 'zh-CN')).toBe('其他规定');
    expect(formatRuleValue({ key: 'x', value: { someKey: 3, other: ['a_b'] } }, 'zh-CN')).not.toMatch(
      /someKey|\{/,
    );
  });
});

const ADOPTED = {
  document: String(HENAN.source.document),
  issuer: '河南省教育厅',
  signedOn: '2021-07-16',
  year: 2021,
};

/** Guangdong's 2026 draft as the clone makes it: Henan's values, Guangdong's name and bureau. */
function guangdong(): PackDetail {
  const pack = structuredClone(HENAN) as PolicyPackBody & Record<string, unknown>;
  pack.id = '440000-2026-v2';
  pack.regionCode = '440000';
  pack.year = 2026;
  pack.version = 2;
  pack.status = 'draft';
  pack.title = '广东省 2026 年义务教育师资薄弱环节改善暨中小学教师素质提升工程';
  pack.source = {
    seed: 'S004',
    document: String(HENAN.source.document).replace('2021年', '2026年'),
    issuer: '广东省教育厅',
    adoptedFrom: ADOPTED,
  };
  return {
    id: pack.id,
    title: pack.title,
    regionCode: '440000',
    regionOrgId: '1',
    regionOrgName: '广东省',
    year: 2026,
    version: 2,
    status: 'draft',
    builtin: false,
    derivedFrom: 'henan-2021',
    projectTypes: [],
    canEdit: true,
    updatedAt: '2026-06-01T01:00:00Z',
    pack,
  };
}

const PROVINCE: Me = {
  id: '2',
  username: 'province',
  displayName: '省教育厅教师教育处',
  grants: [{ role: 'bureau_admin', orgId: '1', orgName: '广东省', orgKind: 'province' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

function renderPage(detail: PackDetail) {
  vi.mocked(api.me).mockResolvedValue(PROVINCE);
  vi.mocked(api.pack).mockResolvedValue(detail);
  return renderWithApp(<PackDetailPage />, { route: `/packs/${detail.id}`, path: '/packs/:id' });
}

// antd's first render in a file is slow on a busy machine: a generous guard, not a timing assertion
describe('the pack page of Guangdong’s pack', { timeout: 60_000 }, () => {
  it('every tab of the editor (a draft, with inputs) and the header read in words', async () => {
    renderPage(guangdong());
    const header = await screen.findByTestId('pack-header');
    expect(header.textContent).toContain('广东省教育厅');
    expect(header.textContent).not.toContain('河南省 2026');
    expect(screen.getByTestId('pack-adopted').textContent).toBe(
      `沿用河南省教育厅 2021 年《${ADOPTED.document}》的规则取值；"出处"一栏所列行号指该文件`,
    );
    expect(
      screen.getAllByText('广东省 2026 年义务教育师资薄弱环节改善暨中小学教师素质提升工程').length,
    ).toBeGreaterThan(0);
    const rules = screen.getByTestId('pack-rules');
    const tabs = within(rules).getAllByRole('tab');
    expect(tabs).toHaveLength(8);
    for (const tab of tabs) {
      fireEvent.click(tab);
      const panel = within(rules)
        .getAllByRole('tabpanel')
        .find((p) => !p.hidden && p.getAttribute('aria-hidden') !== 'true');
      const text = panel?.textContent ?? '';
      expect(text.length, tab.textContent ?? '').toBeGreaterThan(50);
      expect(rawIn(text), tab.textContent ?? '').toEqual([]);
    }
    expect(rawIn(document.body.textContent ?? '')).toEqual([]);
  });

  it('R-004-31 plan modes as a table; 网络研修 学时 and 集中培训 天', async () => {
    renderPage(guangdong());
    const table = await screen.findByTestId('plan-modes');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[0]).toBe('培训方式计量计入实践性课程');
    expect(rows).toContain('跟岗实践按天计计入集中培训天数默认为实践性课程');
    fireEvent.click(screen.getByTestId('pack-tab-projectTypes[4]'));
    const track = screen.getByTestId('rule-value-projectTypes[4].tracks[0].onlineHoursTenths');
    expect(within(track).getByRole('spinbutton')).toHaveProperty('value', '30'); // 30 学时, not 300 tenths
    expect(track.textContent).toContain('学时');
    expect(screen.getByTestId('rule-projectTypes[4].tracks[0].centralizedDaysTotal').textContent).toContain(
      '天',
    );
  });

  it('the title and document are edited on the draft and saved with the body', async () => {
    const detail = guangdong();
    vi.mocked(api.updatePack).mockResolvedValue(detail);
    renderPage(detail);
    fireEvent.click(await screen.findByTestId('pack-edit-meta'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('pack-meta-number'), {
      target: { value: '粤教师〔2026〕1号' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(api.updatePack).toHaveBeenCalled());
    const [id, body] = vi.mocked(api.updatePack).mock.calls[0] ?? [];
    expect(id).toBe('440000-2026-v2');
    expect(body?.title).toBe(detail.title);
    expect(body?.source).toMatchObject({
      issuer: '广东省教育厅',
      documentNumber: '粤教师〔2026〕1号',
      adoptedFrom: ADOPTED,
    });
  });

  it('the clone dialog offers the region’s title and issuer for the year; the officer’s changes are sent', async () => {
    const defaults = (year: number): PackCloneDefaults => ({
      regionOrgId: '1',
      regionName: '广东省',
      title: `广东省 ${year} 年义务教育师资薄弱环节改善暨中小学教师素质提升工程`,
      issuer: '广东省教育厅',
      document: `关于组织实施${year}年…的通知`,
      adoptsFrom: { issuer: '河南省教育厅', document: ADOPTED.document, year: 2021 },
    });
    vi.mocked(api.cloneDefaults).mockImplementation(async (_id, year) => defaults(year));
    vi.mocked(api.clonePack).mockResolvedValue(guangdong());
    renderPage(guangdong());
    fireEvent.click(await screen.findByTestId('pack-clone'));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByTestId('pack-meta-title') as HTMLInputElement;
    await waitFor(() => expect(title.value).toMatch(/^广东省 20\d\d 年义务教育/));
    expect(within(dialog).getByTestId('clone-region').textContent).toBe('新草稿属于：广东省');
    expect(within(dialog).getByTestId('clone-adopts').textContent).toContain('河南省教育厅 2021 年');
    fireEvent.change(within(dialog).getByTestId('pack-meta-issuer'), {
      target: { value: '广东省教育厅 广东省财政厅' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /复\s*制/ }));
    await waitFor(() => expect(api.clonePack).toHaveBeenCalled());
    const [, req] = vi.mocked(api.clonePack).mock.calls[0] ?? [];
    expect(req).toMatchObject({ issuer: '广东省教育厅 广东省财政厅', title: title.value });
    expect(req?.document).toMatch(/^关于组织实施20\d\d年…的通知$/);
  });
});
