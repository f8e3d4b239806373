import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';

/**
 * The index range of a materialized-path subtree: every path under '/1/5/' sorts (COLLATE "C") in
 * ['/1/5/', '/1/50'), because '0' is the character after '/'.
 */
export function subtreeRange(rootPath: string): [string, string] {
  return [rootPath, `${rootPath.slice(0, -1)}0`];
}

/** `column` lies in any of the given subtrees. */
export function inSubtrees<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  roots: string[],
): ExpressionWrapper<DB, TB, SqlBool> {
  if (roots.length === 0) return eb.val(false) as unknown as ExpressionWrapper<DB, TB, SqlBool>;
  return eb.or(
    roots.map((root) => {
      const [lo, hi] = subtreeRange(root);
      return eb.and([eb(sql.ref(column), '>=', lo), eb(sql.ref(column), '<', hi)]);
    }),
  ) as unknown as ExpressionWrapper<DB, TB, SqlBool>;
}
