import { describe, expect, it } from 'vitest';
import { menuKeys, selectedKey } from './menu-keys';

const items = [
  { key: '/', label: '工作台' },
  { key: '/teachers', label: '教师' },
  {
    type: 'group' as const,
    key: 'training',
    label: '培训管理',
    children: [
      { key: '/programmes', label: '培训项目' },
      { key: '/hour-claims', label: '学时申报审核' },
    ],
  },
  { key: '/monitoring', label: '质量监测' },
  { key: '/monitoring/access-codes', label: '家长查询访问码' },
];

describe('the side menu marks the page one is on', () => {
  const keys = menuKeys(items);
  it('every path of the menu, groups included', () => {
    expect(keys).toEqual([
      '/',
      '/teachers',
      'training',
      '/programmes',
      '/hour-claims',
      '/monitoring',
      '/monitoring/access-codes',
    ]);
  });
  it('the longest menu path a page lies under; the home page for none', () => {
    expect(selectedKey('/hour-claims', keys)).toBe('/hour-claims');
    expect(selectedKey('/programmes/12/quotas', keys)).toBe('/programmes');
    expect(selectedKey('/monitoring/access-codes', keys)).toBe('/monitoring/access-codes');
    expect(selectedKey('/monitoring/exams/3', keys)).toBe('/monitoring');
    expect(selectedKey('/programmes-x', keys)).toBe('/');
    expect(selectedKey('/verify/ABC', keys)).toBe('/');
  });
  it('a page with no menu path marks the item it is reached from that the menu has', () => {
    const subject = '/evaluation/subjects/7/scorecard';
    expect(selectedKey(subject, ['/', '/evaluation/campaigns', '/evaluation/mine'])).toBe('/evaluation/mine');
    expect(selectedKey(subject, ['/', '/evaluation/tasks', '/evaluation/campaigns'])).toBe(
      '/evaluation/campaigns',
    );
    expect(selectedKey(subject, ['/', '/teachers'])).toBe('/');
  });
});
