/**
 * What a teacher or a parent reads is a plain Chinese sentence: no refusal or decision they can reach carries a
 * rule ID in its words, while the refusal's details.ruleId (or the check's ruleId) still names the rule for
 * officers. Walked through the real routes: check-in (not enrolled, another class's code, an expired code, wrong
 * short codes until the wait, a closed check-in: R-004-12, Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN), outcomes (not a
 * trainee R-004-16, past the due date Y-004-OUTCOME-DUE), the teacher's completion result (Y-004-ATTEND-MIN and
 * the outcome sets), integrity notifications and the appeal decision (R-004-20), and the parent page's wrong code
 * and wait (Y-EXAM-PARENT-CODE). And the rule sources behind the officers' ⓘ are refused to a teacher.
 */
import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSecret } from './db/app-secrets';
import { buildAccount, buildTeacher, login } from './test/factories';
import { buildClassWorld } from './test/fixtures/class-world';
import { multipart } from './test/fixtures/import-files';

/** A rule ID of the spec digests (R-004-20, R3-B02), Yanxun's own (Y-004-QR-ROTATE) or SZ-12. */
const RULE_ID = /\b(R-\d{3}-\d+|R3-[A-Z]+\d+|Y-[A-Z0-9-]+|SZ-\d+)\b/;

let nowMs = Date.parse('2021-09-08T01:00:00Z'); // 09:00 in Shanghai, the third day of the class
const clock = () => new Date(nowMs);
/** Move the clock; a jump of days outlives the sessions, so everyone signs in again. */
async function at(iso: string) {
  nowMs = Date.parse(iso);
  for (const who of Object.keys(w.s)) w.s[who] = await login(w.t.app, who);
}

type World = Awaited<ReturnType<typeof buildClassWorld>>;
let w: World;
let classA: string;
let classQ: string;

interface Refusal {
  status: number;
  code: string;
  message: string;
  ruleId: unknown;
  details: Record<string, unknown>;
}

function refusal(r: LightMyRequestResponse): Refusal {
  const e = (
    r.json() as {
      error: { code: string; message: string; details?: { ruleId?: unknown } & Record<string, unknown> };
    }
  ).error;
  return {
    status: r.statusCode,
    code: e.code,
    message: e.message,
    ruleId: e.details?.ruleId,
    details: e.details ?? {},
  };
}

/** The sentence is words only; the rule travels beside it. */
function inWords(r: Refusal, ruleId: string) {
  expect(r.message, r.message).not.toMatch(RULE_ID);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  expect(r.ruleId).toBe(ruleId);
}

const display = async (classId: string) =>
  (await w.req('GET', `/classes/${classId}/checkin-display?slot=arrive`, 'provider')).json() as {
    token: string;
    shortCode: string;
  };

const upload = (who: string, classId: string) => {
  const { payload, contentType } = multipart(
    {},
    { name: '示范课.pdf', body: Buffer.from('%PDF-1.4 示范课') },
  );
  return w.t.app.inject({
    method: 'POST',
    url: `/api/v1/classes/${classId}/outcomes/demonstration_lesson/file`,
    headers: { ...w.s[who]?.headers, 'content-type': contentType },
    payload,
  });
};

beforeAll(async () => {
  w = await buildClassWorld(clock);
  const cityProgramme = await w.programme('city', '市级乡村骨干教师培训');
  const countyProgramme = await w.programme('qingcheng', '清城区骨干教师培训');
  for (const id of [w.teacherQ[0], w.teacherQ[1]]) await w.select(cityProgramme, id ?? '', w.schoolQ);
  await w.select(countyProgramme, w.teacherQ[2] ?? '', w.schoolQ);
  classA = await w.openClass('city', cityProgramme, 'A 班', w.provider);
  classQ = await w.openClass('qingcheng', countyProgramme, '清城 1 班', w.provider);
  await w.req('POST', `/classes/${classA}/enrolments`, 'provider', {});
  await w.req('POST', `/classes/${classQ}/enrolments`, 'provider', {});
  // a teacher of 清城 enrolled nowhere
  const lone = await buildTeacher(w.h.db, w.schoolQ);
  await buildAccount(w.h.db, 'tlone', 'teacher', w.schoolQ, lone.id);
  w.s.tlone = await login(w.t.app, 'tlone');
}, 120_000);

