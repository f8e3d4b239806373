import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Notification } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { translate } from './i18n';
import { NotificationBell } from './notification-bell';
import { notificationText } from './notification-words';
import { hanOutside, renderWithApp } from './test-utils';

vi.mock('./api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./api')>();
  return { ...actual, api: { ...actual.api, notifications: vi.fn(), markNotificationRead: vi.fn() } };
});

afterEach(cleanup);

const zh = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en-US', key, p);

let next = 1;
function note(kind: string, title: string, body: string, words: Notification['words']): Notification {
  next += 1;
  return {
    id: String(next),
    kind,
    title,
    body,
    entity: null,
    entityId: null,
    createdAt: '2026-05-01T00:00:00Z',
    readAt: null,
    words,
  };
}
const w = (
  code: string,
  values: Record<string, string>,
  parts: NonNullable<Notification['words']>['parts'] = [],
) => ({
  code,
  values,
  parts,
});

/** Every kind's variants as their senders write them, with the words the server reads back (notification-words.ts). */
const ALL: Notification[] = [
  note(
    'plan.submitted',
    '培训方案待审核：乡村培训',
    '河南师大提交了"乡村培训"的培训方案（第 2 版），请审核。',
    w('plan.submitted', { programme: '乡村培训', provider: '河南师大', version: '2' }),
  ),
  note(
    'plan.returned',
    '培训方案被退回：乡村培训',
    '省教育厅退回了"乡村培训"的培训方案（第 1 版），修改意见：请补充返岗实践',
    w('plan.returned', { programme: '乡村培训', owner: '省教育厅', version: '1', comment: '请补充返岗实践' }),
  ),
  note(
    'plan.approved',
    '培训方案已批准：乡村培训',
    '省教育厅批准了"乡村培训"的培训方案（第 3 版），贵单位为该项目的承训机构。',
    w('plan.approved', { programme: '乡村培训', owner: '省教育厅', version: '3' }),
  ),
  note(
    'plan.approved',
    '培训方案已批准：乡村培训',
    '省教育厅批准了"乡村培训"的培训方案（第 3 版），贵单位为该项目的承训机构。意见：很好',
    w('plan.approved.comment', { programme: '乡村培训', owner: '省教育厅', version: '3', comment: '很好' }),
  ),
  note(
    'integrity.record',
    '培训诚信档案记录：被劝退',
    '2026-03-01 因"被劝退"（乡村培训）记入培训诚信档案：3 年内（至 2029-02-28）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
    w('integrity.record.programme', {
      kind: 'dismissed',
      date: '2026-03-01',
      programme: '乡村培训',
      years: '3',
      until: '2029-02-28',
    }),
  ),
  note(
    'integrity.record',
    '培训诚信档案记录：未结业',
    '2026-03-01 因"未结业"记入培训诚信档案：3 年内（至 2029-02-28）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
    w('integrity.record', { kind: 'not_completed', date: '2026-03-01', years: '3', until: '2029-02-28' }),
  ),
  note(
    'integrity.appeal',
    '诚信档案申诉成立',
    '您对 2026-03-01 记录的申诉成立，该记录不再限制参训。理由：病假',
    w('integrity.appeal.upheld', { date: '2026-03-01', reason: '病假' }),
  ),
  note(
    'integrity.appeal',
    '诚信档案申诉未获支持',
    '您对 2026-03-01 记录的申诉未获支持，该记录继续有效。理由：无证明',
    w('integrity.appeal.rejected', { date: '2026-03-01', reason: '无证明' }),
  ),
  note(
    'hours.claim.returned',
    '学时申报被退回：读书会',
    '学校退回了您的学时申报「读书会」。原因：缺证明',
    w('hours.claim.returned.school', { claim: '读书会', reason: '缺证明' }),
  ),
  note(
    'hours.claim.returned',
    '学时申报被退回：读书会',
    '县区退回了您的学时申报「读书会」。原因：缺证明',
    w('hours.claim.returned.county', { claim: '读书会', reason: '缺证明' }),
  ),
  note(
    'hours.claim.approved',
    '学时申报已认定：读书会',
    '您的学时申报「读书会」已通过县区审核，2.5 学时（校本研修）已记入学时档案。',
    w('hours.claim.approved', { claim: '读书会', hours: '2.5', category: 'school_based' }),
  ),
  note(
    'shortlist.submitted',
    '差额遴选结果待确认：骨干培训',
    '河南师大提交了"骨干培训"的遴选结果（入选 2 人，名额 3 个），请确认或退回。',
    w('shortlist.submitted', { programme: '骨干培训', provider: '河南师大', selected: '2', places: '3' }),
  ),
  note(
    'shortlist.confirmed',
    '遴选结果已确认：骨干培训',
    '市教育局确认了"骨干培训"的遴选结果，入选学员已取得名额。',
    w('shortlist.confirmed', { programme: '骨干培训', owner: '市教育局' }),
  ),
  note(
    'shortlist.returned',
    '遴选结果被退回：骨干培训',
    '市教育局退回了"骨干培训"的遴选结果，意见：请说明评分依据。请修改后重新提交。',
    w('shortlist.returned', { programme: '骨干培训', owner: '市教育局', comment: '请说明评分依据' }),
  ),
  note(
    'hours.behind',
    '学时进度提醒',
    '本周期已计 20 学时，按进度应有 36.5 学时，落后 16.5 学时；2026-2027 学年校本研修已计 1 学时，按进度应有 4.5 学时；2026-2027 学年已计 3 学时，按进度应有 12 学时。请及时参加培训或申报学时。',
    w('hours.behind', {}, [
      { code: 'cycle.behind', values: { counted: '20', expected: '36.5', behind: '16.5' } },
      {
        code: 'category',
        values: { year: '2026-2027', category: 'school_based', counted: '1', pace: '4.5' },
      },
      { code: 'year', values: { year: '2026-2027', counted: '3', pace: '12' } },
    ]),
  ),
  note(
    'hours.behind',
    '学时进度提醒',
    '本周期已计 40 学时，进度达标。请及时参加培训或申报学时。',
    w('hours.behind', {}, [{ code: 'cycle.onTrack', values: { counted: '40' } }]),
  ),
];

