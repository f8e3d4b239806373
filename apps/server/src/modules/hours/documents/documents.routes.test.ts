/**
 * Documents that verify, through HTTP: a teacher's 学时证明 (PDF read back: the facts, the masked ID number, the
 * code), certificates with their code, the public page (valid, revoked, not found, malformed), revocation (by hand
 * for a transcript, with its certificate for a certificate), the throttle against enumeration, scope (another
 * county's documents read like unknown ones) and the bulk zip per class.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verificationCodeFromBytes } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { buildApp } from '../../../app';
import { loadConfig } from '../../../config';
import { buildClassWorld } from '../../../test/fixtures/class-world';
import { multipart } from '../../../test/fixtures/import-files';
import { pdfText } from '../../../test/pdf-text';
import { errorOf } from '../../../test/routes';

/** The last day of the class, 09:00 in Shanghai: completion may run. */
const CLOCK = () => new Date('2021-09-10T01:00:00Z');
const KEY = 'demonstration_lesson';

type World = Awaited<ReturnType<typeof buildClassWorld>>;
let w: World;
let classA: string;
let tq0: string;
let tq1: string;
const subs: Record<string, string> = {};
let transcriptCode = '';

const get = (url: string, ip = '10.1.0.1') =>
  w.t.app.inject({ method: 'GET', url: `/api/v1${url}`, remoteAddress: ip });
const upload = (who: string, body: Buffer) => {
  const { payload, contentType } = multipart({}, { name: '示范课.pdf', body });
  return w.t.app.inject({
    method: 'POST',
    url: `/api/v1/classes/${classA}/outcomes/${KEY}/file`,
    headers: { ...w.s[who]?.headers, 'content-type': contentType },
    payload,
  });
};
const unknownCode = () => verificationCodeFromBytes(randomBytes(19));

async function teacherRow(id: string) {
  return w.h.db
    .selectFrom('teachers')
    .innerJoin('orgs', 'orgs.id', 'teachers.school_id')
    .select(['teachers.name', 'teachers.id_number', 'teachers.phone', 'orgs.name as school'])
    .where('teachers.id', '=', id)
    .executeTakeFirstOrThrow();
}

function zipEntries(buf: Buffer): Promise<Array<{ name: string; content: Buffer }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Array<{ name: string; content: Buffer }> = [];
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, content: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  w = await buildClassWorld(CLOCK);
  const { teacherQ, teacherY, schoolQ, schoolY, provider, req, select, programme, openClass } = w;
  tq0 = teacherQ[0] ?? '';
  tq1 = teacherQ[1] ?? '';
  const p = await programme('city', '市级乡村骨干教师培训');
  for (const id of [tq0, tq1]) await select(p, id, schoolQ);
  await select(p, teacherY, schoolY);
  classA = await openClass('city', p, 'A 班', provider);
  await req('POST', `/classes/${classA}/enrolments`, 'provider', {});
  for (const [who, id] of [
    ['tq0', tq0],
    ['tq1', tq1],
  ] as const) {
    await req('POST', `/classes/${classA}/attendance`, 'provider', { teacherId: id, slot: 'arrive' });
    const up = await upload(who, Buffer.from('%PDF-1.4 示范课'));
    subs[who] = up.json().id;
    await req('POST', `/outcomes/${subs[who]}/review`, 'provider', { action: 'accept', score: 90 });
  }
  const run = await req('POST', `/classes/${classA}/completion/run`, 'provider');
  if (run.json().completed !== 2) throw new Error(`completion: ${run.body}`);
}, 120_000);

afterAll(async () => {
  await w?.t.app.close();
  await w?.h.close();
});

