/**
 * Online study as xAPI statements (issue 12 item 4): a registered platform POSTs statements as the xAPI spec
 * defines them, authenticated by HTTP Basic (user = platform id, password = its token; only the token's sha256 is
 * stored). A teacher is identified by `actor.account.name` = their 身份证号 (the account's homePage is the
 * platform's own and is not interpreted); `mbox` identifies no teacher. Verbs and the 学时 a duration is worth are
 * the pack's rule (Y-HOURS-XAPI). A batch is all or nothing: every statement is checked before any is written.
 * A statement id is taken once: a replay is answered with its id and counts once; the same id with other content
 * is 409, as the spec says.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CreateXapiPlatformRequest, HourCategoryCode, XapiPlatformCreated } from '@yanxun/contracts';
import { dateIn, HOURS_RULE_XAPI, parseIdNumber, schoolYearOf, xapiRulesOf, xapiTenths } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import type { ExternalContext } from './context';
import type { ExternalTeacher } from './ports';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STATEMENTS = 100;

/** A system administrator registers a platform; the token is answered this once. */
export async function createPlatform(
  ctx: ExternalContext,
  actor: Actor,
  req: CreateXapiPlatformRequest,
): Promise<XapiPlatformCreated> {
  requirePermission(actor, 'hours.platforms');
  const orgPath = isId(req.orgId) ? await ctx.orgs.pathOf(req.orgId) : undefined;
  if (!orgPath) throw notFound('单位');
  requirePermission(actor, 'hours.platforms', orgPath);
  const token = randomBytes(32).toString('base64url');
  const id = await ctx.repo.createPlatform({
    name: req.name,
    system: req.system,
    orgPath,
    tokenSha256: sha256(token),
    createdBy: actor.accountId,
  });
  await ctx.audit.record(actor, {
    action: 'hours.platform.create',
    entity: 'xapi_platforms',
    entityId: id,
    details: { name: req.name, system: req.system, orgPath },
  });
  return { id, name: req.name, token };
}

export interface Platform {
  id: string;
  system: string;
  org_path: string;
}

const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', '平台凭据无效：请用 HTTP Basic 认证（用户名为平台编号，密码为平台令牌）');

/** The platform an `Authorization: Basic …` header names, if its token is right. */
export async function authenticatePlatform(
  ctx: ExternalContext,
  header: string | undefined,
): Promise<Platform> {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m?.[1]) throw unauthenticated();
  const [id, token] = Buffer.from(m[1], 'base64').toString('utf8').split(':', 2);
  if (!id || !token || !isId(id)) throw unauthenticated();
  const p = await ctx.repo.findPlatform(id);
  const want = Buffer.from(p?.token_sha256 ?? '0'.repeat(64), 'hex');
  const got = Buffer.from(sha256(token), 'hex');
  if (!p || !timingSafeEqual(want, got)) throw unauthenticated();
  return { id: p.id, system: p.system, org_path: p.org_path };
}

const bad = (i: number, message: string, details: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `第 ${i + 1} 条语句：${message}`, { statement: i, ...details });

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration of days, hours, minutes and seconds → seconds; undefined when malformed. */
export function durationSeconds(s: string): number | undefined {
  const m = DURATION.exec(s);
  if (!m || s === 'P' || s.endsWith('T')) return undefined;
  const [d, h, min, sec] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? 0 : Number(x)));
  return Math.round((d ?? 0) * 86_400 + (h ?? 0) * 3_600 + (min ?? 0) * 60 + (sec ?? 0));
}

