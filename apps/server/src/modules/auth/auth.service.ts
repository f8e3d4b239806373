import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me, Role } from '@yanxun/contracts';
import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import type { AuditService } from '../audit';
import { blockedUntil, secondsUntil, type ThrottleService } from '../throttle';
import type { AccountRow, AuthRepository } from './auth.repository';
import {
  type LoginThrottleSettings,
  loginKeys,
  loginRules,
  loginThrottled,
  passwordKey,
  passwordThrottled,
} from './login-throttle';

export interface AuthSettings extends LoginThrottleSettings {
  idleMinutes: number;
  absoluteHours: number;
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
async function dummyVerify(password: string): Promise<false> {
  dummyHash ??= hash(randomBytes(16).toString('hex'));
  await verify(await dummyHash, password).catch(() => false);
  return false;
}

/** The names of the login limits, in the order login() passes their keys. */
const LIMIT_NAMES = ['login.account_address', 'login.address', 'login.account_new_addresses'];

/** The account as the audit log's actor of its own failed login. */
function accountActor(account: AccountRow, client: ClientInfo): Actor {
  return {
    accountId: account.id,
    username: account.username,
    displayName: '',
    teacherId: null,
    grants: [],
    ...client,
  };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function createAuthService(deps: {
  repo: AuthRepository;
  audit: AuditService;
  throttle: ThrottleService;
  settings: AuthSettings;
  clock?: () => Date;
}) {
  const { repo, audit, throttle, settings } = deps;
  const now = deps.clock ?? (() => new Date());
  const policy = settings.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  const rules = loginRules(settings);

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
    /**
     * Sign in. Throttled per (username, address), per address and per username from new addresses
     * (login-throttle.ts); an unknown or disabled username is checked against a dummy hash and counts, waits and
     * answers exactly like a wrong password, so the answers never tell which usernames exist.
     */
    async login(username: string, password: string, client: ClientInfo): Promise<{ token: string; me: Me }> {
      const name = username.trim();
      const at = now();
      const keys = loginKeys(rules, name, client.ip);
      const [found, [knownState]] = await Promise.all([
        repo.findAccountByUsername(name),
        throttle.state([keys.known], at),
      ]);
      // the owner's own address (a success within KNOWN_DAYS) is held only to its own (username, address) count
      const known = knownState?.seen === true;
      const attempt = await throttle.attempt(
        known ? [keys.pair] : [keys.pair, keys.address, keys.account],
        at,
      );
      if (attempt.refusedUntil) throw loginThrottled(attempt.refusedUntil, at);

      const account = found && !found.disabled ? found : undefined;
      const ok = account
        ? await verify(account.password_hash, password).catch(() => false)
        : await dummyVerify(password);
      if (!ok || !account) {
        const until = blockedUntil(attempt.counted, at);
        const who = account ? accountActor(account, client) : null;
        const entity = account
          ? { entity: 'account', entityId: account.id }
          : { entity: 'address', entityId: null };
        if (account) await audit.record(who, { action: 'auth.login_failed', ...entity });
        if (until) {
          await audit.record(who, {
            action: 'auth.throttled',
            ...entity,
            details: {
              limits: LIMIT_NAMES.filter((_, i) => blockedUntil(attempt.counted.slice(i, i + 1), at)),
              retryAfterSeconds: secondsUntil(until, at),
              ...(account ? {} : { ip: client.ip, requestId: client.requestId }),
            },
          });
          throw loginThrottled(until, at);
        }
        throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
      }
      await throttle.succeed(attempt, [keys.pair]);
      await throttle.remember(keys.known, at);
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
      const at = now();
      const key = passwordKey(rules, actor.accountId, actor.ip);
      const attempt = await throttle.attempt([key], at);
      if (attempt.refusedUntil) throw passwordThrottled(attempt.refusedUntil, at);
      const account = await repo.findAccountById(actor.accountId);
      if (!account) throw new AppError('UNAUTHENTICATED', '请先登录');
      const ok = await verify(account.password_hash, oldPassword).catch(() => false);
      if (!ok) {
        await audit.record(actor, {
          action: 'auth.password_change_failed',
          entity: 'account',
          entityId: account.id,
        });
        const until = blockedUntil(attempt.counted, at);
        if (until) {
          await audit.record(actor, {
            action: 'auth.throttled',
            entity: 'account',
            entityId: account.id,
            details: { limits: ['password.account_address'], retryAfterSeconds: secondsUntil(until, at) },
          });
          throw passwordThrottled(until, at);
        }
        throw new AppError('INVALID_CREDENTIALS', '原密码错误');
      }
      // the old password was right: whatever the new one's fate, this was not a guess
      await throttle.succeed(attempt, [key]);
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
