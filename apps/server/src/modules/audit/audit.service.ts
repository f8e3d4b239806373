import type { AuditEntryRow, AuditQuery, Page } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { requirePermission } from '../../shared/permissions';
import { createAuditRepository } from './audit.repository';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  orgId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditService {
  /** Pass the transaction as `db` so the entry commits or rolls back with the write it records. */
  record(actor: Actor | null, entry: AuditEntry, db?: Database): Promise<void>;
  list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntryRow>>;
}

export function createAuditService(deps: { db: Database }): AuditService {
  const repo = createAuditRepository(deps.db);
  return {
    async record(actor, entry, db) {
      await repo.insert(
        {
          actorId: actor?.accountId ?? null,
          actorName: actor?.username ?? null,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId ?? null,
          orgId: entry.orgId ?? null,
          details: entry.details ?? {},
          requestId: actor?.requestId ?? null,
          ip: actor?.ip ?? null,
        },
        db,
      );
    },

    /** System admins read everything; bureau admins read the entries about orgs in their subtrees. */
    async list(actor, query) {
      const scope = requirePermission(actor, 'audit.read');
      const isSystem = actor.grants.some((g) => g.role === 'system_admin');
      const { rows, total } = await repo.list({
        roots: isSystem ? null : scope,
        action: query.action,
        entity: query.entity,
        entityId: query.entityId,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          orgName: r.org_name,
          details: r.details,
          ip: r.ip,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
