/**
 * Batches of imported records between dry run and commit, the review queue, the xAPI platforms and the statements
 * received (migration 0021). The ledger's own table is written by the ledger and revisions repositories.
 */
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { inSubtrees, subtreeRange } from '../../../shared/subtree';

export interface BatchRow {
  id: string;
  system: string;
  file_name: string;
  created_by: string;
  scope: string[];
  rows: unknown;
  summary: unknown;
  expires_at: Date;
  committed_at: Date | null;
}

export interface QueueWrite {
  orgPath: string;
  teacherId: string | null;
  kind: 'unknown_teacher' | 'over_cap' | 'overlap';
  ruleId: string;
  message: string;
  system: string;
  recordId: string;
  idNumber: string;
  name: string;
  title: string;
  category: string;
  amountTenths: number;
  startDate: string;
  endDate: string;
  fingerprint: string;
  batchId: string | null;
  createdBy: string | null;
}

export interface QueueRow {
  id: string;
  org_path: string;
  teacher_id: string | null;
  kind: 'unknown_teacher' | 'over_cap' | 'overlap';
  rule_id: string;
  message: string;
  system: string;
  record_id: string;
  id_number: string;
  name: string;
  title: string;
  category: string;
  amount_tenths: number;
  start_date: string;
  end_date: string;
  status: 'open' | 'posted' | 'dismissed';
  reason: string | null;
  created_at: Date;
}

const QUEUE_COLUMNS = sql`id::text, org_path, teacher_id::text, kind, rule_id, message, system, record_id, id_number,
  name, title, category, amount_tenths, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, status, reason, created_at`;

