import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  orgId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditService {
  record(actor: Actor | null, entry: AuditEntry, db?: Database): Promise<void>;
}

/** Writes the audit log. Pass the transaction as `db` so the entry commits or rolls back with the write. */
export function createAuditService(deps: { db: Database }): AuditService {
  return {
    async record(actor, entry, db = deps.db) {
      await db
        .insertInto('audit_log')
        .values({
          actor_id: actor?.accountId ?? null,
          actor_name: actor?.username ?? null,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId ?? null,
          org_id: entry.orgId ?? null,
          details: JSON.stringify(entry.details ?? {}),
          request_id: actor?.requestId ?? null,
          ip: actor?.ip ?? null,
        })
        .execute();
    },
  };
}
