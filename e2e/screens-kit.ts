/**
 * What every screenshot script (e2e/*-screens.ts) needs, written once: the real app (createServices + buildApp)
 * on a throwaway embedded PGlite with the migrations, the demo region and the built-in packs, serving the built
 * web app on a free loopback port; Debian's chromium; desktop and phone pages; signing in as a demo account.
 *
 *   const kit = await screensKit({ name: 'classes', teachers: 300 });
 *   … write the scenario through kit.services / kit.db …
 *   const base = await kit.serve();
 *   const page = await kit.desktop(); await kit.signIn(page, 'provider'); … await kit.shot(page, 'classes-detail');
 *   await kit.close();
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { connectPglite } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { DEMO_PASSWORD, loadDemoRegion } from '../apps/server/src/demo/load-region';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import type { Actor } from '../apps/server/src/shared/actor';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the PNGs go. */
export const out = path.join(root, 'test-results');

/** A page settled for a screenshot or a measurement: the network quiet, no spinner, the charts and tables laid out. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => {});
  await page.waitForTimeout(500);
}

export async function screensKit(options: {
  name: string;
  teachers?: number;
  programmes?: boolean;
  /** With the programme year: the studios, pairings, trainer pool and 校本研修 (demo/communities). */
  communities?: boolean;
  /** With the programme year: the city's evaluation campaigns and 清城's 五育 round (demo/evaluation, five-education). */
  evaluation?: boolean;
}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `yx-${options.name}-`));
  const handle = await connectPglite({ dataDir: path.join(tmp, 'pglite') });
  const db = handle.db;
  await migrateToLatest(db);
  await syncBuiltinPacks(db);
  const demo = await loadDemoRegion(db, {
    teachers: options.teachers ?? 300,
    programmes: options.programmes,
    communities: options.communities,
    evaluation: options.evaluation,
  });
  const services = createServices(db, {
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    checkinSecret: 'screens-secret-0123456789abcdef',
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let browser: Browser | undefined;
  let base = '';
  fs.mkdirSync(out, { recursive: true });

  /** The first org of a kind (the demo region has one province, one city, providers …). */
  const orgOf = (kind: string) =>
    db
      .selectFrom('orgs')
      .select(['id', 'path', 'name', 'kind'])
      .where('kind', '=', kind)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  const province = await orgOf('province');
  /** A system admin of the province, for writing a scenario through the services. */
  const admin: Actor = {
    accountId: '1',
    username: 'admin',
    displayName: 'admin',
    teacherId: null,
    requestId: 'screens',
    ip: null,
    grants: [
      {
        role: 'system_admin',
        orgId: province.id,
        orgPath: province.path,
        orgName: province.name,
        orgKind: 'province',
      },
    ],
  };

  /**
   * A provincial programme of the Henan pack with `teachers` teachers already selected, the demo `teacher`
   * login's teacher first (written straight into the tables: the screenshots are about what comes after).
   */
  async function selectedProgramme(p: {
    projectTypeCode: string;
    trackCode: string;
    title: string;
    selectionDeadline: string;
    startDate: string;
    endDate: string;
    teachers: number;
  }) {
    const teacherAccount = await db
      .selectFrom('accounts')
      .select('teacher_id')
      .where('username', '=', 'teacher')
      .executeTakeFirstOrThrow();
    const programme = await db
      .insertInto('programmes')
      .values({
        pack_id: 'henan-2021',
        project_type_code: p.projectTypeCode,
        track_code: p.trackCode,
        level: 'provincial',
        year: 2021,
        owner_org_id: province.id,
        owner_path: province.path,
        title: p.title,
        selection_deadline: p.selectionDeadline,
        start_date: p.startDate,
        end_date: p.endDate,
        total_seats: 100,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const picked = await db
      .selectFrom('teachers')
      .select(['county_id', 'id', 'school_id', 'org_path', 'name'])
      .orderBy((eb) => eb(eb.ref('id'), '=', teacherAccount.teacher_id ?? '0'), 'desc')
      .orderBy('id')
      .limit(p.teachers)
      .execute();
    await db
      .insertInto('nominations')
      .values(
        picked.map((t) => ({
          county_id: t.county_id,
          programme_id: programme.id,
          teacher_id: t.id,
          school_id: t.school_id,
          org_path: t.org_path,
          quota_region_id: t.county_id,
          quota_org_id: t.school_id,
          status: 'selected',
          eligibility: '{}',
        })),
      )
      .execute();
    /** the demo `teacher` login's teacher (picked[0]) */
    const demoTeacherId = teacherAccount.teacher_id ?? '';
    return { programme, picked, demoTeacherId };
  }

  const kit = {
    db,
    services,
    orgOf,
    province,
    admin,
    selectedProgramme,
    /** What the demo loader wrote (counts). */
    demo,
    /** The app (built once), e.g. for `inject` before serving. */
    async app() {
      app ??= await buildApp({ services, logLevel: 'warn', webDist: path.join(root, 'apps/web/dist') });
      return app;
    },
    /** Starts the app and chromium; returns the app's base URL. */
    async serve(): Promise<string> {
      app = await kit.app();
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      return base;
    },
    /** The chromium started by serve(), for pages of other sizes. */
    browser(): Browser {
      if (!browser) throw new Error('serve() first');
      return browser;
    },
    /** A 1440×900 (or given size) page in zh-CN, Shanghai time. */
    desktop(size = { width: 1440, height: 900 }): Promise<Page> {
      if (!browser) throw new Error('serve() first');
      return browser.newPage({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    },
    /** A 390×844 touch phone page in zh-CN, Shanghai time. */
    phone(): Promise<Page> {
      if (!browser) throw new Error('serve() first');
      return browser.newPage({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
    },
    async signIn(page: Page, username: string): Promise<void> {
      await page.goto(`${base}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    shot(page: Page, name: string, fullPage = true): Promise<Buffer> {
      return page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
    },
    async close(): Promise<void> {
      await browser?.close();
      await app?.close();
      await handle.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return kit;
}
