import type { Selectable } from 'kysely';
import type { Database } from '../../../db/database';
import type { ClassDocumentsTable, ClassesTable } from '../../../db/types';

/** A deadline document of a class (报到通知书, 课程表, 工作简报, 总结报告 item) and the day it was submitted. */
export type DocumentRow = Pick<
  Selectable<ClassDocumentsTable>,
  'id' | 'class_id' | 'kind' | 'item' | 'title' | 'submitted_on'
>;

type ProviderProgramme = Pick<Selectable<ClassesTable>, 'provider_org_id' | 'programme_id'>;

export interface DocumentWrite {
  classId: string;
  kind: string;
  item: string;
  title: string;
  submittedOn: string;
  createdBy: string;
}

/** The deadline documents (class_documents) and the providers' 工作简报 the board counts. */
export function createDeadlinesRepository(db: Database) {
  return {
    listDocuments(classIds: string[]): Promise<DocumentRow[]> {
      if (classIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('class_documents')
        .select(['id', 'class_id', 'kind', 'item', 'title', 'submitted_on'])
        .where('class_id', 'in', classIds)
        .orderBy('submitted_on')
        .orderBy('id')
        .execute();
    },

    /** 工作简报 of every class a provider runs in a programme, and the last end date of those classes (R-004-14). */
    async providerBulletins(
      programmeId: string | null,
      providerOrgId: string,
    ): Promise<{ dates: string[]; lastEnd: string | null }> {
      let docs = db
        .selectFrom('class_documents as d')
        .innerJoin('classes as c', 'c.id', 'd.class_id')
        .select('d.submitted_on')
        .where('c.provider_org_id', '=', providerOrgId)
        .where('d.kind', '=', 'bulletin');
      let end = db
        .selectFrom('classes')
        .select((eb) => eb.fn.max('end_date').as('last_end'))
        .where('provider_org_id', '=', providerOrgId);
      if (programmeId !== null) {
        docs = docs.where('c.programme_id', '=', programmeId);
        end = end.where('programme_id', '=', programmeId);
      }
      const [rows, last] = await Promise.all([docs.execute(), end.executeTakeFirst()]);
      return { dates: rows.map((d) => d.submitted_on), lastEnd: (last?.last_end as string | null) ?? null };
    },

    async insertDocument(w: DocumentWrite, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('class_documents')
        .values({
          class_id: w.classId,
          kind: w.kind,
          item: w.item,
          title: w.title,
          submitted_on: w.submittedOn,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** 工作简报 of every class of these providers, with the class's programme, and each provider-programme's last end (R-004-14). */
    async bulletinsOfProviders(providerOrgIds: string[]): Promise<{
      bulletins: Array<ProviderProgramme & { submitted_on: string }>;
      lastEnds: Array<ProviderProgramme & { last_end: string }>;
    }> {
      if (providerOrgIds.length === 0) return { bulletins: [], lastEnds: [] };
      const [bulletins, lastEnds] = await Promise.all([
        db
          .selectFrom('class_documents as d')
          .innerJoin('classes as c', 'c.id', 'd.class_id')
          .select(['c.provider_org_id', 'c.programme_id', 'd.submitted_on'])
          .where('c.provider_org_id', 'in', providerOrgIds)
          .where('d.kind', '=', 'bulletin')
          .execute(),
        db
          .selectFrom('classes')
          .select((eb) => ['provider_org_id', 'programme_id', eb.fn.max('end_date').as('last_end')])
          .where('provider_org_id', 'in', providerOrgIds)
          .groupBy(['provider_org_id', 'programme_id'])
          .execute(),
      ]);
      return {
        bulletins,
        lastEnds: lastEnds.map((r) => ({ ...r, last_end: String(r.last_end) })),
      };
    },
  };
}
