/** The year-over-year comparison's one read: earlier published results of a campaign's subjects (this module's tables). */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/database';
import { inSubtrees } from '../../shared/subtree';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { RaterRow } from './scoring.repository';

/** A subject of an earlier campaign with that campaign's rubric and its submitted sheets. */
export interface PastSubjectRow {
  subject: SubjectRow;
  campaign: Pick<CampaignRow, 'id' | 'name' | 'year' | 'rubric' | 'normalisation' | 'published_at'>;
  raters: RaterRow[];
}

/** The lineage of a campaign's rubric: 'builtin:A', or 'rubric:<rubric_id>' of 'rubric:<rubric_id>@<version>'. */
export const rubricLineage = (rubricRef: string) => rubricRef.split('@')[0] ?? rubricRef;

interface StoredRater {
  county_id: string | number;
  subject_id: string | number;
  account_id: string | number;
  campaign_id: string | number;
  position: number;
  sheet: RaterRow['sheet'];
  assigned_by: string | number | null;
  assigned_at: string;
  saved_at: string | null;
  submitted_at: string | null;
}
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

export function createHistoryRepository(db: Database) {
  return {
    /**
     * In one query, every subject of an earlier year's published campaign of the same rubric lineage and subject
     * kind, owned in `c`'s owner subtree, whose unit (org or community id) is one of `refIds`; with the submitted
     * sheets of each. Oldest first.
     */
    async pastResults(c: CampaignRow, refIds: string[]): Promise<PastSubjectRow[]> {
      if (refIds.length === 0) return [];
      const rows = await db
        .selectFrom('evaluation_subjects as s')
        .innerJoin('evaluation_campaigns as c', (j) =>
          j.onRef('c.county_id', '=', 's.county_id').onRef('c.id', '=', 's.campaign_id'),
        )
        .selectAll('s')
        .select([
          'c.name as c_name',
          'c.year as c_year',
          'c.rubric as c_rubric',
          'c.normalisation as c_normalisation',
          'c.published_at as c_published_at',
        ])
        .select((eb) =>
          jsonArrayFrom(
            eb
              .selectFrom('evaluation_raters as r')
              .selectAll('r')
              .whereRef('r.county_id', '=', 's.county_id')
              .whereRef('r.subject_id', '=', 's.id')
              .where('r.submitted_at', 'is not', null)
              .orderBy('r.position'),
          ).as('raters'),
        )
        .where('c.status', '=', 'published')
        .where('c.year', '<', c.year)
        .where('c.subject_kind', '=', c.subject_kind)
        .where((eb) =>
          eb.or([
            eb('c.rubric_ref', '=', rubricLineage(c.rubric_ref)),
            eb('c.rubric_ref', 'like', `${rubricLineage(c.rubric_ref)}@%`),
          ]),
        )
        .where((eb) => inSubtrees(eb, 'c.org_path', [c.org_path]))
        .where('s.ref_id', 'in', refIds)
        .orderBy('c.year')
        .orderBy('c.id')
        .limit(2000)
        .execute();
      return rows.map(
        ({ c_name, c_year, c_rubric, c_normalisation, c_published_at, raters, ...subject }) => ({
          subject,
          campaign: {
            id: subject.campaign_id,
            name: c_name,
            year: c_year,
            rubric: c_rubric,
            normalisation: c_normalisation,
            published_at: c_published_at,
          },
          // in JSON the ids are numbers and the timestamps strings: the rows as the other reads give them
          raters: (raters as unknown as StoredRater[]).map((r) => ({
            county_id: String(r.county_id),
            subject_id: String(r.subject_id),
            account_id: String(r.account_id),
            campaign_id: String(r.campaign_id),
            position: r.position,
            sheet: r.sheet,
            assigned_by: r.assigned_by === null ? null : String(r.assigned_by),
            assigned_at: new Date(r.assigned_at),
            saved_at: dateOrNull(r.saved_at),
            submitted_at: dateOrNull(r.submitted_at),
          })),
        }),
      );
    },
  };
}
