/**
 * Screenshots of the provider's competitive selection (差额遴选, R-004-59) for a look by eye (not a test): the
 * provider's selection page in zh-CN and en-US (two nominating units, 5 and 3 places, 6 and 4 candidates =
 * ⌈places × 1.2⌉, some scored and marked, one over the places refused), then the owner's confirm / return view
 * after the provider submitted. The real app (buildApp, embedded PGlite, demo region) serves the built web app;
 * the programme, its seats, approved provider and nominations are written first through the services.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/shortlist-screens.ts        # PNGs in test-results/shortlist-*.png
 */
import path from 'node:path';
import { addDays, todayInShanghai } from '@yanxun/core';
import type { Actor } from '../apps/server/src/shared/actor';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'shortlist', teachers: 300 });
const { db, services } = kit;

type Org = { id: string; path: string; name: string; kind: string };
const actor = (role: Actor['grants'][number]['role'], org: Org): Actor => ({
  accountId: '1',
  username: `screens:${role}`,
  displayName: role,
  teacherId: null,
  requestId: 'screens',
  ip: null,
  grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
});
const orgOf = (kind: string, name = '') =>
  db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'kind'])
    .where('kind', '=', kind)
    .where('name', 'like', `%${name}%`)
    .orderBy('id')
    .executeTakeFirstOrThrow() as Promise<Org>;
const accountOrg = async (username: string) =>
  (await db
    .selectFrom('accounts as a')
    .innerJoin('role_grants as g', 'g.account_id', 'a.id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['o.id', 'o.path', 'o.name', 'o.kind', 'a.id as account_id'])
    .where('a.username', '=', username)
    .executeTakeFirstOrThrow()) as Org & { account_id: string };

const province = await orgOf('province');
const city = await orgOf('city');
const qingcheng = await orgOf('county', '清城');
const yingde = await orgOf('county', '英德');
const provider = await accountOrg('provider');
const schoolOf = async (county: Org) =>
  (await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'kind'])
    .where('kind', '=', 'school')
    .where('path', 'like', `${county.path}%`)
    .orderBy('id')
    .executeTakeFirstOrThrow()) as Org;
const schoolA = await schoolOf(qingcheng);
const schoolB = await schoolOf(yingde);