afterAll(async () => {
  await w?.t.app.close();
  await w?.h.close();
});

describe('a teacher checking in reads words (R-004-12, Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN)', () => {
  it('not enrolled anywhere, and a code of another class: 403 in words, R-004-12 in details', async () => {
    const none = refusal(await w.req('POST', '/checkin', 'tlone', { code: '123456' }));
    expect(none.status).toBe(403);
    inWords(none, 'R-004-12');
    expect(none.details.refusal).toBe('not_enrolled_any');
    const other = refusal(await w.req('POST', '/checkin', 'tq2', { t: (await display(classA)).token }));
    expect(other.status).toBe(403);
    expect(other.message).toContain('A 班');
    inWords(other, 'R-004-12');
    // the web words the sentence from the case and the values beside it
    expect(other.details).toMatchObject({ refusal: 'other_class' });
    expect(String(other.details.className)).toContain('A 班');
  });

  it('a QR code ten minutes old and a wrong short code: 400 in words, Y-004-QR-ROTATE in details', async () => {
    const old = (await display(classA)).token;
    await at('2021-09-08T01:10:00Z');
    const expired = refusal(await w.req('POST', '/checkin', 'tq0', { t: old }));
    expect(expired.status).toBe(400);
    expect(expired.message).toContain('每 30 秒更换');
    inWords(expired, 'Y-004-QR-ROTATE');
    expect(expired.details).toMatchObject({ refusal: 'qr_expired', rotationSeconds: 30 });
    const wrong = refusal(await w.req('POST', '/checkin', 'tq1', { code: '000000' }));
    expect(wrong.status).toBe(400);
    inWords(wrong, 'Y-004-QR-ROTATE');
    expect(wrong.details.refusal).toBe('wrong_code');
  });

  it('wrong short codes until the wait: the 429 says the minutes in words, the rule in details', async () => {
    let last: Refusal | undefined;
    for (let i = 0; i < 12 && last?.status !== 429; i++)
      last = refusal(await w.req('POST', '/checkin', 'tq0', { code: '000000' }));
    expect(last?.status).toBe(429);
    expect(last?.message).toContain('分钟后再试');
    inWords(last as Refusal, 'Y-004-QR-ROTATE');
    expect(last?.details).toMatchObject({ refusal: 'too_many_codes', minutes: 5 });
    expect(last?.message).toContain(`${String(last?.details.minutes)} 分钟后再试`);
  });

  it('after the class, check-in is closed: 400 with the dates in words, Y-004-CHECKIN-OPEN in details', async () => {
    await at('2021-09-20T01:00:00Z');
    const closed = refusal(await w.req('POST', '/checkin', 'tq1', { t: (await display(classA)).token }));
    expect(closed.status).toBe(400);
    expect(closed.message).toContain('不能签到');
    inWords(closed, 'Y-004-CHECKIN-OPEN');
    expect(closed.details).toMatchObject({ refusal: 'outside_days', today: '2021-09-20' });
    expect(closed.message).toContain(String(closed.details.closesOn));
  });
});

describe('a teacher handing in outcomes reads words (R-004-16, Y-004-OUTCOME-DUE)', () => {
  it('a teacher of another class: 403 in words, R-004-16 in details', async () => {
    await at('2021-09-10T01:00:00Z');
    const r = refusal(await upload('tq2', classA));
    expect(r.status).toBe(403);
    inWords(r, 'R-004-16');
  });

  it('the day after the due date (end + 30 days): 400 with both dates in words, Y-004-OUTCOME-DUE in details', async () => {
    await at('2021-10-11T01:00:00Z');
    const r = refusal(await upload('tq1', classA));
    expect(r.status).toBe(400);
    expect(r.message).toBe(
      '成果提交截止日期为 2021-10-10（结业后 30 天），今天（2021-10-11）已过期，不能提交',
    );
    inWords(r, 'Y-004-OUTCOME-DUE');
  });
});

