/**
 * 学时申报 through HTTP: a teacher claims with evidence, the school reviews, then the county, whose approval posts
 * the credit once (Y-HOURS-CLAIM); bad input is refused naming the field and the rule with nothing written;
 * the same evidence or certificate is caught across teachers (Y-HOURS-CLAIM-DUPLICATE); another county's claim
 * reads and acts exactly like an unknown id.
 */
import { randomBytes } from 'node:crypto';
import type { HourClaim, TeacherHours } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { createTestDatabase } from '../../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
  testActor,
} from '../../../test/factories';
import { apiClient, errorOf } from '../../../test/routes';
import type { OrgRow } from '../../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let school: OrgRow;
let ydSchool: OrgRow;
let teacher: string;
let colleague: string;
let ydTeacher: string;
/** 2026-10-20 10:00 in Asia/Shanghai */
let nowMs = Date.parse('2026-10-20T02:00:00Z');
const MAX_FILE = 64 * 1024;

let seq = 0;
/** A small PDF unlike every other (the duplicate check compares contents). */
const pdf = () =>
  Buffer.from(`%PDF-1.4\n% claim evidence ${++seq} ${randomBytes(8).toString('hex')}\n%%EOF\n`);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
const jpg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(32)]);

interface EvidencePart {
  name: string;
  body: Buffer;
}
const claimBody = (over: Record<string, unknown> = {}) => ({
  category: 'centralized',
  kind: 'outside_training',
  title: '省级骨干教师高级研修班',
  issuer: '河南省教师教育中心',
  certificateNo: `HN-${++seq}`,
  startDate: '2026-10-10',
  endDate: '2026-10-11',
  hoursTenths: 160,
  ...over,
});

function multipart(claim: unknown, files: EvidencePart[]) {
  const boundary = `----yanxun-claim-${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  if (claim !== undefined)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="claim"\r\n\r\n${typeof claim === 'string' ? claim : JSON.stringify(claim)}\r\n`,
      ),
    );
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      f.body,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const submit = (who: string, claim: unknown, files: EvidencePart[] = [{ name: '证书.pdf', body: pdf() }]) => {
  const { payload, contentType } = multipart(claim, files);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/me/hour-claims',
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
};
const { req } = apiClient(() => t, s);
const decide = (who: string, id: string, decision: 'approve' | 'return', reason?: string) =>
  req('POST', `/hour-claims/${id}/decision`, who, { decision, ...(reason ? { reason } : {}) });