const today = todayInShanghai(new Date());
const owner = actor('bureau_admin', province);
const programme = await services.programs.createProgramme(owner, {
  packId: 'henan-2021',
  projectTypeCode: 'trainer_advanced',
  title: '省级教师培训师高端研修项目（第一期）',
  selectionDeadline: addDays(today, 20),
  startDate: addDays(today, 40),
  endDate: addDays(today, 70),
  totalSeats: 8,
});
await services.programs.allocate(owner, programme.id, province.id, {
  allocations: [{ orgId: city.id, seats: 8 }],
});
await services.programs.allocate(actor('bureau_admin', city), programme.id, city.id, {
  allocations: [
    { orgId: qingcheng.id, seats: 5 },
    { orgId: yingde.id, seats: 3 },
  ],
});
await services.programs.allocate(actor('bureau_admin', qingcheng), programme.id, qingcheng.id, {
  allocations: [{ orgId: schoolA.id, seats: 5 }],
});
await services.programs.allocate(actor('bureau_admin', yingde), programme.id, yingde.id, {
  allocations: [{ orgId: schoolB.id, seats: 3 }],
});
// the provider whose plan the office approved (as plans' approvePlan leaves it)
const plan = await db
  .insertInto('plans')
  .values({
    programme_id: programme.id,
    provider_org_id: provider.id,
    provider_path: provider.path,
    status: 'approved',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await db
  .insertInto('programme_providers')
  .values({ programme_id: programme.id, provider_org_id: provider.id, plan_id: plan.id })
  .execute();

// trainers: teachers of the two schools who have done training work since 2015 (R-004-55); one is 46 (R-004-56)
const nominate = async (school: Org, n: number, over46: number) => {
  const ts = await db
    .selectFrom('teachers')
    .select(['id'])
    .where('school_id', '=', school.id)
    .orderBy('id')
    .limit(n)
    .execute();
  const ids: string[] = [];
  for (const [i, t] of ts.entries()) {
    // ages are computed on the pack's selection deadline (2021-07-30 in the built-in Henan pack): 1974 is 47
    const birth = i === over46 ? '1974-03-01' : `198${i % 10}-0${(i % 9) + 1}-12`;
    await db
      .updateTable('teachers')
      .set({ roles_held: ['researcher'], training_start_year: 2012 + (i % 6), birth_date: birth })
      .where('id', '=', t.id)
      .execute();
    const nom = await services.programs.nominate(actor('school_admin', school), programme.id, {
      teacherId: t.id,
      attestations: ['healthy', 'devoted_to_training', 'training_expertise'],
      ...(i === over46 ? { overrideReason: '省级培训专家库成员，培训实践经验突出' } : {}),
    });
    ids.push(nom.id);
  }
  return ids;
};
const a = await nominate(schoolA, 6, 2);
const b = await nominate(schoolB, 4, -1);
const staff = { ...actor('provider_staff', provider), accountId: provider.account_id, username: 'provider' };
const scores = [93.5, 88, 91, 76.5, 84, 69, 90, 82.5, 71, 86];
await services.shortlists.mark(staff, programme.id, {
  marks: [...a, ...b].map((id, i) => ({ nominationId: id, score: scores[i] ?? null })),
});
await services.shortlists.mark(staff, programme.id, {
  marks: [
    ...[a[0], a[1], a[2], a[4]].map((id) => ({ nominationId: id ?? '', decision: 'selected' as const })),
    { nominationId: a[5] ?? '', decision: 'not_selected' as const, reason: '培训实践经验不足，综合评分第 6' },
    { nominationId: b[0] ?? '', decision: 'selected' as const },
  ],
});

const base = await kit.serve();
const browser = kit.browser();
const signIn = kit.signIn;
const newPage = () =>
  browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

// the provider: list, then the selection page with one more candidate ticked (not yet saved)
const p = await newPage();
await signIn(p, 'provider');
await p.goto(`${base}/shortlists`);
await p.getByText(programme.title).first().waitFor();
await p.waitForTimeout(300);
await p.screenshot({ path: path.join(out, 'shortlist-list.png'), fullPage: true });
await p.goto(`${base}/shortlists/${programme.id}`);
await p.getByTestId('shortlist-total').waitFor();
await p.waitForTimeout(300);
await p.screenshot({ path: path.join(out, 'shortlist-provider.png'), fullPage: true });
// a fifth and a sixth selected in a unit with 5 places: the count turns red, the server refuses naming R-004-59
const names = (await services.shortlists.get(staff, programme.id)).candidates;
for (const id of [a[3], a[5]]) {
  const name = names.find((c) => c.nominationId === id)?.teacherName ?? '';
  await p.locator('tr', { hasText: name }).first().getByText('入选', { exact: true }).click();
}
await p.getByTestId('shortlist-save').click();
await p
  .getByRole('alert')
  .getByText(/入选不得超过名额/)
  .first()
  .waitFor();
await p.waitForTimeout(300);
await p.evaluate(() => window.scrollTo(0, 0));
await p.waitForTimeout(200);
await p.screenshot({ path: path.join(out, 'shortlist-provider-over.png'), fullPage: true });
// en-US
await p.evaluate(() => localStorage.setItem('yx.lang', 'en-US'));
await p.reload();
await p.getByTestId('shortlist-total').waitFor();
await p.waitForTimeout(300);
await p.screenshot({ path: path.join(out, 'shortlist-provider-en.png'), fullPage: true });
await p.evaluate(() => localStorage.setItem('yx.lang', 'zh-CN'));

// the provider decides the rest and submits (through the service), then the owner's view
await services.shortlists.mark(staff, programme.id, {
  marks: [
    { nominationId: a[3] ?? '', decision: 'not_selected', reason: '综合评分未进入本单位前 5 名' },
    { nominationId: b[1] ?? '', decision: 'selected' },
    { nominationId: b[3] ?? '', decision: 'selected' },
    { nominationId: b[2] ?? '', decision: 'not_selected', reason: '近三年未承担培训项目' },
  ],
});
await services.shortlists.submit(staff, programme.id);
const o = await newPage();
await signIn(o, 'province');
await o.goto(`${base}/shortlists/${programme.id}`);
await o.getByTestId('shortlist-confirm-owner').waitFor();
await o.waitForTimeout(300);
await o.screenshot({ path: path.join(out, 'shortlist-owner.png'), fullPage: true });
await o.getByTestId('shortlist-return').click();
await o.getByRole('dialog').waitFor();
await o.getByRole('dialog').locator('textarea').fill('请复核英德市候选人的培训工作年限');
await o.waitForTimeout(300);
await o.screenshot({ path: path.join(out, 'shortlist-owner-return.png') });

const width = await p.evaluate(() => document.documentElement.scrollWidth);
console.log(`provider page scroll width at 1440 px: ${width}`);
console.log(
  `screenshots in ${out}: shortlist-list, shortlist-provider, shortlist-provider-over, shortlist-provider-en, shortlist-owner, shortlist-owner-return`,
);
await kit.close();