describe('Y-VERIFY-TRANSCRIPT: a teacher’s 学时证明', () => {
  it('401 without a session, 403 for a school admin (no hours.certify), 404 for another county, as for an unknown teacher', async () => {
    expect((await w.req('POST', `/teachers/${tq0}/transcripts`)).statusCode).toBe(401);
    expect((await w.req('POST', `/teachers/${tq0}/transcripts`, 'school')).statusCode).toBe(403);
    const foreign = await w.req('POST', `/teachers/${tq0}/transcripts`, 'yingde');
    const unknown = await w.req('POST', '/teachers/987654321/transcripts', 'yingde');
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
    expect((await w.req('GET', `/teachers/${tq0}/documents`, 'yingde')).statusCode).toBe(404);
  });

  it('the county issues it: the PDF reads back name, ID number masked to its last four, school, the posting, totals, issuer, date and code; audited', async () => {
    const res = await w.req('POST', `/teachers/${tq0}/transcripts`, 'qingcheng');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    transcriptCode = String(res.headers['x-verification-code']);
    expect(transcriptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const t = await teacherRow(tq0);
    const text = pdfText(res.rawPayload);
    const county = await w.h.db
      .selectFrom('orgs')
      .select('name')
      .where('kind', '=', 'county')
      .where('name', 'like', '%清城%')
      .executeTakeFirstOrThrow();
    for (const fact of [
      '教师继续教育学时证明',
      t.name,
      `**************${t.id_number.slice(-4)}`,
      t.school,
      '市级乡村骨干教师培训',
      '集中培训',
      '2021—2022 学年',
      '2021-09-10',
      `${county.name}教育局`,
      '出具日期：2021-09-10',
      `验证码：${transcriptCode}`,
      `/verify/${transcriptCode}`,
    ])
      expect(text, fact).toContain(fact);
    expect(text).not.toContain(t.id_number);
    expect(text).not.toContain(t.id_number.slice(0, 6));
    expect(text).toMatch(/计入以下继续教育学时（共 1 项，合计 \d+(\.\d)? 学时）/);
    // school years as the web writes them (schoolYearLabel), never the hyphen the ledger carries
    expect(text).toMatch(/\d{4}—\d{4} 至 \d{4}—\d{4} 学年（/);
    expect(text).not.toMatch(/\b20\d{2}-20\d{2}\b/);
    const audit = await w.h.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'hours.transcript_issue')
      .where('entity_id', '=', tq0)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).toContain(transcriptCode);
  });

  it.skipIf(!fs.existsSync('/usr/bin/gs') && process.env.CI !== 'true')(
    'its first page renders to an image (Ghostscript): text, tables and the QR code leave ink on the page',
    async () => {
      const res = await w.req('POST', `/teachers/${tq0}/transcripts`, 'qingcheng');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-transcript-'));
      const pdf = path.join(dir, 'transcript.pdf');
      fs.writeFileSync(pdf, res.rawPayload);
      const pgm = path.join(dir, 'page1.pgm');
      const gs = ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-r50', '-dFirstPage=1', '-dLastPage=1'];
      execFileSync('/usr/bin/gs', [...gs, '-sDEVICE=pgmraw', `-sOutputFile=${pgm}`, pdf]);
      const img = fs.readFileSync(pgm);
      // P5, a comment line from Ghostscript, width height, 255, then one byte per pixel
      const head = img
        .subarray(0, 200)
        .toString('latin1')
        .replace(/#[^\n]*\n/g, '');
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(head);
      expect(header).not.toBeNull();
      const [width, height] = [Number(header?.[1]), Number(header?.[2])];
      expect([width, height]).toEqual([413, 585]); // A4 portrait at 50 dpi
      const pixels = img.subarray(img.length - width * height);
      const dark = pixels.filter((v) => v < 128).length;
      // a blank page has none; the text alone is a few per cent
      expect(dark / pixels.length).toBeGreaterThan(0.01);
      // the QR code (bottom left, about 96 pt = 67 px square) is half dark
      let qrDark = 0;
      let qrAll = 0;
      for (let y = 0; y < height; y++)
        for (let x = 30; x < 110; x++) {
          if (y < height * 0.4) continue;
          qrAll++;
          if ((pixels[y * width + x] ?? 255) < 128) qrDark++;
        }
      expect(qrDark / qrAll).toBeGreaterThan(0.05);
      if (process.env.YX_KEEP_PNG) {
        execFileSync('/usr/bin/gs', [
          ...gs.slice(0, 4),
          '-r80',
          '-dFirstPage=1',
          '-dLastPage=1',
          '-sDEVICE=png16m',
          `-sOutputFile=${process.env.YX_KEEP_PNG}`,
          pdf,
        ]);
      }
      fs.rmSync(dir, { recursive: true });
    },
  );
});

