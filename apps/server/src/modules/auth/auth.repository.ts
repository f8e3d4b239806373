import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { batched } from '../../shared/batch';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  teacher_id: string | null;
  must_change_password: boolean;
  disabled: boolean;
}

export interface GrantRow {
  role: string;
  org_id: string;
  path: string;
  name: string;
  kind: string;
}

/** A session with its account and grants, as the request hook needs them: one statement, one round trip. */
interface SessionLookup {
  tokenHash: string;
  at: Date;
  touchBefore: Date;
  idleCutoff: Date;
}

export interface ResolvedSessionRow {
  account_id: string;
  csrf_token: string;
  /** as stored before this request's touch (if any): idle expiry is judged on it */
  last_seen_at: Date;
  expires_at: Date;
  /** null when the account row is gone (cannot happen while the FK cascades, kept for safety) */
  username: string | null;
  display_name: string | null;
  teacher_id: string | null;
  must_change_password: boolean | null;
  disabled: boolean | null;
  grants: GrantRow[];
  /** whether this statement moved last_seen_at */
  touched: boolean;
}

const ACCOUNT_COLUMNS = [
  'id',
  'username',
  'display_name',
  'password_hash',
  'teacher_id',
  'must_change_password',
  'disabled',
] as const;

export function createAuthRepository(db: Database) {
  /** One statement for every session asked for in the same turn of the event loop (see `resolveSession`). */
  const resolveSessionBatched = batched<SessionLookup, ResolvedSessionRow | undefined>(async (keys) => {
    let newest = keys[0] as SessionLookup;
    for (const k of keys) if (k.at > newest.at) newest = k;
    const hashes = [...new Set(keys.map((k) => k.tokenHash))];
    const r = await sql<ResolvedSessionRow & { token_hash: string }>`
      WITH s AS (
        SELECT token_hash, account_id, csrf_token, last_seen_at, expires_at
        FROM sessions WHERE token_hash = ANY(${hashes}::text[])
      ), touched AS (
        UPDATE sessions SET last_seen_at = ${newest.at}
        WHERE token_hash = ANY(${hashes}::text[]) AND last_seen_at <= ${newest.touchBefore}
          AND last_seen_at > ${newest.idleCutoff} AND expires_at > ${newest.at}
        RETURNING token_hash
      )
      SELECT s.token_hash, s.account_id, s.csrf_token, s.last_seen_at, s.expires_at,
             a.username, a.display_name, a.teacher_id, a.must_change_password, a.disabled,
             COALESCE((
               SELECT json_agg(json_build_object('role', g.role, 'org_id', g.org_id::text, 'path', o.path,
                                                 'name', o.name, 'kind', o.kind) ORDER BY o.depth, g.id)
               FROM role_grants g JOIN orgs o ON o.id = g.org_id
               WHERE g.account_id = s.account_id
             ), '[]'::json) AS grants,
             s.token_hash IN (SELECT token_hash FROM touched) AS touched
      FROM s LEFT JOIN accounts a ON a.id = s.account_id`.execute(db);
    const byHash = new Map(r.rows.map(({ token_hash, ...row }) => [token_hash, row]));
    return keys.map((k) => byHash.get(k.tokenHash));
  });

  return {
    findAccountByUsername(username: string): Promise<AccountRow | undefined> {
      return db
        .selectFrom('accounts')
        .select(ACCOUNT_COLUMNS)
        .where('username', '=', username)
        .executeTakeFirst();
    },

    findAccountById(id: string): Promise<AccountRow | undefined> {
      return db.selectFrom('accounts').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    /** Display names of these accounts in one statement (unknown or malformed ids left out). */
    async displayNamesOf(ids: readonly string[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids)].filter((id) => /^\d{1,18}$/.test(id));
      if (wanted.length === 0) return new Map();
      const rows = await db
        .selectFrom('accounts')
        .select(['id', 'display_name'])
        .where('id', 'in', wanted)
        .execute();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },

    grantsOf(accountId: string): Promise<GrantRow[]> {
      return db
        .selectFrom('role_grants as g')
        .innerJoin('orgs as o', 'o.id', 'g.org_id')
        .select(['g.role', 'g.org_id', 'o.path', 'o.name', 'o.kind'])
        .where('g.account_id', '=', accountId)
        .orderBy('o.depth')
        .execute();
    },

    async createSession(s: {
      tokenHash: string;
      accountId: string;
      csrfToken: string;
      /** The service's clock, not the database's: idle expiry is measured from it. */
      createdAt: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          token_hash: s.tokenHash,
          account_id: s.accountId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          last_seen_at: s.createdAt,
          expires_at: s.expiresAt,
          ip: s.ip,
          user_agent: s.userAgent,
        })
        .execute();
    },

    /**
     * The authenticated request path in ONE statement: the session, its account and the account's grants (joined
     * and aggregated, read fresh every time, so a revoked grant, a disabled account or a deleted session takes
     * effect on the very next request), plus a conditional touch of `last_seen_at`. The touch only happens when
     * the stored value is older than `touchBefore` and the session is still alive at `at` (neither idle past
     * `idleCutoff` nor past `expires_at`), so most requests write nothing (no transaction id, no WAL flush).
     * All parts of the statement see one snapshot: the returned `last_seen_at` is the value before the touch.
     *
     * Concurrent requests share the statement (shared/batch.ts): the sessions asked for in one turn of the event
     * loop are read (and touched) together, with the newest request's clock. Nothing is cached between batches.
     */
    resolveSession(
      tokenHash: string,
      at: Date,
      touchBefore: Date,
      idleCutoff: Date,
    ): Promise<ResolvedSessionRow | undefined> {
      return resolveSessionBatched({ tokenHash, at, touchBefore, idleCutoff });
    },

    /** Sessions past their absolute or idle expiry: removed now and then (on each successful login). */
    async deleteExpiredSessions(now: Date, idleCutoff: Date): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
        .execute();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteOtherSessions(accountId: string, keepTokenHash: string): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where('account_id', '=', accountId)
        .where('token_hash', '<>', keepTokenHash)
        .execute();
    },

    async setPassword(accountId: string, hash: string): Promise<void> {
      await db
        .updateTable('accounts')
        .set({ password_hash: hash, must_change_password: false, password_changed_at: new Date() })
        .where('id', '=', accountId)
        .execute();
    },

    async createAccount(a: {
      username: string;
      displayName: string;
      passwordHash: string;
      teacherId?: string | null;
      mustChangePassword?: boolean;
    }): Promise<string> {
      const row = await db
        .insertInto('accounts')
        .values({
          username: a.username,
          display_name: a.displayName,
          password_hash: a.passwordHash,
          teacher_id: a.teacherId ?? null,
          must_change_password: a.mustChangePassword ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Enabled accounts holding one of `roles` on exactly this org (whom a notification to the org reaches). */
    async accountsHolding(roles: readonly string[], orgId: string, trx: Database = db): Promise<string[]> {
      if (roles.length === 0) return [];
      const rows = await trx
        .selectFrom('role_grants as g')
        .innerJoin('accounts as a', 'a.id', 'g.account_id')
        .select('a.id')
        .distinct()
        .where('g.org_id', '=', orgId)
        .where('g.role', 'in', [...roles])
        .where('a.disabled', '=', false)
        .orderBy('a.id')
        .execute();
      return rows.map((r) => r.id);
    },

    async addGrant(accountId: string, role: string, orgId: string): Promise<void> {
      await db
        .insertInto('role_grants')
        .values({ account_id: accountId, role, org_id: orgId })
        .onConflict((oc) => oc.columns(['account_id', 'role', 'org_id']).doNothing())
        .execute();
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