const counts = async () => ({
  claims: Number(
    (
      await h.db
        .selectFrom('hour_claims')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  files: Number(
    (
      await h.db
        .selectFrom('files')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  entries: Number(
    (
      await h.db
        .selectFrom('hour_entries')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});
const ledgerOf = async (teacherId: string) =>
  h.db
    .selectFrom('hour_entries')
    .select([
      'amount_tenths',
      'source',
      'credit_key',
      'rule_id',
      'occurred_on',
      'category',
      'provenance_system',
    ])
    .where('teacher_id', '=', teacherId)
    .where('source', '=', 'claim')
    .execute();

beforeAll(async () => {
  h = await createTestDatabase();
  // a school per 50 teachers: several in 清城
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => new Date(nowMs), { maxFileBytes: MAX_FILE });
  school = await schoolIn(h.db, '清城', 0);
  const sibling = await schoolIn(h.db, '清城', 1);
  ydSchool = await schoolIn(h.db, '英德', 0);
  teacher = (await buildTeacher(h.db, school, { name: '王申报' })).id;
  colleague = (await buildTeacher(h.db, school, { name: '李同事' })).id;
  ydTeacher = (await buildTeacher(h.db, ydSchool, { name: '赵英德' })).id;
  await buildAccount(h.db, 'c_teacher', 'teacher', school, teacher);
  await buildAccount(h.db, 'c_colleague', 'teacher', school, colleague);
  await buildAccount(h.db, 'c_ydteacher', 'teacher', ydSchool, ydTeacher);
  await buildAccount(h.db, 'c_school', 'school_admin', school);
  await buildAccount(h.db, 'c_sibling', 'school_admin', sibling);
  await buildAccount(h.db, 'c_qc', 'bureau_admin', await orgByName(h.db, 'county', '清城'));
  await buildAccount(h.db, 'c_city', 'bureau_admin', await orgByName(h.db, 'city', '清远'));
  await buildAccount(h.db, 'c_yd', 'bureau_admin', await orgByName(h.db, 'county', '英德'));
  for (const u of [
    'c_teacher',
    'c_colleague',
    'c_ydteacher',
    'c_school',
    'c_sibling',
    'c_qc',
    'c_city',
    'c_yd',
  ])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('the whole flow (Y-HOURS-CLAIM)', () => {
  it('teacher claims with a PDF → school approves → county approves → the ledger has the credit once', async () => {
    const c = await submit('c_teacher', claimBody({ hoursTenths: 125 }));
    expect(c.statusCode).toBe(201);
    const claim = c.json() as HourClaim;
    expect(claim).toMatchObject({
      status: 'submitted',
      teacherName: '王申报',
      schoolName: school.name,
      hoursTenths: 125,
      dueOn: '2026-11-04',
      overdue: false,
      canWithdraw: true,
      canDecide: null,
    });
    expect(claim.evidence).toHaveLength(1);
    expect(claim.evidence[0]).toMatchObject({ name: '证书.pdf', mime: 'application/pdf' });

    // the school's queue holds it; the county's does not yet (step 1 first)
    const schoolQueue = (await req('GET', '/hour-claims', 'c_school')).json() as HourClaim[];
    expect(schoolQueue.find((q) => q.id === claim.id)?.canDecide).toBe('school');
    const countyQueue = (await req('GET', '/hour-claims', 'c_qc')).json() as HourClaim[];
    expect(countyQueue.some((q) => q.id === claim.id)).toBe(false);
    const early = await decide('c_qc', claim.id, 'approve');
    expect(early.statusCode).toBe(403);
    expect(errorOf(early)).toMatchObject({ details: { ruleId: 'Y-HOURS-CLAIM' } });

    const s1 = await decide('c_school', claim.id, 'approve', '材料齐全');
    expect(s1.statusCode).toBe(200);
    expect(s1.json()).toMatchObject({
      status: 'school_approved',
      dueOn: '2026-11-04',
      schoolComment: '材料齐全',
    });
    // a school admin cannot do step 2
    const schoolAgain = await decide('c_school', claim.id, 'approve');
    expect(schoolAgain.statusCode).toBe(403);
    expect(errorOf(schoolAgain).message).toContain('终审由县区');
    expect(await ledgerOf(teacher)).toEqual([]);

    const countyQueue2 = (await req('GET', '/hour-claims', 'c_qc')).json() as HourClaim[];
    expect(countyQueue2.find((q) => q.id === claim.id)?.canDecide).toBe('county');
    const s2 = await decide('c_qc', claim.id, 'approve');
    expect(s2.statusCode).toBe(200);
    expect(s2.json()).toMatchObject({ status: 'approved', dueOn: null, canDecide: null, canWithdraw: false });
    expect(await ledgerOf(teacher)).toEqual([
      {
        amount_tenths: 125,
        source: 'claim',
        credit_key: `claim:${claim.id}`,
        rule_id: 'Y-HOURS-CLAIM',
        occurred_on: '2026-10-11',
        category: 'centralized',
        provenance_system: 'hour_claims',
      },
    ]);
    // approving twice posts once
    const twice = await decide('c_qc', claim.id, 'approve');
    expect(twice.statusCode).toBe(409);
    expect(await ledgerOf(teacher)).toHaveLength(1);
    // the teacher's record shows it; the teacher was told
    const record = (await req('GET', `/teachers/${teacher}/hours`, 'c_teacher')).json() as TeacherHours;
    expect(record.totalTenths).toBe(125);
    const inbox = (await req('GET', '/me/notifications', 'c_teacher')).json() as {
      items: Array<{ kind: string; title: string }>;
    };
    expect(inbox.items.map((n) => n.kind)).toContain('hours.claim.approved');
    // every decision audited
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', claim.id)
      .where('entity', '=', 'hour_claim')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'hours.claim.submit',
      'hours.claim.school_approve',
      'hours.claim.approve',
    ]);
    // the county can reverse the posting later through the ledger's own endpoint
    const entry = record.entries.find((e) => e.source === 'claim');
    const rev = await req('POST', `/hours/${entry?.id}/reverse`, 'c_qc', { reason: '证书经核查无效' });
    expect(rev.statusCode).toBe(200);
    expect((rev.json() as TeacherHours).totalTenths).toBe(0);
  });

  it('two approvals at the same moment post once', async () => {
    const claim = (await submit('c_teacher', claimBody())).json() as HourClaim;
    expect((await decide('c_school', claim.id, 'approve')).statusCode).toBe(200);
    const both = await Promise.all([
      decide('c_qc', claim.id, 'approve'),
      decide('c_city', claim.id, 'approve'),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const posted = (await ledgerOf(teacher)).filter((e) => e.credit_key === `claim:${claim.id}`);
    expect(posted).toHaveLength(1);
  });

  it('returning needs a reason, never posts, and tells the teacher; a returned claim is not reviewed again', async () => {
    const claim = (await submit('c_teacher', claimBody())).json() as HourClaim;
    const noReason = await decide('c_school', claim.id, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason)).toMatchObject({ details: { field: 'reason' } });
    const r = await decide('c_school', claim.id, 'return', '证书照片不清晰');
    expect(r.json()).toMatchObject({ status: 'returned', returnReason: '证书照片不清晰', dueOn: null });
    expect((await decide('c_school', claim.id, 'approve')).statusCode).toBe(409);
    expect((await ledgerOf(teacher)).some((e) => e.credit_key === `claim:${claim.id}`)).toBe(false);
    const inbox = (await req('GET', '/me/notifications', 'c_teacher')).json() as {
      items: Array<{ kind: string; body: string }>;
    };
    expect(inbox.items.find((n) => n.kind === 'hours.claim.returned')?.body).toContain('证书照片不清晰');
    // the county may return after the school approved
    const c2 = (await submit('c_teacher', claimBody())).json() as HourClaim;
    await decide('c_school', c2.id, 'approve');
    const r2 = await decide('c_qc', c2.id, 'return', '学时与证书不符');
    expect(r2.json()).toMatchObject({ status: 'returned', countyComment: '学时与证书不符' });
    expect((await ledgerOf(teacher)).some((e) => e.credit_key === `claim:${c2.id}`)).toBe(false);
  });

  it('the teacher withdraws their own waiting claim; not a colleague’s (404), not twice (409)', async () => {
    const claim = (await submit('c_teacher', claimBody())).json() as HourClaim;
    const other = await req('POST', `/hour-claims/${claim.id}/withdraw`, 'c_colleague');
    const unknown = await req('POST', '/hour-claims/999999999/withdraw', 'c_colleague');
    expect(other.statusCode).toBe(404);
    expect(errorOf(other)).toEqual(errorOf(unknown));
    const w = await req('POST', `/hour-claims/${claim.id}/withdraw`, 'c_teacher');
    expect(w.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect((await req('POST', `/hour-claims/${claim.id}/withdraw`, 'c_teacher')).statusCode).toBe(409);
    expect((await decide('c_school', claim.id, 'approve')).statusCode).toBe(409);
    const mine = (await req('GET', '/me/hour-claims', 'c_teacher')).json() as HourClaim[];
    expect(mine.find((m) => m.id === claim.id)?.status).toBe('withdrawn');
  });

  it('JPG and PNG photos are evidence too; the teacher and the reviewers download it', async () => {
    const body = png();
    const c = await submit('c_teacher', claimBody(), [
      { name: '证书正面.png', body },
      { name: '证书背面.JPG', body: jpg() },
    ]);
    expect(c.statusCode).toBe(201);
    const claim = c.json() as HourClaim;
    expect(claim.evidence.map((e) => e.mime)).toEqual(['image/png', 'image/jpeg']);
    const fileId = claim.evidence[0]?.fileId;
    for (const who of ['c_teacher', 'c_school', 'c_qc']) {
      const d = await req('GET', `/hour-claims/${claim.id}/evidence/${fileId}`, who);
      expect(d.statusCode).toBe(200);
      expect(d.headers['content-type']).toContain('image/png');
      expect(d.rawPayload.equals(body)).toBe(true);
    }
  });
});

describe('deadlines (Y-HOURS-CLAIM-DEADLINE)', () => {
  it('the school has 15 days: not overdue on the last day, overdue the day after; then the county 15 days', async () => {
    const claim = (await submit('c_teacher', claimBody())).json() as HourClaim;
    expect(claim.dueOn).toBe('2026-11-04');
    const admin = testActor('school_admin', school);
    const saved = nowMs;
    try {
      nowMs = Date.parse('2026-11-04T15:59:00Z'); // 23:59 on 11-04 in Shanghai
      let q = await t.services.hourClaims.queue(admin, {});
      expect(q.find((x) => x.id === claim.id)?.overdue).toBe(false);
      nowMs = Date.parse('2026-11-04T16:00:00Z'); // 00:00 on 11-05
      q = await t.services.hourClaims.queue(admin, {});
      expect(q.find((x) => x.id === claim.id)?.overdue).toBe(true);
      // the school approves late (still allowed); the county's 15 days start that day
      const approved = await t.services.hourClaims.decide(admin, claim.id, { decision: 'approve' });
      expect(approved).toMatchObject({ status: 'school_approved', dueOn: '2026-11-20', overdue: false });
    } finally {
      nowMs = saved;
    }
  });
});

describe('bad input: a 400 naming the field and the rule, nothing written', () => {
  const refused = async (claim: unknown, files?: EvidencePart[]) => {
    const before = await counts();
    const r = await submit('c_teacher', claim, files);
    expect(await counts()).toEqual(before);
    return r;
  };

  it('Y-HOURS-AMOUNT: hours 0 or negative', async () => {
    for (const h of [0, -10]) {
      const r = await refused(claimBody({ hoursTenths: h }));
      expect(r.statusCode).toBe(400);
      expect(errorOf(r)).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'hoursTenths', ruleId: 'Y-HOURS-AMOUNT' },
      });
    }
  });

  it('hardening: a NUL in the claim (a multipart field, JSON inside) is a 400 naming the field, not a 500', async () => {
    const r = await refused(claimBody({ title: '研修班\u0000' }));
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'title' } });
  });

  it('Y-HOURS-CLAIM-DAY: 24 学时 on one day is accepted, 24.1 refused', async () => {
    const r = await refused(claimBody({ startDate: '2026-10-12', endDate: '2026-10-12', hoursTenths: 241 }));
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ details: { field: 'hoursTenths', ruleId: 'Y-HOURS-CLAIM-DAY' } });
    expect(errorOf(r).message).toContain('每天最多 24 学时');
    // the problem by its code and values, for the web to word in the user's language
    expect(errorOf(r)).toMatchObject({
      details: {
        problems: [
          {
            code: 'CLAIM.HOURS_OVER_CAP',
            values: { hoursTenths: 241, days: 1, dayMaxTenths: 240, maxTenths: 240, startDate: '2026-10-12' },
          },
        ],
      },
    });
    const ok = await submit(
      'c_teacher',
      claimBody({ startDate: '2026-10-12', endDate: '2026-10-12', hoursTenths: 240 }),
    );
    expect(ok.statusCode).toBe(201);
  });

  it('Y-HOURS-CLAIM-DATES: end before start; a date in the future (today passes, tomorrow not)', async () => {
    const back = await refused(claimBody({ startDate: '2026-10-12', endDate: '2026-10-11' }));
    expect(errorOf(back)).toMatchObject({ details: { field: 'endDate', ruleId: 'Y-HOURS-CLAIM-DATES' } });
    const future = await refused(claimBody({ startDate: '2026-10-20', endDate: '2026-10-21' }));
    expect(future.statusCode).toBe(400);
    expect(errorOf(future)).toMatchObject({ details: { field: 'endDate', ruleId: 'Y-HOURS-CLAIM-DATES' } });
    const today = await submit(
      'c_teacher',
      claimBody({ startDate: '2026-10-20', endDate: '2026-10-20', hoursTenths: 80 }),
    );
    expect(today.statusCode).toBe(201);
  });

  it('Y-HOURS-CLAIM-TEXT: a title of 201 characters is refused, 200 accepted', async () => {
    const r = await refused(claimBody({ title: '研'.repeat(201) }));
    expect(errorOf(r)).toMatchObject({ details: { field: 'title', ruleId: 'Y-HOURS-CLAIM-TEXT' } });
    expect((await submit('c_teacher', claimBody({ title: '研'.repeat(200) }))).statusCode).toBe(201);
  });

  it('a claim field that is not JSON, or of the wrong shape, names the field', async () => {
    expect(errorOf(await refused('{not json'))).toMatchObject({ details: { field: 'claim' } });
    expect(errorOf(await refused(claimBody({ kind: 'holiday' })))).toMatchObject({
      details: { field: 'kind' },
    });
    expect(errorOf(await refused(undefined))).toMatchObject({ details: { field: 'claim' } });
  });

  it('Y-HOURS-CLAIM-EVIDENCE: no file, an empty one, one over the limit (413), too many', async () => {
    const none = await refused(claimBody(), []);
    expect(none.statusCode).toBe(400);
    expect(errorOf(none)).toMatchObject({ details: { field: 'evidence', ruleId: 'Y-HOURS-CLAIM-EVIDENCE' } });
    const empty = await refused(claimBody(), [{ name: '空.pdf', body: Buffer.alloc(0) }]);
    expect(errorOf(empty)).toMatchObject({ code: 'FILE_EMPTY', details: { field: 'evidence' } });
    const atLimit = Buffer.concat([pdf(), Buffer.alloc(MAX_FILE)]).subarray(0, MAX_FILE);
    expect((await submit('c_teacher', claimBody(), [{ name: '刚好.pdf', body: atLimit }])).statusCode).toBe(
      201,
    );
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_FILE)]).subarray(0, MAX_FILE + 1);
    const over = await refused(claimBody(), [{ name: '大.pdf', body: big }]);
    expect(over.statusCode).toBe(413);
    expect(errorOf(over)).toMatchObject({
      code: 'FILE_TOO_LARGE',
      details: { field: 'evidence', ruleId: 'Y-HOURS-CLAIM-EVIDENCE' },
    });
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, body: pdf() }));
    expect((await refused(claimBody(), six)).statusCode).toBe(413);
  });

  it('Y-HOURS-CLAIM-EVIDENCE: a .pdf that is really a PNG, random bytes, the same file twice', async () => {
    const png1 = await refused(claimBody(), [{ name: '证书.pdf', body: png() }]);
    expect(png1.statusCode).toBe(400);
    expect(errorOf(png1)).toMatchObject({
      code: 'FILE_UNREADABLE',
      details: { field: 'evidence', ruleId: 'Y-HOURS-CLAIM-EVIDENCE', detected: 'png' },
    });
    expect(errorOf(png1).message).toContain('文件名与内容不符');
    const noise = await refused(claimBody(), [{ name: '证书.pdf', body: randomBytes(2000) }]);
    expect(errorOf(noise)).toMatchObject({ code: 'FILE_UNREADABLE', details: { field: 'evidence' } });
    const same = pdf();
    const twice = await refused(claimBody(), [
      { name: 'a.pdf', body: same },
      { name: 'b.pdf', body: same },
    ]);
    expect(errorOf(twice).message).toContain('同一份文件');
  });
});

