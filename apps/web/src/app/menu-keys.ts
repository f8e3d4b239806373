import type { MenuProps } from 'antd';

/** The menu keys (paths), groups and all. */
export function menuKeys(items: MenuProps['items']): string[] {
  return (items ?? []).flatMap((item) => {
    if (!item || !('key' in item) || item.key === undefined) return [];
    const children = 'children' in item && Array.isArray(item.children) ? menuKeys(item.children) : [];
    return [String(item.key), ...children];
  });
}

/** The menu item of a page: the longest menu path the page's path lies under ('/' when none does). */
export function selectedKey(pathname: string, keys: string[]): string {
  let best = '/';
  for (const k of keys) {
    if (!k.startsWith('/') || k === '/') continue;
    if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  }
  return best;
}
