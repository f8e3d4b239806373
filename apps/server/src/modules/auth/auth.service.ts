import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me, Role } from '@yanxun/contracts';
import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import type { AuditService } from '../audit';
import type { AuthRepository } from './auth.repository';

export interface AuthSettings {
  idleMinutes: number;
  absoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  passwordPolicy?: PasswordPolicy;
  /**
   * Write `last_seen_at` at most once per this many seconds per session (default 60). Idle expiry is judged on
   * the stored value, so a session can expire up to this much EARLIER than `idleMinutes` after its last request,
   * never later. Capped at a quarter of the idle window.
   */
  touchSeconds?: number;
}

export const DEFAULT_TOUCH_SECONDS = 60;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
// A real argon2id hash of a random string: verifying unknown usernames costs the same time as known ones.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function createAuthService(deps: {
  repo: AuthRepository;
  audit: AuditService;
  settings: AuthSettings;
  clock?: () => Date;
}) {
  const { repo, audit, settings } = deps;
  const now = deps.clock ?? (() => new Date());
  const policy = settings.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;

  async function toActor(
    accountId: string,
    requestId: string,
    ip: string | null,
  ): Promise<Actor | undefined> {
    const account = await repo.findAccountById(accountId);
    if (!account || account.disabled) return undefined;
    const grants = await repo.grantsOf(accountId);
    return {
      accountId: account.id,
      username: account.username,
      displayName: account.display_name,
      teacherId: account.teacher_id,
      requestId,
      ip,
      grants: grants.map((g) => ({
        role: g.role as Role,
        orgId: g.org_id,
        orgPath: g.path,
        orgName: g.name,
        orgKind: g.kind,
      })),
    };
  }

  function toMe(actor: Actor, csrfToken: string, mustChangePassword: boolean): Me {
    return {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      teacherId: actor.teacherId,
      grants: actor.grants.map((g) => ({
        role: g.role,
        orgId: g.orgId,
        orgName: g.orgName,
        orgKind: g.orgKind,
      })),
      csrfToken,
      mustChangePassword,
    };
  }

  return {
    async login(username: string, password: string, client: ClientInfo): Promise<{ token: string; me: Me }> {
      const account = await repo.findAccountByUsername(username.trim());
      if (!account || account.disabled) {
        dummyHash ??= hash(randomBytes(16).toString('hex'));
        await verify(await dummyHash, password).catch(() => false);
        throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
      }
      const at = now();
      if (account.locked_until && account.locked_until > at) {
        throw new AppError('ACCOUNT_LOCKED', '登录失败次数过多，账号已临时锁定', {
          lockedUntil: account.locked_until.toISOString(),
        });
      }
      const ok = await verify(account.password_hash, password).catch(() => false);
      if (!ok) {
        const lockUntil = new Date(at.getTime() + settings.lockoutMinutes * 60_000);
        const { locked } = await repo.recordFailure(account.id, settings.lockoutThreshold, lockUntil);
        await audit.record(
          {
            accountId: account.id,
            username: account.username,
            displayName: '',
            teacherId: null,
            grants: [],
            ...client,
          },
          { action: locked ? 'auth.locked' : 'auth.login_failed', entity: 'account', entityId: account.id },
        );
        if (locked) {
          throw new AppError('ACCOUNT_LOCKED', '登录失败次数过多，账号已临时锁定', {
            lockedUntil: lockUntil.toISOString(),
          });
        }
        throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
      }
      await repo.resetFailures(account.id);
      await repo.deleteExpiredSessions(at, new Date(at.getTime() - settings.idleMinutes * 60_000));
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await repo.createSession({
        tokenHash: hashToken(token),
        accountId: account.id,
        csrfToken,
        createdAt: at,
        expiresAt: new Date(at.getTime() + settings.absoluteHours * 3_600_000),
        ip: client.ip,
        userAgent: client.userAgent,
      });
      const actor = await toActor(account.id, client.requestId, client.ip);
      if (!actor) throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
      await audit.record(actor, { action: 'auth.login', entity: 'account', entityId: account.id });
      return { token, me: toMe(actor, csrfToken, account.must_change_password) };
    },

    /**
     * Resolve a session cookie into an actor: one statement (session + account + grants, and the throttled
     * `last_seen_at` touch). Enforces idle and absolute expiry; grants and the account's state are read fresh on
     * every request (no in-process cache), so revocations apply to the next request.
     */
    async authenticate(
      token: string,
      client: ClientInfo,
    ): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean }> {
      const tokenHash = hashToken(token);
      const at = now();
      const idleMs = settings.idleMinutes * 60_000;
      const touchMs = Math.min((settings.touchSeconds ?? DEFAULT_TOUCH_SECONDS) * 1000, idleMs / 4);
      const row = await repo.resolveSession(
        tokenHash,
        at,
        new Date(at.getTime() - touchMs),
        new Date(at.getTime() - idleMs),
      );
      if (!row) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (row.expires_at <= at || row.last_seen_at.getTime() + idleMs <= at.getTime()) {
        await repo.deleteSession(tokenHash);
        throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
      }
      if (row.username === null || row.disabled !== false) throw new AppError('UNAUTHENTICATED', '请先登录');
      const actor: Actor = {
        accountId: row.account_id,
        username: row.username,
        displayName: row.display_name ?? '',
        teacherId: row.teacher_id,
        requestId: client.requestId,
        ip: client.ip,
        grants: row.grants.map((g) => ({
          role: g.role as Role,
          orgId: g.org_id,
          orgPath: g.path,
          orgName: g.name,
          orgKind: g.kind,
        })),
      };
      return { actor, csrfToken: row.csrf_token, mustChangePassword: row.must_change_password ?? false };
    },

    me(actor: Actor, csrfToken: string, mustChangePassword: boolean): Me {
      return toMe(actor, csrfToken, mustChangePassword);
    },

    async logout(token: string, actor: Actor | null): Promise<void> {
      await repo.deleteSession(hashToken(token));
      if (actor)
        await audit.record(actor, { action: 'auth.logout', entity: 'account', entityId: actor.accountId });
    },

    async changePassword(
      actor: Actor,
      token: string,
      oldPassword: string,
      newPassword: string,
    ): Promise<void> {
      const account = await repo.findAccountById(actor.accountId);
      if (!account) throw new AppError('UNAUTHENTICATED', '请先登录');
      const ok = await verify(account.password_hash, oldPassword).catch(() => false);
      if (!ok) throw new AppError('INVALID_CREDENTIALS', '原密码错误');
      const violations: Array<{ rule: string; message: string }> = checkPassword(
        newPassword,
        account.username,
        policy,
      );
      if (oldPassword === newPassword) {
        violations.push({ rule: 'PASSWORD.SAME_AS_OLD', message: '新密码不能与原密码相同' });
      }
      if (violations.length > 0) {
        throw new AppError('PASSWORD_POLICY', '新密码不符合密码策略', { violations });
      }
      await repo.setPassword(account.id, await hashPassword(newPassword));
      await repo.deleteOtherSessions(account.id, hashToken(token));
      await audit.record(actor, { action: 'auth.password_changed', entity: 'account', entityId: account.id });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