describe('duplicates across teachers (Y-HOURS-CLAIM-DUPLICATE)', () => {
  it('the same file content: refused naming the other claim’s date, never the other teacher', async () => {
    const body = pdf();
    const first = await submit('c_teacher', claimBody({ title: '第一份' }), [{ name: 'a.pdf', body }]);
    expect(first.statusCode).toBe(201);
    const before = await counts();
    // another teacher, in another county, renamed the file
    const other = await submit('c_ydteacher', claimBody(), [{ name: '我的证书.pdf', body }]);
    expect(other.statusCode).toBe(409);
    expect(errorOf(other)).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'evidence', ruleId: 'Y-HOURS-CLAIM-DUPLICATE', otherClaimDate: '2026-10-20' },
    });
    expect(errorOf(other).message).toContain('另一位教师 2026-10-20');
    expect(errorOf(other).message).not.toContain('王申报');
    expect(errorOf(other).message).not.toContain('第一份');
    // the teacher themself is told which of their claims
    const own = await submit('c_teacher', claimBody(), [{ name: 'again.pdf', body }]);
    expect(errorOf(own).message).toContain('「第一份」');
    expect(await counts()).toEqual(before);
    // once the first is withdrawn, the file may be claimed again
    await req('POST', `/hour-claims/${(first.json() as HourClaim).id}/withdraw`, 'c_teacher');
    expect((await submit('c_ydteacher', claimBody(), [{ name: 'b.pdf', body }])).statusCode).toBe(201);
  });

  it('the same issuer + certificate number, written with other spaces and case, by a colleague', async () => {
    const first = await submit(
      'c_teacher',
      claimBody({ issuer: '清远市教育局', certificateNo: 'QY-2026-0088' }),
    );
    expect(first.statusCode).toBe(201);
    const dup = await submit(
      'c_colleague',
      claimBody({ issuer: '清远市 教育局', certificateNo: 'qy-2026-0088 ' }),
    );
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup)).toMatchObject({
      details: { field: 'certificateNo', ruleId: 'Y-HOURS-CLAIM-DUPLICATE' },
    });
    expect(errorOf(dup).message).toContain('另一位教师 2026-10-20');
    // another issuer's certificate with the same number is another certificate
    const other = await submit(
      'c_colleague',
      claimBody({ issuer: '英德市教育局', certificateNo: 'QY-2026-0088' }),
    );
    expect(other.statusCode).toBe(201);
  });

  it('an approved claim still holds its certificate', async () => {
    const c = (
      await submit('c_teacher', claimBody({ issuer: '省厅', certificateNo: 'APPROVED-1' }))
    ).json() as HourClaim;
    await decide('c_school', c.id, 'approve');
    await decide('c_qc', c.id, 'approve');
    const again = await submit('c_colleague', claimBody({ issuer: '省厅', certificateNo: 'APPROVED-1' }));
    expect(again.statusCode).toBe(409);
  });
});

