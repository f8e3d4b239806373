/**
 * The teachers who owe continuing education under some subtrees, as a relation another module's report joins in
 * its own SQL (the hours module's compliance). The people module decides who they are: every status but 离职
 * (left) and 退休 (retired).
 */
import { type RawBuilder, sql } from 'kysely';
import { subtreeRange } from '../../../shared/subtree';

/** A row of the roster relation. */
export interface RosterRow {
  county_id: string;
  id: string;
  name: string;
  name_pinyin: string;
  school_id: string;
  org_path: string;
  roles_held: string[];
}

/** `SELECT county_id, id, name, name_pinyin, school_id, org_path, roles_held FROM teachers …` under `roots`. */
export function rosterRelation(roots: string[]): RawBuilder<RosterRow> {
  const ranges =
    roots.length === 0
      ? sql`false`
      : sql.join(
          roots.map((root) => {
            const [lo, hi] = subtreeRange(root);
            return sql`(t.org_path >= ${lo} AND t.org_path < ${hi})`;
          }),
          sql` OR `,
        );
  return sql<RosterRow>`SELECT t.county_id, t.id, t.name, t.name_pinyin, t.school_id, t.org_path, t.roles_held
    FROM teachers t WHERE t.status NOT IN ('left', 'retired') AND (${ranges})`;
}