/** The names and free text in a notification that are data: programmes, organisations, claims, comments. */
function dataOf(n: Notification): string[] {
  const keep = ['programme', 'provider', 'owner', 'comment', 'reason', 'claim'];
  return Object.entries(n.words?.values ?? {})
    .filter(([k]) => keep.includes(k))
    .map(([, v]) => v)
    .sort((a, b) => b.length - a.length);
}

describe('the bell in the reader language (R-004-20, R-004-59, Y-HOURS-REMIND: every kind the server sends)', () => {
  it('every variant of every kind is covered', () => {
    expect(new Set(ALL.map((n) => n.words?.code)).size).toBe(15);
  });

  it.each(ALL.map((n) => [n.words?.code, n] as const))('zh-CN reads exactly as stored: %s', (_, n) => {
    expect(notificationText(zh, n)).toEqual({ title: n.title, body: n.body });
  });

  it.each(ALL.map((n) => [n.words?.code, n] as const))('en-US has no Chinese outside names: %s', (_, n) => {
    const { title, body } = notificationText(en, n);
    expect(hanOutside(title, ...dataOf(n))).toBe('');
    expect(hanOutside(body, ...dataOf(n))).toBe('');
  });

  it('names coded by the server are worded: the integrity kind, the 学时 category', () => {
    expect(notificationText(en, ALL[4] as Notification).title).toBe('Training integrity record: Dismissed');
    expect(notificationText(en, ALL[10] as Notification).body).toContain(
      '2.5 credit hours (School-based study)',
    );
  });

  it('without words, or with a code or name not known here, the stored text stays', () => {
    const old = note('integrity.appeal', '申诉已处理', '申诉成立', null);
    expect(notificationText(en, old)).toEqual({ title: '申诉已处理', body: '申诉成立' });
    const unknown = { ...(ALL[0] as Notification), words: w('plan.something', {}) };
    expect(notificationText(en, unknown).title).toBe(unknown.title);
    const kind = {
      ...(ALL[5] as Notification),
      words: w('integrity.record', { kind: 'late', date: '', years: '', until: '' }),
    };
    expect(notificationText(en, kind).body).toBe(kind.body);
  });

  it('the drawer reads in English in en-US', async () => {
    vi.mocked(api.notifications).mockResolvedValue({ unread: ALL.length, items: ALL });
    renderWithApp(<NotificationBell />, { lang: 'en-US' });
    fireEvent.click(screen.getByTestId('notif-bell'));
    await waitFor(() => expect(screen.getAllByTestId('notif-item')).toHaveLength(ALL.length));
    const first = screen.getAllByTestId('notif-item')[0];
    expect(first?.textContent).toContain('Training plan to review: 乡村培训');
    for (const [i, item] of screen.getAllByTestId('notif-item').entries())
      expect(hanOutside(item.textContent, ...dataOf(ALL[i] as Notification))).toBe('');
  });
});
