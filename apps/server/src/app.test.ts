/**
 * The deployment's settings the web reads before it shows a date (GET /api/v1/settings: the one time zone,
 * TIME_ZONE), and the request log: one line per request at info, the request's details only at debug.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { createServices } from './services';
import { setTimeZone, timeZone } from './shared/time';
import { createTestDatabase } from './test/db';

let h: DatabaseHandle;
const settings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

async function appLogging(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const app = await buildApp({
    services: createServices(h.db, settings),
    logLevel: level,
    logStream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { app, lines };
}

describe('TIME_ZONE: one configured zone, default Asia/Shanghai', () => {
  it('defaults to Asia/Shanghai, takes another IANA zone and refuses a name that is not one', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ TIME_ZONE: 'Asia/Urumqi' }).timeZone).toBe('Asia/Urumqi');
    expect(() => loadConfig({ TIME_ZONE: 'Beijing' })).toThrow(/TIME_ZONE: an IANA time zone/);
  });

  it('GET /api/v1/settings tells the web the zone, without sign-in', async () => {
    const { app } = await appLogging('silent');
    const r = await app.inject({ method: 'GET', url: '/api/v1/settings' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ timeZone: 'Asia/Shanghai' });
    setTimeZone('UTC');
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/settings' })).json()).toEqual({
        timeZone: 'UTC',
      });
    } finally {
      setTimeZone('Asia/Shanghai');
    }
    expect(timeZone()).toBe('Asia/Shanghai');
    await app.close();
  });
});

describe('LOG_LEVEL: the request log', () => {
  it('info: exactly one line per request — method, url, status, milliseconds and the request id', async () => {
    const { app, lines } = await appLogging('info');
    await app.inject({ method: 'GET', url: '/api/v1/settings' });
    const miss = await app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    await app.close();
    const perRequest = lines.filter((l) => l.reqId !== undefined);
    expect(perRequest).toHaveLength(2);
    expect(perRequest[0]).toMatchObject({
      level: 30,
      reqId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      method: 'GET',
      url: '/api/v1/settings',
      status: 200,
      ms: expect.any(Number),
    });
    expect(perRequest[0]?.msg).toMatch(/^GET \/api\/v1\/settings 200 [\d.]+ ms$/);
    expect(perRequest[1]).toMatchObject({
      status: 404,
      reqId: (miss.json() as { error: { requestId: string } }).error.requestId,
    });
    expect(perRequest.some((l) => 'req' in l || 'res' in l)).toBe(false);
  });

  it('debug: the request details (headers without the cookie) come first, on a line of their own', async () => {
    const { app, lines } = await appLogging('debug');
    await app.inject({ method: 'GET', url: '/api/v1/settings', headers: { cookie: 'yx_session=secret' } });
    await app.close();
    const perRequest = lines.filter((l) => l.reqId !== undefined);
    expect(perRequest.map((l) => l.level)).toEqual([20, 30]);
    expect(JSON.stringify(perRequest[0])).toContain('/api/v1/settings');
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});
