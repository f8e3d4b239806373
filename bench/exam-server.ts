/**
 * Rough timing of the exams module on embedded PGlite, in process (no HTTP): a score sheet of N students × 40
 * items over the demo region's primary schools → dry run (parse + validate + school matching), commit (bulk
 * INSERT … SELECT FROM unnest), first report (analysis computed and cached), second report (from the cache).
 *
 *   npx tsx bench/exam-server.ts [students=100000]
 */
import { PGlite } from '@electric-sql/pglite';
import { connectPglite } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { loadDemoRegion } from '../apps/server/src/demo/load-region';
import { createAuditService } from '../apps/server/src/modules/audit';
import { createExamsRepository, createExamsService } from '../apps/server/src/modules/exams';
import type { Actor } from '../apps/server/src/shared/actor';

const N = Number(process.argv[2] ?? 100_000);
const ITEMS = 40;
const instance = await PGlite.create();
const h = await connectPglite({ instance });
await migrateToLatest(h.db);
await loadDemoRegion(h.db, { teachers: 5000 });
const city = await h.db.selectFrom('orgs').selectAll().where('kind', '=', 'city').executeTakeFirstOrThrow();
const schools = await h.db.selectFrom('orgs').select(['code', 'name']).where('kind', '=', 'school').execute();
const actor: Actor = {
  accountId: '1',
  username: 'bench',
  displayName: 'bench',
  teacherId: null,
  requestId: 'bench',
  ip: null,
  grants: [{ role: 'bureau_admin', orgId: city.id, orgPath: city.path, orgName: city.name, orgKind: 'city' }],
};
const svc = createExamsService({
  db: h.db,
  repo: createExamsRepository(h.db),
  audit: createAuditService({ db: h.db }),
});
const exam = await svc.createExam(actor, {
  name: 'bench',
  semester: '2026',
  stage: 'primary',
  subject: 'math',
  grade: '六年级',
  fullMarks: ITEMS * 5,
  kind: 'routine',
  ownerOrgId: city.id,
});
let seed = 1;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const items = `item_id,max_score\n${Array.from({ length: ITEMS }, (_, j) => `Q${j + 1},5`).join('\n')}\n`;
const lines = [`student_id,school,class,${Array.from({ length: ITEMS }, (_, j) => `Q${j + 1}`).join(',')}`];
for (let i = 0; i < N; i++) {
  const s = schools[i % schools.length];
  lines.push(
    `S${i},${s?.code ?? s?.name},${1 + (i % 4)}班,${Array.from({ length: ITEMS }, () => Math.floor(rand() * 6)).join(',')}`,
  );
}
const scores = Buffer.from(`${lines.join('\n')}\n`);
const t = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const r = await f();
  console.log(`${label.padEnd(28)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
  return r;
};
console.log(
  `${N} students × ${ITEMS} items, ${schools.length} schools, CSV ${(scores.length / 1e6).toFixed(1)} MB, PGlite`,
);
const u = await t('dry run (parse + validate)', () =>
  svc.upload(actor, exam.id, {
    scores: { name: 's.csv', buf: scores },
    items: { name: 'i.csv', buf: Buffer.from(items) },
  }),
);
if (!u.ok) throw new Error(JSON.stringify(u.errors.slice(0, 3)));
await t('commit (unnest insert)', () => svc.commit(actor, exam.id, u.id));
await t('first report (analysis)', () => svc.report(actor, exam.id));
await t('second report (cached)', () => svc.report(actor, exam.id));
await h.close();
await instance.close();
