/** The one phone pattern for tables: the key columns stay, the rest wait for md; the desktop keeps every column. */
import { cleanup, render, screen } from '@testing-library/react';
import { Table, type TableColumnsType } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyColumns, useKeyColumns } from './phone-table';
import { stubViewport } from './test-utils';

interface Row {
  id: string;
  name: string;
  county: string;
  teachers: number;
}

const columns: TableColumnsType<Row> = [
  { title: '名称', dataIndex: 'name' },
  { title: '区县', dataIndex: 'county', width: 120 },
  { title: '类型', key: 'kind', responsive: ['lg'], render: () => '小学' },
  { title: '教师数', dataIndex: 'teachers', align: 'right' },
];

function Schools() {
  const table = useKeyColumns(columns, ['name', 'teachers'], { x: 900 });
  return (
    <Table<Row>
      rowKey="id"
      columns={table.columns}
      scroll={table.scroll}
      pagination={false}
      dataSource={[{ id: '1', name: '清城区第一小学', county: '清城区', teachers: 2000 }]}
    />
  );
}

const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('keyColumns', () => {
  it('hides every column but the named ones below md, and leaves a column that waits for lg as it was', () => {
    const out = keyColumns(columns, ['name', 'teachers']);
    expect(out.map((c) => c.responsive)).toEqual([undefined, ['md'], ['lg'], undefined]);
  });

  it('a column shown on phones by its own responsive list is hidden unless named', () => {
    const out = keyColumns([{ title: '状态', key: 'status', responsive: ['xs', 'md'] }], []);
    expect(out[0]?.responsive).toEqual(['md']);
  });
});

describe('useKeyColumns on a table', () => {
  it('a 390 px phone sees the name and the figure, no sideways scroll', () => {
    stubViewport(390);
    const { container } = render(<Schools />);
    expect(headers()).toEqual(['名称', '教师数']);
    expect(container.querySelector('table')?.getAttribute('style') ?? '').not.toContain('900px');
  });

  it('a 1440 px desktop keeps every column and the table’s own scroll', () => {
    stubViewport(1440);
    const { container } = render(<Schools />);
    expect(headers()).toEqual(['名称', '区县', '类型', '教师数']);
    expect(container.querySelector('table')?.getAttribute('style')).toContain('width: 900px');
  });
});
