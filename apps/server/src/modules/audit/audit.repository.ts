import type { Database } from '../../db/database';
import { inSubtrees } from '../../shared/subtree';

export interface AuditInsert {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

export function createAuditRepository(db: Database) {
  return {
    async insert(e: AuditInsert, trx: Database = db): Promise<void> {
      await trx
        .insertInto('audit_log')
        .values({
          actor_id: e.actorId,
          actor_name: e.actorName,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          org_id: e.orgId,
          details: JSON.stringify(e.details),
          request_id: e.requestId,
          ip: e.ip,
        })
        .execute();
    },

    /** Entries newest first; `roots` limits to entries about orgs in those subtrees (null = everything). */
    async list(f: {
      roots: string[] | null;
      action?: string | undefined;
      entity?: string | undefined;
      entityId?: string | undefined;
      offset: number;
      limit: number;
    }) {
      let q = db.selectFrom('audit_log as a').leftJoin('orgs as o', 'o.id', 'a.org_id');
      if (f.roots) {
        const roots = f.roots;
        q = q.where((eb) => inSubtrees(eb, 'o.path', roots));
      }
      if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
      if (f.entity) q = q.where('a.entity', '=', f.entity);
      if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
      const [rows, total] = await Promise.all([
        q
          .select([
            'a.id',
            'a.at',
            'a.actor_name',
            'a.action',
            'a.entity',
            'a.entity_id',
            'o.name as org_name',
            'a.details',
            'a.ip',
          ])
          .orderBy('a.id', 'desc')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