describe('Y-VERIFY-PUBLIC: the public page', () => {
  it('a valid transcript, without a session: the name masked, 学时证明, hours, issuer, date; no ID number, phone or school', async () => {
    const res = await get(`/public/verify/${transcriptCode}`);
    expect(res.statusCode).toBe(200);
    const t = await teacherRow(tq0);
    const chars = [...t.name];
    expect(res.json()).toMatchObject({
      code: transcriptCode,
      kind: 'transcript',
      status: 'valid',
      holder: `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`,
      title: '学时证明',
      period: '2021—2022 学年',
      issuedOn: '2021-09-10',
      revokedOn: null,
    });
    expect(res.json().hoursTenths).toBeGreaterThan(0);
    for (const secret of [t.name, t.id_number, t.id_number.slice(-4), t.phone ?? 'none', t.school])
      expect(res.body).not.toContain(secret);
    // typed by hand: lower case, spaces, O for 0
    const typed = transcriptCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect((await get(`/public/verify/${encodeURIComponent(typed)}`)).json().status).toBe('valid');
  });

  it('malformed (400, said in Chinese, no lookup) and not found (404) answer differently', async () => {
    const bad = await get('/public/verify/ABCD-1234');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.reason).toBe('malformed');
    expect(bad.json().error.message).toContain('验证码格式不正确');
    const last = transcriptCode.at(-1) === '0' ? '1' : '0';
    expect((await get(`/public/verify/${transcriptCode.slice(0, -1)}${last}`)).statusCode).toBe(400);
    const none = await get(`/public/verify/${unknownCode()}`, '10.1.0.2');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.details.reason).toBe('not_found');
    expect(none.json().error.message).toContain('未找到该验证码');
  });
});

