import type { Database } from '../../db/database';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  teacher_id: string | null;
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  disabled: boolean;
}

export interface GrantRow {
  role: string;
  org_id: string;
  path: string;
  name: string;
  kind: string;
}

export interface SessionRow {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
}

const ACCOUNT_COLUMNS = [
  'id',
  'username',
  'display_name',
  'password_hash',
  'teacher_id',
  'must_change_password',
  'failed_attempts',
  'locked_until',
  'disabled',
] as const;

export function createAuthRepository(db: Database) {
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

    grantsOf(accountId: string): Promise<GrantRow[]> {
      return db
        .selectFrom('role_grants as g')
        .innerJoin('orgs as o', 'o.id', 'g.org_id')
        .select(['g.role', 'g.org_id', 'o.path', 'o.name', 'o.kind'])
        .where('g.account_id', '=', accountId)
        .orderBy('o.depth')
        .execute();
    },

    async recordFailure(accountId: string, threshold: number, lockUntil: Date): Promise<{ locked: boolean }> {
      const row = await db
        .updateTable('accounts')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', accountId)
        .returning(['failed_attempts'])
        .executeTakeFirstOrThrow();
      if (row.failed_attempts >= threshold) {
        await db
          .updateTable('accounts')
          .set({ locked_until: lockUntil, failed_attempts: 0 })
          .where('id', '=', accountId)
          .execute();
        return { locked: true };
      }
      return { locked: false };
    },

    async resetFailures(accountId: string): Promise<void> {
      await db
        .updateTable('accounts')
        .set({ failed_attempts: 0, locked_until: null })
        .where('id', '=', accountId)
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

    findSession(tokenHash: string): Promise<SessionRow | undefined> {
      return db
        .selectFrom('sessions')
        .select(['token_hash', 'account_id', 'csrf_token', 'last_seen_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async touchSession(tokenHash: string, at: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: at })
        .where('token_hash', '=', tokenHash)
        .execute();
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
