import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

/**
 * A plain list of rows divided by a hairline, as antd's List drew them (antd 6.6 deprecates List and warns on
 * every render): a `<ul>` whose rows are `<li>`, each taking the attributes `itemProps` gives it (test ids).
 */
export function ItemList<T>({
  items,
  rowKey,
  render,
  itemProps,
  size = 'default',
}: {
  items: readonly T[];
  rowKey: (item: T, index: number) => string;
  render: (item: T) => ReactNode;
  itemProps?: (item: T) => HTMLAttributes<HTMLLIElement> & Record<`data-${string}`, string>;
  size?: 'small' | 'default';
}) {
  const row: CSSProperties = {
    padding: size === 'small' ? '8px 0' : '12px 0',
    borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
  };
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, i) => (
        <li
          key={rowKey(item, i)}
          style={i === items.length - 1 ? { ...row, borderBottom: 'none' } : row}
          {...itemProps?.(item)}
        >
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