interface Checked {
  id: string;
  verb: string;
  category: HourCategoryCode;
  seconds: number;
  tenths: number;
  occurredOn: string;
  teacher: ExternalTeacher;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check one statement against the spec's shape and the pack's rule; its id number is resolved later. */
function checkShape(
  ctx: ExternalContext,
  s: unknown,
  i: number,
): Omit<Checked, 'teacher'> & { idNumber: string } {
  const rule = xapiRulesOf(ctx.rules);
  if (!isObject(s)) throw bad(i, '应为 xAPI 语句对象');
  const id = typeof s.id === 'string' ? s.id.toLowerCase() : '';
  if (!UUID.test(id)) throw bad(i, '缺少语句 id（UUID）：重发时按 id 只计一次', { field: 'id' });
  const actor = s.actor;
  if (!isObject(actor)) throw bad(i, '缺少 actor', { field: 'actor' });
  const account = actor.account;
  if (!isObject(account) || typeof account.name !== 'string') {
    const how = actor.mbox !== undefined ? '以 mbox（邮箱）标识的学习者无法对应教师；' : '';
    throw bad(i, `${how}请用 actor.account.name 传教师的身份证号`, { field: 'actor.account.name' });
  }
  const idn = parseIdNumber(account.name);
  if (!idn.ok)
    throw bad(i, `学习者未知：actor.account.name 不是有效的身份证号（${idn.message}）`, {
      field: 'actor.account.name',
    });
  const verb = isObject(s.verb) && typeof s.verb.id === 'string' ? s.verb.id : '';
  const category = rule.verbs.value[verb];
  if (!category)
    throw bad(
      i,
      `动词 ${verb || '（空）'} 不计学时：只接受 ${Object.keys(rule.verbs.value).join('、')}（${rule.verbs.ruleId}）`,
      {
        field: 'verb.id',
      },
    );
  const raw = isObject(s.result) && typeof s.result.duration === 'string' ? s.result.duration : undefined;
  const seconds = raw === undefined ? undefined : durationSeconds(raw);
  if (seconds === undefined)
    throw bad(i, `result.duration “${raw ?? ''}” 不是 ISO 8601 时长（如 PT1H30M）`, {
      field: 'result.duration',
    });
  const tenths = xapiTenths(seconds, rule.minutesPerHour.value);
  if (tenths <= 0)
    throw bad(i, `时长 ${raw} 不足 0.1 学时（${rule.minutesPerHour.ruleId}）`, { field: 'result.duration' });
  if (tenths > rule.maxStatementTenths.value)
    throw bad(i, `时长 ${raw} 超过一条记录 ${rule.maxStatementTenths.value / 10} 学时的上限`, {
      field: 'result.duration',
    });
  let occurredOn = dateIn(ctx.now(), 'Asia/Shanghai');
  if (s.timestamp !== undefined) {
    const t = typeof s.timestamp === 'string' ? new Date(s.timestamp) : new Date(Number.NaN);
    if (Number.isNaN(t.getTime())) throw bad(i, 'timestamp 不是 ISO 8601 时间', { field: 'timestamp' });
    if (t.getTime() > ctx.now().getTime() + 5 * 60_000)
      throw bad(i, 'timestamp 晚于现在', { field: 'timestamp' });
    occurredOn = dateIn(t, 'Asia/Shanghai');
  }
  return { id, verb, category, seconds, tenths, occurredOn, idNumber: idn.value.idNumber };
}

/** Take statements: the ids in order (a replay included), or the first problem (nothing written). */
export async function postStatements(
  ctx: ExternalContext,
  platform: Platform,
  body: unknown,
): Promise<string[]> {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0 || list.length > MAX_STATEMENTS)
    throw new AppError('VALIDATION_FAILED', `一次应提交 1 至 ${MAX_STATEMENTS} 条语句`);
  const shapes = list.map((s, i) => checkShape(ctx, s, i));
  const ids = new Set<string>();
  shapes.forEach((s, i) => {
    if (ids.has(s.id)) throw bad(i, `语句 id ${s.id} 在本次提交中重复`, { field: 'id' });
    ids.add(s.id);
  });
  const teachers = await ctx.teachers.findByIdNumbers([...new Set(shapes.map((s) => s.idNumber))]);
  const checked: Checked[] = shapes.map((s, i) => {
    const t = teachers.get(s.idNumber);
    if (!t?.org_path.startsWith(platform.org_path))
      throw bad(i, '学习者未知：该身份证号不是本平台可报送的教师', { field: 'actor.account.name' });
    return { ...s, teacher: t };
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of checked) {
      const fresh = await ctx.repo.takeStatement(
        {
          statementId: c.id,
          platformId: platform.id,
          teacherId: c.teacher.id,
          verb: c.verb,
          durationSeconds: c.seconds,
          amountTenths: c.tenths,
          occurredOn: c.occurredOn,
        },
        trx,
      );
      if (!fresh) {
        const before = await ctx.repo.findStatement(c.id, trx);
        if (
          !before ||
          before.teacher_id !== c.teacher.id ||
          before.verb !== c.verb ||
          before.duration_seconds !== c.seconds
        )
          throw new AppError('CONFLICT', `语句 id ${c.id} 已用于另一条内容不同的语句`, { statementId: c.id });
        continue;
      }
      await ctx.ledger.post(
        [
          {
            countyId: c.teacher.county_id,
            teacherId: c.teacher.id,
            orgPath: c.teacher.org_path,
            amountTenths: c.tenths,
            category: c.category,
            occurredOn: c.occurredOn,
            schoolYear: schoolYearOf(c.occurredOn, ctx.rules.schoolYearStart.value),
            source: 'xapi',
            creditKey: `xapi:${c.id}`,
            ruleId: HOURS_RULE_XAPI,
            provenanceSystem: platform.system,
            provenanceRecord: c.id,
            postedBy: null,
          },
        ],
        ctx.now(),
        trx,
      );
    }
  });
  return checked.map((c) => c.id);
}