describe("a teacher's completion result and integrity notifications are words (Y-004-ATTEND-MIN, R-004-20)", () => {
  it('the completion checks a trainee reads name no rule; each check carries its ruleId', async () => {
    await at('2021-09-10T09:00:00Z');
    const run = await w.req('POST', `/classes/${classA}/completion/run`, 'provider');
    expect(run.statusCode, run.body).toBe(200);
    const mine = (await w.req('GET', '/me/training', 'tq0')).json() as {
      items: Array<{
        classId: string;
        outcomeWindow: { ruleId: string };
        completion: { completed: boolean; checks: Array<{ ruleId: string; message: string }> } | null;
      }>;
    };
    const item = mine.items.find((i) => i.classId === classA);
    expect(item?.outcomeWindow.ruleId).toBe('Y-004-OUTCOME-DUE');
    const checks = item?.completion?.checks ?? [];
    expect(checks.map((c) => c.ruleId)).toEqual(['Y-004-ATTEND-MIN', 'R-004-75']);
    // no session attended, no outcome handed in: both fail, in words
    expect(item?.completion?.completed).toBe(false);
    expect(checks[0]?.message).toContain('不能结业');
    for (const c of checks) expect(c.message, c.message).not.toMatch(RULE_ID);
  });

  it('an integrity record and the appeal decision reach the teacher in words', async () => {
    const rec = await w.req('POST', '/integrity-records', 'city', {
      teacherId: w.teacherQ[1],
      kind: 'no_show',
      recordDate: '2021-09-10',
      evidence: '无故未参训',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const id = rec.json().id as string;
    const appeal = await w.req('POST', `/me/integrity-records/${id}/appeal`, 'tq1', { reason: '因病住院' });
    expect(appeal.statusCode, appeal.body).toBe(200);
    const decided = await w.req('POST', `/integrity-records/${id}/appeal-decision`, 'city', {
      decision: 'rejected',
      reason: '未提供证明',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const notes = (await w.req('GET', '/me/notifications', 'tq1')).json() as {
      items: Array<{ kind: string; title: string; body: string }>;
    };
    expect(notes.items.map((n) => n.kind).sort()).toEqual(['integrity.appeal', 'integrity.record']);
    for (const n of notes.items) {
      expect(n.body, n.body).not.toMatch(RULE_ID);
      expect(n.title).not.toMatch(RULE_ID);
    }
    expect(notes.items.find((n) => n.kind === 'integrity.record')?.body).toContain('3 年内（至 2024-09-09）');
  });
});

describe('a parent reads words (Y-EXAM-PARENT-CODE)', () => {
  it('a wrong code says the tries left; the fifth says the wait; the rule is in details only', async () => {
    const school = w.schoolQ;
    const county = school.county_id ?? school.id;
    const key = await appSecret(w.h.db, 'exam-code');
    await w.h.db
      .insertInto('exam_access_codes')
      .values({
        county_id: county,
        student_id: 'P-1',
        school_id: school.id,
        school_path: school.path,
        code_hash: createHmac('sha256', key).update(`exam-code|${county}|P-1|BCDE2345`).digest('hex'),
      })
      .execute();
    const ask = () =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/v1/parent/results',
        payload: { studentId: 'P-1', code: 'AAAA-AAAA' },
        remoteAddress: '203.0.113.50',
      });
    const first = refusal(await ask());
    expect(first.status).toBe(401);
    expect(first.message).toBe('学号或访问码不正确，还可尝试 4 次');
    inWords(first, 'Y-EXAM-PARENT-CODE');
    for (let i = 0; i < 3; i++) await ask();
    const fifth = refusal(await ask());
    expect(fifth.status).toBe(429);
    expect(fifth.message).toContain('30 分钟后再试');
    inWords(fifth, 'Y-EXAM-PARENT-CODE');
  });
});

describe('rule sources: the ⓘ beside a reason is for those who work against the pack (RULE_REF_PERMISSIONS)', () => {
  it('a teacher is refused (403); a bureau officer and a provider read where R-004-20 and R-002-58 come from', async () => {
    expect((await w.req('GET', '/rule-sources', 'tq0')).statusCode).toBe(403);
    for (const who of ['city', 'provider']) {
      const r = await w.req('GET', '/rule-sources', who);
      expect(r.statusCode).toBe(200);
      const by = new Map((r.json() as Array<{ ruleId: string; where: string }>).map((x) => [x.ruleId, x]));
      expect(by.get('R-004-20')?.where).toBe('河南省教育厅 2021 年中小学教师素质提升工程通知 第 37 行');
      expect(by.get('R-002-58')?.where).toContain('清远市');
    }
  });
});