describe('scope: out of scope reads and acts exactly like an unknown id', () => {
  let claim: HourClaim;
  beforeAll(async () => {
    claim = (await submit('c_teacher', claimBody())).json() as HourClaim;
  });

  it('another county and a sibling school: decide, download, withdraw → the unknown id’s 404', async () => {
    const fileId = claim.evidence[0]?.fileId;
    const unknownDecide = await decide('c_yd', '999999999', 'approve');
    const unknownFile = await req('GET', `/hour-claims/999999999/evidence/${fileId}`, 'c_yd');
    for (const who of ['c_yd', 'c_sibling']) {
      const d = await decide(who, claim.id, 'approve');
      expect(d.statusCode).toBe(404);
      expect(errorOf(d)).toEqual(errorOf(unknownDecide));
      const f = await req('GET', `/hour-claims/${claim.id}/evidence/${fileId}`, who);
      expect(f.statusCode).toBe(404);
      expect(errorOf(f)).toEqual(errorOf(unknownFile));
      const q = (await req('GET', '/hour-claims?status=submitted', who)).json() as HourClaim[];
      expect(q.some((x) => x.id === claim.id)).toBe(false);
    }
    // a colleague reads another teacher's evidence as unknown too
    expect((await req('GET', `/hour-claims/${claim.id}/evidence/${fileId}`, 'c_colleague')).statusCode).toBe(
      404,
    );
    // a file of another claim through this claim's id: not found
    const mine = (await submit('c_teacher', claimBody())).json() as HourClaim;
    expect(
      (await req('GET', `/hour-claims/${claim.id}/evidence/${mine.evidence[0]?.fileId}`, 'c_teacher'))
        .statusCode,
    ).toBe(404);
  });

  it('roles: a teacher has no queue (403), staff cannot claim (403), nobody signed in is 401', async () => {
    expect((await req('GET', '/hour-claims', 'c_teacher')).statusCode).toBe(403);
    expect((await decide('c_teacher', claim.id, 'approve')).statusCode).toBe(403);
    expect((await submit('c_qc', claimBody())).statusCode).toBe(403);
    expect((await req('GET', '/me/hour-claims', 'c_school')).statusCode).toBe(403);
    expect((await req('GET', '/me/hour-claims')).statusCode).toBe(401);
  });

  it('the city bureau (above the county) reviews step 2 of its counties', async () => {
    await decide('c_school', claim.id, 'approve');
    const q = (await req('GET', '/hour-claims', 'c_city')).json() as HourClaim[];
    expect(q.find((x) => x.id === claim.id)?.canDecide).toBe('county');
  });
});