describe('Y-VERIFY-REVOKE: revoking a 学时证明', () => {
  it('another county: 404 as for an unknown code; a school admin: 403; the county: revoked, audited; twice: 409', async () => {
    const body = { reason: '信息有误，重新出具' };
    const foreign = await w.req('POST', `/verification-codes/${transcriptCode}/revoke`, 'yingde', body);
    const unknown = await w.req('POST', `/verification-codes/${unknownCode()}/revoke`, 'yingde', body);
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
    expect(
      (await w.req('POST', `/verification-codes/${transcriptCode}/revoke`, 'school', body)).statusCode,
    ).toBe(403);
    expect(
      (await w.req('POST', `/verification-codes/${transcriptCode}/revoke`, 'qingcheng', {})).statusCode,
    ).toBe(400);
    const ok = await w.req('POST', `/verification-codes/${transcriptCode}/revoke`, 'qingcheng', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: transcriptCode, revokeReason: body.reason });
    expect(
      (await w.req('POST', `/verification-codes/${transcriptCode}/revoke`, 'qingcheng', body)).statusCode,
    ).toBe(409);
    const audit = await w.h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'hours.document_revoke')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the public page says revoked with the date (not the reason); a new issue is a new, valid document', async () => {
    const res = await get(`/public/verify/${transcriptCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedOn: '2021-09-10' });
    expect(res.json().message).toContain('已于 2021-09-10 由出具单位撤销');
    expect(res.body).not.toContain('信息有误');
    const again = await w.req('POST', `/teachers/${tq0}/transcripts`, 'qingcheng');
    const code = String(again.headers['x-verification-code']);
    expect(code).not.toBe(transcriptCode);
    expect((await get(`/public/verify/${code}`)).json().status).toBe('valid');
    const list = await w.req('GET', `/teachers/${tq0}/documents`, 'qingcheng');
    expect(
      list.json().items.filter((d: { kind: string }) => d.kind === 'transcript').length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('Y-VERIFY-CERT: certificates carry a code; Y-VERIFY-BULK: a class’s zip', () => {
  let certCode = '';

  it('the certificate PDF reads back its number and code; every print the same code; the page shows the programme', async () => {
    const a = await w.req('GET', `/classes/${classA}/completion/${tq1}/certificate.pdf`, 'tq1');
    expect(a.statusCode).toBe(200);
    const text = pdfText(a.rawPayload);
    // to look at it: YX_KEEP_PDF=/tmp/certificate.pdf
    if (process.env.YX_KEEP_PDF) fs.writeFileSync(process.env.YX_KEEP_PDF, a.rawPayload);
    certCode = /验证码：([0-9A-Z-]{24})/.exec(text)?.[1] ?? '';
    expect(certCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const html = await w.req('GET', `/classes/${classA}/completion/${tq1}/certificate`, 'tq1');
    expect(html.body).toContain(`验证码：${certCode}`);
    const b = await w.req('GET', `/classes/${classA}/completion/${tq1}/certificate.pdf`, 'provider');
    expect(pdfText(b.rawPayload)).toContain(`验证码：${certCode}`);
    const page = await get(`/public/verify/${certCode}`);
    expect(page.json()).toMatchObject({
      kind: 'certificate',
      status: 'valid',
      title: '市级乡村骨干教师培训',
      hoursTenths: expect.any(Number),
    });
    expect(page.json().certificateNo).toMatch(/\d/);
    expect(text).toContain(page.json().certificateNo);
  });

  it('the zip holds one certificate PDF per completed teacher (not the 英德 trainee who did not complete); others may not have it', async () => {
    expect((await w.req('GET', `/classes/${classA}/certificates.zip`, 'provider2')).statusCode).toBe(404);
    expect((await w.req('GET', `/classes/${classA}/certificates.zip`, 'qingcheng')).statusCode).toBe(403);
    expect((await w.req('GET', `/classes/${classA}/certificates.zip`, 'tq0')).statusCode).toBe(404);
    const res = await w.req('GET', `/classes/${classA}/certificates.zip`, 'provider');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = await zipEntries(res.rawPayload);
    expect(entries).toHaveLength(2);
    const names = await Promise.all([tq0, tq1].map(async (id) => (await teacherRow(id)).name));
    for (const [i, name] of names.entries()) {
      const e = entries.find((x) => x.name.endsWith(`-${name}.pdf`));
      expect(e, name).toBeDefined();
      const text = pdfText(e?.content ?? Buffer.alloc(0));
      expect(text).toContain(name);
      expect(text).toMatch(/验证码：[0-9A-Z]{4}-/);
      if (i === 1) expect(text).toContain(certCode);
    }
    const audit = await w.h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'certificate.bulk_issue')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a certificate revoked by a new completion run revokes its code: the page says revoked; the zip leaves it out', async () => {
    // a session is added that tq0 attends and tq1 misses: the re-run finds tq1 not completed (attendance)
    const session = await w.req('POST', `/classes/${classA}/sessions`, 'provider', {
      date: '2021-09-10',
      startsAt: '14:00',
      endsAt: '17:00',
      title: '补充课次',
    });
    expect(session.statusCode).toBe(201);
    await w.req('POST', `/classes/${classA}/attendance`, 'provider', {
      teacherId: tq0,
      slot: `s${session.json().id}`,
    });
    const run = await w.req('POST', `/classes/${classA}/completion/run`, 'provider');
    expect(run.json().completed).toBe(1);
    const page = await get(`/public/verify/${certCode}`);
    expect(page.json()).toMatchObject({ status: 'revoked', revokedOn: '2021-09-10' });
    const row = await w.h.db
      .selectFrom('verification_codes')
      .select(['revoke_reason', 'revoked_by'])
      .where('code', '=', certCode.replace(/-/g, ''))
      .executeTakeFirstOrThrow();
    expect(row.revoke_reason).toContain('未结业');
    expect(row.revoked_by).not.toBeNull();
    // a certificate's code is not revoked by hand
    expect(
      (await w.req('POST', `/verification-codes/${certCode}/revoke`, 'city', { reason: '单独撤销' }))
        .statusCode,
    ).toBe(409);
    const zip = await zipEntries(
      (await w.req('GET', `/classes/${classA}/certificates.zip`, 'provider')).rawPayload,
    );
    expect(zip).toHaveLength(1);
  });
});

describe('Y-VERIFY-CERT: one standing code per certificate', () => {
  it('five first prints at once create one code, and all five print it', async () => {
    const t = await teacherRow(tq0);
    const county = await w.h.db
      .selectFrom('teachers')
      .select('county_id')
      .where('id', '=', tq0)
      .executeTakeFirstOrThrow();
    const facts = {
      countyId: county.county_id,
      teacherId: tq0,
      teacherName: t.name,
      programmeId: '424242',
      programmeTitle: '并发测试项目',
      classId: '424242',
      certificateNo: '2021-424242-0001',
      hoursTenths: 80,
      issuer: '测试机构',
      issuedOn: '2021-09-10',
    };
    const codes = await Promise.all(
      Array.from({ length: 5 }, () => w.t.services.hours.certificateCode(facts, null)),
    );
    expect(new Set(codes).size).toBe(1);
    const rows = await w.h.db
      .selectFrom('verification_codes')
      .select('code')
      .where('programme_id', '=', '424242')
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('Y-VERIFY-THROTTLE: the public page against enumeration', () => {
  it('10 unknown codes from one address and it waits (429, Retry-After); another address is not held up; an address that opened a code keeps opening it', async () => {
    const valid = (await w.req('POST', `/teachers/${tq0}/transcripts`, 'qingcheng')).headers[
      'x-verification-code'
    ];
    // the owner's phone opens it once
    expect((await get(`/public/verify/${valid}`, '10.9.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await get(`/public/verify/${unknownCode()}`, '10.9.0.1')).statusCode, `miss ${i + 1}`).toBe(
        404,
      );
      // a right code in between gives nothing back to a guesser but does not count either
      if (i === 4) expect((await get(`/public/verify/${valid}`, '10.9.0.1')).statusCode).toBe(200);
    }
    const held = await get(`/public/verify/${unknownCode()}`, '10.9.0.1');
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(held.json().error.message).toContain('查询失败次数过多');
    // the address that opened this code before still opens it; a code it never opened waits
    expect((await get(`/public/verify/${valid}`, '10.9.0.1')).statusCode).toBe(200);
    // a stranger's misses do not shut out a verifier elsewhere
    expect((await get(`/public/verify/${valid}`, '10.9.0.2')).statusCode).toBe(200);
    // malformed codes are answered without a lookup, also while waiting
    expect((await get('/public/verify/XYZ', '10.9.0.1')).statusCode).toBe(400);
    const audit = await w.h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'hours.verify_throttled')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('PUBLIC_URL', () => {
  it('is the address in a 学时证明’s link and QR, whatever Host the issuing request names; a path is refused', async () => {
    const app = await buildApp({
      services: w.t.services,
      logLevel: 'silent',
      publicUrl: 'https://yanxun.example.gov.cn',
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/teachers/${tq1}/transcripts`,
        headers: { ...w.s.qingcheng?.headers, host: 'evil.example.com' },
      });
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain(`https://yanxun.example.gov.cn/verify/${res.headers['x-verification-code']}`);
      expect(text).not.toContain('evil.example.com');
    } finally {
      await app.close();
    }
    expect(loadConfig({ PUBLIC_URL: 'https://yanxun.example.gov.cn/' }).publicUrl).toBe(
      'https://yanxun.example.gov.cn',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'https://yanxun.example.gov.cn/app' })).toThrow();
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ HOST: '10.1.2.3' }).publicUrl).toBe('http://10.1.2.3:3000');
  });

  it('hardening: unset, the printed address is the server’s own, never the Host the issuing request names', async () => {
    const res = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${tq1}/transcripts`,
      headers: { ...w.s.qingcheng?.headers, host: 'verify-yanxun.evil.example' },
    });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`http://127.0.0.1:3000/verify/${res.headers['x-verification-code']}`);
    expect(text).not.toContain('evil.example');
  });

  it('COOKIE_SECURE follows an https:// PUBLIC_URL unless set', () => {
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://yanxun.example.gov.cn' }).cookieSecure).toBe(true);
    expect(
      loadConfig({ PUBLIC_URL: 'https://yanxun.example.gov.cn', COOKIE_SECURE: 'false' }).cookieSecure,
    ).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });
});