export function createExternalRepository(db: Database) {
  return {
    async createBatch(
      b: {
        system: string;
        fileName: string;
        createdBy: string;
        scope: string[];
        rows: unknown;
        summary: unknown;
      },
      expiresAt: Date,
    ): Promise<string> {
      const r = await db
        .insertInto('hour_import_batches')
        .values({
          system: b.system,
          file_name: b.fileName,
          created_by: b.createdBy,
          scope: b.scope,
          rows: JSON.stringify(b.rows),
          summary: JSON.stringify(b.summary),
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** Drop the dry runs never committed once they have expired (their records hold ID numbers). */
    async sweepExpired(now: Date): Promise<void> {
      await db
        .deleteFrom('hour_import_batches')
        .where('committed_at', 'is', null)
        .where('expires_at', '<', now)
        .execute();
    },

    /** A batch, held (FOR UPDATE) inside a commit so two commits of it run one after the other. */
    async findBatch(id: string, trx: Database = db, lock = false): Promise<BatchRow | undefined> {
      const q = trx
        .selectFrom('hour_import_batches')
        .select([
          'id',
          'system',
          'file_name',
          'created_by',
          'scope',
          'rows',
          'summary',
          'expires_at',
          'committed_at',
        ])
        .where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    async markCommitted(id: string, summary: unknown, at: Date, trx: Database): Promise<void> {
      await trx
        .updateTable('hour_import_batches')
        .set({ committed_at: at, summary: JSON.stringify(summary), rows: '[]' })
        .where('id', '=', id)
        .execute();
    },

    /**
     * Serialise the commits of one source system (a transaction-level advisory lock): the state of a record is
     * read and written by one commit at a time, so two imports of the same file post once.
     */
    async lockSystem(system: string, trx: Database): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`hour-import:${system}`}))`.execute(trx);
    },

    /** The queue rows already holding these record versions (any status), by id number, record and fingerprint. */
    async queuedVersions(
      system: string,
      keys: Array<{ idNumber: string; recordId: string; fingerprint: string }>,
      trx: Database = db,
    ): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const r = await sql<{ k: string }>`
        SELECT q.id_number || '|' || q.record_id || '|' || q.fingerprint AS k
        FROM unnest(${keys.map((k) => k.idNumber)}::text[], ${keys.map((k) => k.recordId)}::text[],
          ${keys.map((k) => k.fingerprint)}::text[]) AS k(i, r, f)
        JOIN hour_import_queue q ON q.id_number = k.i AND q.system = ${system} AND q.record_id = k.r
          AND q.fingerprint = k.f`.execute(trx);
      return new Set(r.rows.map((x) => x.k));
    },

    /** Queue record versions not queued before; the number queued. */
    async enqueue(rows: QueueWrite[], trx: Database): Promise<number> {
      if (rows.length === 0) return 0;
      const r = await trx
        .insertInto('hour_import_queue')
        .values(
          rows.map((q) => ({
            org_path: q.orgPath,
            teacher_id: q.teacherId,
            kind: q.kind,
            rule_id: q.ruleId,
            message: q.message,
            system: q.system,
            record_id: q.recordId,
            id_number: q.idNumber,
            name: q.name,
            title: q.title,
            category: q.category,
            amount_tenths: q.amountTenths,
            start_date: q.startDate,
            end_date: q.endDate,
            fingerprint: q.fingerprint,
            batch_id: q.batchId,
            created_by: q.createdBy,
          })),
        )
        .onConflict((oc) => oc.columns(['id_number', 'system', 'record_id', 'fingerprint']).doNothing())
        .returning('id')
        .execute();
      return r.length;
    },

    /**
     * A newer version of these records has arrived: their open queue rows of another version are dismissed (an
     * officer must not post a version the platform has replaced). The number dismissed.
     */
    async supersede(
      system: string,
      versions: Array<{ idNumber: string; recordId: string; fingerprint: string }>,
      w: { by: string; at: Date },
      trx: Database,
    ): Promise<number> {
      if (versions.length === 0) return 0;
      const r = await sql<{ id: string }>`
        UPDATE hour_import_queue q SET status = 'dismissed', reason = '来源平台已发来该记录的新版本，此版本作废',
          resolved_by = ${w.by}::bigint, resolved_at = ${w.at}::timestamptz
        FROM unnest(${versions.map((v) => v.idNumber)}::text[], ${versions.map((v) => v.recordId)}::text[],
          ${versions.map((v) => v.fingerprint)}::text[]) AS k(i, r, f)
        WHERE q.status = 'open' AND q.id_number = k.i AND q.system = ${system} AND q.record_id = k.r
          AND q.fingerprint <> k.f
        RETURNING q.id`.execute(trx);
      return r.rows.length;
    },

    /** Open queue rows under these subtrees, newest first. */
    async openQueue(roots: string[], limit: number): Promise<QueueRow[]> {
      const r = await sql<QueueRow>`
        SELECT ${QUEUE_COLUMNS} FROM hour_import_queue
        WHERE status = 'open' AND (${sql.join(
          roots.length === 0
            ? [sql`false`]
            : roots.map((p) => {
                const [lo, hi] = subtreeRange(p);
                return sql`(org_path >= ${lo} AND org_path < ${hi})`;
              }),
          sql` OR `,
        )})
        ORDER BY id DESC LIMIT ${limit}`.execute(db);
      return r.rows;
    },

    async findQueued(id: string, trx: Database = db, lock = false): Promise<QueueRow | undefined> {
      const r = await sql<QueueRow>`
        SELECT ${QUEUE_COLUMNS} FROM hour_import_queue WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`.execute(
        trx,
      );
      return r.rows[0];
    },

    async resolveQueued(
      id: string,
      w: {
        status: 'posted' | 'dismissed';
        reason: string | null;
        by: string;
        at: Date;
        teacherId: string | null;
      },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('hour_import_queue')
        .set({
          status: w.status,
          reason: w.reason,
          resolved_by: w.by,
          resolved_at: w.at,
          teacher_id: w.teacherId,
        })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .execute();
    },

    async createPlatform(p: {
      name: string;
      system: string;
      orgPath: string;
      tokenSha256: string;
      createdBy: string;
    }): Promise<string> {
      const r = await db
        .insertInto('xapi_platforms')
        .values({
          name: p.name,
          system: p.system,
          org_path: p.orgPath,
          token_sha256: p.tokenSha256,
          created_by: p.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async findPlatform(
      id: string,
    ): Promise<{ id: string; system: string; org_path: string; token_sha256: string } | undefined> {
      return db
        .selectFrom('xapi_platforms')
        .select(['id', 'system', 'org_path', 'token_sha256'])
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    /** Platforms registered under these subtrees (any state), newest first, with their statements' count. */
    async platformsUnder(roots: string[]) {
      if (roots.length === 0) return [];
      return db
        .selectFrom('xapi_platforms as p')
        .select((eb) => [
          'p.id',
          'p.name',
          'p.system',
          'p.org_path',
          'p.created_at',
          'p.revoked_at',
          'p.revoked_reason',
          eb
            .selectFrom('xapi_statements as s')
            .whereRef('s.platform_id', '=', 'p.id')
            .select(sql<number>`count(*)::int`.as('n'))
            .as('statements'),
          eb
            .selectFrom('xapi_statements as s')
            .whereRef('s.platform_id', '=', 'p.id')
            .select((e) => e.fn.max('s.received_at').as('m'))
            .as('last_statement_at'),
        ])
        .where((eb) => inSubtrees(eb, 'p.org_path', roots))
        .orderBy('p.id', 'desc')
        .execute();
    },

    async platformById(id: string) {
      return db
        .selectFrom('xapi_platforms')
        .select(['id', 'name', 'system', 'org_path', 'revoked_at'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async revokePlatform(id: string, at: Date, reason: string): Promise<void> {
      await db
        .updateTable('xapi_platforms')
        .set({ revoked_at: at, revoked_reason: reason })
        .where('id', '=', id)
        .execute();
    },

    /** Record a statement once; false when its id was taken before (a replay). */
    async takeStatement(
      s: {
        statementId: string;
        platformId: string;
        teacherId: string;
        verb: string;
        durationSeconds: number;
        amountTenths: number;
        occurredOn: string;
        /** a voiding statement: the statement it voids */
        voids?: string;
      },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .insertInto('xapi_statements')
        .values({
          statement_id: s.statementId,
          platform_id: s.platformId,
          teacher_id: s.teacherId,
          verb: s.verb,
          duration_seconds: s.durationSeconds,
          amount_tenths: s.amountTenths,
          occurred_on: s.occurredOn,
          voids_statement_id: s.voids ?? null,
        })
        .onConflict((oc) => oc.column('statement_id').doNothing())
        .returning('statement_id')
        .execute();
      return r.length === 1;
    },

    async findStatement(
      id: string,
      trx: Database = db,
    ): Promise<
      | {
          platform_id: string;
          teacher_id: string;
          verb: string;
          duration_seconds: number;
          voids_statement_id: string | null;
        }
      | undefined
    > {
      return trx
        .selectFrom('xapi_statements')
        .select(['platform_id', 'teacher_id', 'verb', 'duration_seconds', 'voids_statement_id'])
        .where('statement_id', '=', id)
        .executeTakeFirst();
    },
  };
}

export type ExternalRepository = ReturnType<typeof createExternalRepository>;
