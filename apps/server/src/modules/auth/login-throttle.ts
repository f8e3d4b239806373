/**
 * How failed logins and failed old-password checks are throttled (docs/POLICIES.md "login throttle"). No limit
 * lets a stranger stop the owner: every limit is keyed so that the owner's correct password from the owner's own
 * address is never refused because of failures from other addresses.
 *
 * - account + address: `lockoutThreshold` failures for one username from one client address → that address waits
 *   `lockoutMinutes` for that username; each further failure after a wait doubles it, up to 24 h. Forgotten 24 h
 *   after the last failure or wait; a right password clears it.
 * - address: `addressLimit` failures from one address across all usernames (a stranger trying many accounts) → the
 *   address waits, for every username it has not signed in to before. Forgotten after 1 h of quiet.
 * - account from new addresses: `accountLimit` failures for one username from addresses that have never signed in
 *   to it (a stranger spread over many addresses) → those addresses wait; an address the owner has signed in from
 *   within `KNOWN_DAYS` is not affected. Forgotten 24 h after the last failure or wait.
 *
 * Keys are the typed username (trimmed), not the account, so an unknown username counts, waits and answers exactly
 * like a real one. The old-password check of a password change has its own account + address limit.
 */
import { AppError } from '../../shared/app-error';
import {
  addressKey,
  knownKey,
  secondsUntil,
  type ThrottleKey,
  type ThrottleRule,
  throttleKey,
  waitText,
} from '../throttle';

export interface LoginThrottleSettings {
  /** failed logins for one username from one address before that address waits */
  lockoutThreshold: number;
  /** the first wait, in minutes; doubles with each further failure after a wait, up to 24 h */
  lockoutMinutes: number;
  /** failed logins from one address, any usernames, before it waits (for usernames it has not signed in to) */
  addressLimit?: number;
  /** failed logins for one username from addresses that never signed in to it, before those addresses wait */
  accountLimit?: number;
}

export const DEFAULT_LOGIN_ADDRESS_LIMIT = 50;
export const DEFAULT_LOGIN_ACCOUNT_LIMIT = 20;
const HOUR = 3_600_000;
export const MAX_WAIT_MS = 24 * HOUR;

export interface LoginRules {
  pair: ThrottleRule;
  address: ThrottleRule;
  account: ThrottleRule;
  password: ThrottleRule;
}

export function loginRules(s: LoginThrottleSettings): LoginRules {
  const blockMs = s.lockoutMinutes * 60_000;
  const base = { blockMs, maxBlockMs: Math.max(blockMs, MAX_WAIT_MS) };
  return {
    pair: { scope: 'login.account_address', limit: s.lockoutThreshold, windowMs: 24 * HOUR, ...base },
    address: {
      scope: 'login.address',
      limit: s.addressLimit ?? DEFAULT_LOGIN_ADDRESS_LIMIT,
      windowMs: HOUR,
      ...base,
    },
    account: {
      scope: 'login.account_new_addresses',
      limit: s.accountLimit ?? DEFAULT_LOGIN_ACCOUNT_LIMIT,
      windowMs: 24 * HOUR,
      ...base,
    },
    password: { scope: 'password.account_address', limit: s.lockoutThreshold, windowMs: 24 * HOUR, ...base },
  };
}

export interface LoginKeys {
  pair: ThrottleKey;
  address: ThrottleKey;
  account: ThrottleKey;
  /** a success of this username from this address within KNOWN_DAYS */
  known: ThrottleKey;
}

export function loginKeys(rules: LoginRules, username: string, ip: string | null): LoginKeys {
  const where = addressKey(ip);
  return {
    pair: throttleKey(rules.pair, [username, where]),
    address: throttleKey(rules.address, [where]),
    account: throttleKey(rules.account, [username]),
    known: knownKey('login.known', [username, where]),
  };
}

export function passwordKey(rules: LoginRules, accountId: string, ip: string | null): ThrottleKey {
  return throttleKey(rules.password, [accountId, addressKey(ip)]);
}

/** The one answer to a throttled login, whatever limit it hit and whether the username exists. */
export function loginThrottled(until: Date, at: Date): AppError {
  const s = secondsUntil(until, at);
  return new AppError('RATE_LIMITED', `登录失败次数过多，为保护账号安全，请 ${waitText(s)}后再试`, {
    retryAfterSeconds: s,
    retryAt: until.toISOString(),
  });
}

export function passwordThrottled(until: Date, at: Date): AppError {
  const s = secondsUntil(until, at);
  return new AppError('RATE_LIMITED', `原密码输错次数过多，请 ${waitText(s)}后再试`, {
    retryAfterSeconds: s,
    retryAt: until.toISOString(),
  });
}
