/**
 * Screenshots of the public verification page (/verify/:code) on a phone: a valid certificate, a revoked one, a
 * code not found. The codes are made through the hours service (a certificate's code, then its revocation) on the
 * demo region. Run: npm run build && npx tsx e2e/verify-screens.ts → test-results/verify-*.png
 */
import { screensKit } from './screens-kit';

const kit = await screensKit({ name: 'verify', teachers: 60 });
try {
  const t = await kit.db
    .selectFrom('teachers')
    .select(['id', 'name', 'county_id'])
    .orderBy('id')
    .limit(2)
    .execute();
  const facts = (i: number) => {
    const x = t[i];
    if (!x) throw new Error('no demo teacher');
    return {
      countyId: x.county_id,
      teacherId: x.id,
      teacherName: x.name,
      programmeId: String(900 + i),
      programmeTitle: '2026 年市级乡村骨干教师培训',
      classId: String(900 + i),
      certificateNo: `2026-000900-000${i + 1}`,
      hoursTenths: 1500,
      issuer: '清远市教师发展中心',
      issuedOn: '2026-09-10',
    };
  };
  const valid = await kit.services.hours.certificateCode(facts(0), null);
  const revoked = await kit.services.hours.certificateCode(facts(1), null);
  await kit.db
    .transaction()
    .execute((trx) =>
      kit.services.hours.revokeCertificateCodes(
        '901',
        [facts(1).teacherId],
        { by: null, reason: '重新评定为未结业' },
        trx,
      ),
    );
  const base = await kit.serve();
  const page = await kit.phone();
  for (const [name, code] of [
    ['verify-valid-390', valid],
    ['verify-revoked-390', revoked],
    ['verify-not-found-390', '0000-0000-0000-0000-0000'],
  ] as const) {
    await page.goto(`${base}/verify/${code}`);
    await page.waitForSelector('[data-testid="verification"], [role="alert"]');
    await kit.shot(page, name);
  }
} finally {
  await kit.close();
}
