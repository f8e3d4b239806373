import type { MenuProps } from 'antd';

/** The menu keys (paths), groups and all. */
export function menuKeys(items: MenuProps['items']): string[] {
  return (items ?? []).flatMap((item) => {
    if (!item || !('key' in item) || item.key === undefined) return [];
    const children = 'children' in item && Array.isArray(item.children) ? menuKeys(item.children) : [];
    return [String(item.key), ...children];
  });
}

/**
 * Pages with no menu path of their own, and the menu items they are reached from, first shown first: an
 * evaluation subject's page and scorecard are the unit's 本单位参评, the owner's 评价活动 or a rater's 评审任务.
 */
const REACHED_FROM: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/evaluation/subjects/', ['/evaluation/mine', '/evaluation/campaigns', '/evaluation/tasks']],
];

/**
 * The menu item of a page: the longest menu path the page's path lies under, else the item it is reached from
 * ('/' when none).
 */
export function selectedKey(pathname: string, keys: string[]): string {
  let best = '/';
  for (const k of keys) {
    if (!k.startsWith('/') || k === '/') continue;
    if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  }
  if (best !== '/') return best;
  const from = REACHED_FROM.find(([prefix]) => pathname.startsWith(prefix));
  return from?.[1].find((k) => keys.includes(k)) ?? best;
}
