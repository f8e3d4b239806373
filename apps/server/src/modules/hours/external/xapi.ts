/**
 * Online study as xAPI statements (issue 12 item 4): a registered platform POSTs statements as the xAPI spec
 * defines them, authenticated by HTTP Basic (user = platform id, password = its token; only the token's sha256 is
 * stored). A teacher is identified by `actor.account.name` = their 身份证号 (the account's homePage is the
 * platform's own and is not interpreted); `mbox` identifies no teacher. Verbs and the 学时 a duration is worth are
 * the pack's rule (Y-HOURS-XAPI). A batch is all or nothing: every statement is checked before any is written.
 * A statement id is taken once: a replay is answered with its id and counts once; the same id with other content
 * is 409, as the spec says. A voiding statement (verb voided, object a StatementRef) cancels an earlier statement
 * of the same platform (Y-HOURS-XAPI-VOID): see `applyVoid`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CreateXapiPlatformRequest, HourCategoryCode, XapiPlatformCreated } from '@yanxun/contracts';
import {
  dateIn,
  HOURS_RULE_XAPI,
  HOURS_RULE_XAPI_VOID,
  type HourRules,
  parseIdNumber,
  schoolYearOf,
  XAPI_VERB_VOIDED,
  xapiRulesOf,
  xapiTenths,
} from '@yanxun/core';
import type { Database } from '../../../db/database';
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
  kind: 'credit';
  id: string;
  verb: string;
  category: HourCategoryCode;
  seconds: number;
  tenths: number;
  occurredOn: string;
  teacher: ExternalTeacher;
}

/** A voiding statement: the id of the statement it voids (`object.id` of its StatementRef). */
interface Voiding {
  kind: 'void';
  id: string;
  voids: string;
  occurredOn: string;
}

