import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';

export const ROW = {
  display: 'flex',
  justifyContent: 'space-between',
  gap: 12,
  padding: '8px 0',
  borderBottom: '1px solid #f0f0f0',
} as const;

/** A plain list (antd 6 deprecates List): rows from `render`, an empty state, a spinner while loading. */
export function SimpleList<T>({
  items,
  render,
  empty,
  loading,
}: {
  items: T[];
  render: (item: T) => ReactNode;
  empty?: ReactNode;
  loading?: boolean;
}) {
  if (loading) return <Spin />;
  if (items.length === 0) return <>{empty ?? <Empty />}</>;
  return <div>{items.map(render)}</div>;
}
