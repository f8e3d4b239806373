import { Grid, type TableColumnsType, type TableProps } from 'antd';

/** A column's name for `keyColumns`: its `key`, else its `dataIndex` when that is one field. */
function nameOf(column: TableColumnsType<never>[number]): string | undefined {
  if (column.key !== undefined) return String(column.key);
  const index = 'dataIndex' in column ? column.dataIndex : undefined;
  return typeof index === 'string' || typeof index === 'number' ? String(index) : undefined;
}

const PHONE_SIZES = new Set(['xs', 'sm']);

/**
 * The one way a table reads on a phone: the columns named in `keep` (by key or dataIndex: the reader's name and
 * the figure that matters) stay; every other column is shown from `md` (768 px) up, so the desktop is unchanged.
 * A column that already waits for a larger size (`lg`, `xl`) keeps it.
 */
export function keyColumns<T>(columns: TableColumnsType<T>, keep: readonly string[]): TableColumnsType<T> {
  const kept = new Set(keep);
  return columns.map((column) => {
    const name = nameOf(column as TableColumnsType<never>[number]);
    if (name !== undefined && kept.has(name)) return column;
    const waits = column.responsive && !column.responsive.some((size) => PHONE_SIZES.has(size));
    return waits ? column : { ...column, responsive: ['md'] };
  });
}

/**
 * `keyColumns` with the table's sideways scroll for the desktop (`scroll`, as the table had it), dropped below
 * `md` where the key columns fit the screen: give both to the `<Table>`.
 */
export function useKeyColumns<T>(
  columns: TableColumnsType<T>,
  keep: readonly string[],
  scroll?: TableProps<T>['scroll'],
): { columns: TableColumnsType<T>; scroll: TableProps<T>['scroll'] } {
  const phone = Grid.useBreakpoint().md === false;
  return { columns: keyColumns(columns, keep), scroll: phone ? undefined : scroll };
}