type CreditShape = Omit<Checked, 'teacher'> & { idNumber: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The day a statement happened in Asia/Shanghai: its timestamp's, else today. */
function occurredOnOf(ctx: ExternalContext, s: Record<string, unknown>, i: number): string {
  if (s.timestamp === undefined) return dateIn(ctx.now(), 'Asia/Shanghai');
  const t = typeof s.timestamp === 'string' ? new Date(s.timestamp) : new Date(Number.NaN);
  if (Number.isNaN(t.getTime())) throw bad(i, 'timestamp 不是 ISO 8601 时间', { field: 'timestamp' });
  if (t.getTime() > ctx.now().getTime() + 5 * 60_000)
    throw bad(i, 'timestamp 晚于现在', { field: 'timestamp' });
  return dateIn(t, 'Asia/Shanghai');
}

/**
 * A voiding statement's shape (xAPI 1.0.3, "Voided"): its object is a StatementRef naming the statement voided.
 * Its actor is whoever voids (not interpreted); it carries no 学时, so result is ignored.
 */
function checkVoidShape(ctx: ExternalContext, s: Record<string, unknown>, id: string, i: number): Voiding {
  const o = s.object;
  const voids = isObject(o) && typeof o.id === 'string' ? o.id.toLowerCase() : '';
  if (!isObject(o) || o.objectType !== 'StatementRef' || !UUID.test(voids))
    throw bad(i, '作废语句的 object 应为 StatementRef，其 id 为要作废的语句 id（UUID）', {
      field: 'object',
      ruleId: HOURS_RULE_XAPI_VOID,
    });
  if (voids === id) throw bad(i, '语句不能作废自己', { field: 'object.id', ruleId: HOURS_RULE_XAPI_VOID });
  return { kind: 'void', id, voids, occurredOn: occurredOnOf(ctx, s, i) };
}

/** Check one statement against the spec's shape and the pack's rule; its id number is resolved later. */
function checkShape(ctx: ExternalContext, rules: HourRules, s: unknown, i: number): CreditShape | Voiding {
  const rule = xapiRulesOf(rules);
  if (!isObject(s)) throw bad(i, '应为 xAPI 语句对象');
  const id = typeof s.id === 'string' ? s.id.toLowerCase() : '';
  if (!UUID.test(id)) throw bad(i, '缺少语句 id（UUID）：重发时按 id 只计一次', { field: 'id' });
  const actor = s.actor;
  if (!isObject(actor)) throw bad(i, '缺少 actor', { field: 'actor' });
  const verb = isObject(s.verb) && typeof s.verb.id === 'string' ? s.verb.id : '';
  if (verb === XAPI_VERB_VOIDED) return checkVoidShape(ctx, s, id, i);
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
  const occurredOn = occurredOnOf(ctx, s, i);
  return { kind: 'credit', id, verb, category, seconds, tenths, occurredOn, idNumber: idn.value.idNumber };
}

/**
 * Void a statement (Y-HOURS-XAPI-VOID), in the batch's transaction. The statement voided must be one this platform
 * sent (an unknown id or another platform's reads alike: 400) and not itself a voiding statement (the spec: a
 * voiding statement cannot be voided). Its posting is reversed through the ledger, with the reason; the voided
 * statement stays stored. The voiding statement is taken once like any other: a replay counts once, the same id
 * voiding another statement is 409; a second voiding statement of a statement already voided changes nothing.
 * The spec lets an LRS accept a void of a statement it has not seen; Yanxun refuses it, since nothing would later
 * apply it to a statement that arrives after.
 */
async function applyVoid(
  ctx: ExternalContext,
  platform: Platform,
  v: Voiding,
  i: number,
  trx: Database,
): Promise<void> {
  const target = await ctx.repo.findStatement(v.voids, trx);
  if (!target || target.platform_id !== platform.id)
    throw bad(i, `要作废的语句 ${v.voids} 未知：本平台没有报送过该 id 的语句`, {
      field: 'object.id',
      ruleId: HOURS_RULE_XAPI_VOID,
    });
  if (target.verb === XAPI_VERB_VOIDED)
    throw bad(i, `语句 ${v.voids} 本身是作废语句，不能再被作废`, {
      field: 'object.id',
      ruleId: HOURS_RULE_XAPI_VOID,
    });
  const fresh = await ctx.repo.takeStatement(
    {
      statementId: v.id,
      platformId: platform.id,
      teacherId: target.teacher_id,
      verb: XAPI_VERB_VOIDED,
      durationSeconds: 0,
      amountTenths: 0,
      occurredOn: v.occurredOn,
      voids: v.voids,
    },
    trx,
  );
  // read after taking the id: a concurrent replay has committed by then, and its reversal is seen
  const live = await ctx.ledger.live(`xapi:${v.voids}`, [target.teacher_id], trx);
  if (!fresh) {
    const before = await ctx.repo.findStatement(v.id, trx);
    // a true replay: the same platform voiding the same statement (whose posting it reversed then)
    if (!before || before.platform_id !== platform.id || before.voids_statement_id !== v.voids)
      throw new AppError('CONFLICT', `语句 id ${v.id} 已用于另一条内容不同的语句`, { statementId: v.id });
    return;
  }
  if (live.length === 0) return;
  await ctx.ledger.reverse(
    live.map((e) => ({ countyId: e.county_id, id: e.id })),
    { by: null, reason: `来源平台作废了这条学习记录（作废语句 ${v.id}）`, at: ctx.now() },
    trx,
  );
  await ctx.audit.record(
    null,
    {
      action: 'hours.xapi.void',
      entity: 'xapi_statements',
      entityId: v.voids,
      details: { platformId: platform.id, system: platform.system, voidingStatementId: v.id },
    },
    trx,
  );
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
  // the rules in force for the platform's unit (Y-HOURS-PACK-IN-FORCE)
  const rules = await ctx.rulesFor(platform.org_path, dateIn(ctx.now(), 'Asia/Shanghai'));
  const shapes = list.map((s, i) => checkShape(ctx, rules, s, i));
  const ids = new Set<string>();
  shapes.forEach((s, i) => {
    if (ids.has(s.id)) throw bad(i, `语句 id ${s.id} 在本次提交中重复`, { field: 'id' });
    ids.add(s.id);
  });
  const credits = shapes.filter((s): s is CreditShape => s.kind === 'credit');
  const teachers = await ctx.teachers.findByIdNumbers([...new Set(credits.map((s) => s.idNumber))]);
  const checked: Array<Checked | Voiding> = shapes.map((s, i) => {
    if (s.kind === 'void') return s;
    const t = teachers.get(s.idNumber);
    if (!t?.org_path.startsWith(platform.org_path))
      throw bad(i, '学习者未知：该身份证号不是本平台可报送的教师', { field: 'actor.account.name' });
    return { ...s, teacher: t };
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, c] of checked.entries()) {
      if (c.kind === 'void') {
        await applyVoid(ctx, platform, c, i, trx);
        continue;
      }
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
            schoolYear: schoolYearOf(c.occurredOn, rules.schoolYearStart.value),
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
