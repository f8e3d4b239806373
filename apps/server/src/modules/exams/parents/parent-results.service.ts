/**
 * The parent view (Y-EXAM-PARENT-CODE): a student id and the access code the school handed out → that student's
 * own results. Wrong codes are throttled in the database (modules/throttle), so every server agrees, and never so
 * that a stranger can shut the rightful parent out:
 * - student + address: `maxFailures` wrong codes for one student id from one client address → that address waits
 *   `lockMinutes` for that student; each further failure after a wait doubles it, up to 24 h; forgotten 24 h after
 *   the last failure or wait; the right code, or a code the school reissues, clears it. Another address — the
 *   parent's — has its own count.
 * - address: `maxFailuresPerClient` wrong codes from one address for any student ids → the address waits, with the
 *   same doubling, for every student it has not opened before; forgotten after `lockMinutes` of quiet.
 * There is deliberately no limit per student across addresses: it would let anyone lock a chosen child. The code's
 * ≈ 40 bits keep a spread-out guesser hopeless (10,000 addresses × ~20 tries a day ≈ 2·10^5 of 10^12 codes).
 * An unknown student id counts, waits and answers exactly like a wrong code (the keys are the typed id).
 */
import { timingSafeEqual } from 'node:crypto';
import type { ParentResults, ParentResultsRequest } from '@yanxun/contracts';
import {
  type ExamKind,
  type GradeCut,
  normaliseAccessCode,
  type ParentAccessRule,
  parentResults as parentView,
} from '@yanxun/core/exams';
import { AppError } from '../../../shared/app-error';
import {
  addressKey,
  blockedUntil,
  type KeyState,
  knownKey,
  secondsUntil,
  type ThrottleRule,
  throttleKey,
  waitText,
} from '../../throttle';
import type { ExamReleaseContext } from '../context';
import { labelsOf } from '../release/exam-labels';
import { type ClientInfo, hashAccessCode, studentSubject } from './parent-codes';

const HOUR = 3_600_000;
const MAX_WAIT_MS = 24 * HOUR;

export function parentThrottleRules(rule: ParentAccessRule): { pair: ThrottleRule; address: ThrottleRule } {
  const blockMs = rule.lockMinutes * 60_000;
  const base = { blockMs, maxBlockMs: Math.max(blockMs, MAX_WAIT_MS) };
  return {
    pair: { scope: 'parent.student_address', limit: rule.maxFailures, windowMs: 24 * HOUR, ...base },
    address: { scope: 'parent.address', limit: rule.maxFailuresPerClient, windowMs: blockMs, ...base },
  };
}

function wrongCode(rule: ParentAccessRule, left: number): AppError {
  return new AppError(
    'INVALID_CREDENTIALS',
    left > 0 ? `学号或访问码不正确，还可尝试 ${left} 次` : `学号或访问码不正确`,
    { ruleId: rule.ruleId, attemptsLeft: left },
  );
}

function throttled(rule: ParentAccessRule, until: Date, at: Date): AppError {
  const s = secondsUntil(until, at);
  return new AppError(
    'RATE_LIMITED',
    `访问码输错次数过多，请 ${waitText(s)}后再试；如访问码遗失，请联系学校重新发放`,
    { ruleId: rule.ruleId, retryAfterSeconds: s, retryAt: until.toISOString() },
  );
}

/** Tries left before a wait, over the limits that apply to this request. */
function triesLeft(rules: { pair: ThrottleRule; address: ThrottleRule }, states: KeyState[]): number {
  const limits = [rules.pair.limit, rules.address.limit];
  return Math.max(0, Math.min(...states.map((s, i) => (limits[i] ?? 0) - s.failures)));
}

/** A parent's view of their own child: student id + access code, nothing else is reachable. */
export async function parentResults(
  ctx: ExamReleaseContext,
  req: ParentResultsRequest,
  client: ClientInfo,
): Promise<ParentResults> {
  const { repo, audit, throttle, policy } = ctx;
  const rule = policy.parentAccess;
  const rules = parentThrottleRules(rule);
  const at = ctx.now();
  const studentId = req.studentId.trim();
  const where = addressKey(client.ip);
  const pair = throttleKey(rules.pair, [studentId, where], studentSubject(studentId));
  const address = throttleKey(rules.address, [where]);
  const known = knownKey('parent.known', [studentId, where]);
  // an address that has opened this student before is held only to its own (student, address) count
  const [knownState] = await throttle.state([known], at);
  const isKnown = knownState?.seen === true;
  const attempt = await throttle.attempt(isKnown ? [pair] : [pair, address], at);
  if (attempt.refusedUntil) throw throttled(rule, attempt.refusedUntil, at);

  const code = normaliseAccessCode(req.code, rule.codeLength);
  const rows = await repo.codesOfStudent(studentId);
  const key = await ctx.codeSecret();
  const match = code
    ? rows.find((r) => {
        const want = Buffer.from(r.code_hash, 'hex');
        const given = Buffer.from(hashAccessCode(key, r.county_id, r.student_id, code), 'hex');
        return want.length === given.length && timingSafeEqual(want, given);
      })
    : undefined;

  if (!match) {
    const after = attempt.counted;
    const until = blockedUntil(after, at);
    const pairUntil = blockedUntil(after.slice(0, 1), at);
    if (pairUntil)
      for (const r of rows)
        await audit.record(null, {
          action: 'exam.parent_code_locked',
          entity: 'exam_student',
          entityId: `${r.county_id}:${r.student_id}`,
          orgId: r.school_id,
          details: {
            ip: client.ip,
            requestId: client.requestId,
            failures: after[0]?.failures,
            retryAfterSeconds: secondsUntil(pairUntil, at),
          },
        });
    if (until && !pairUntil)
      await audit.record(null, {
        action: 'exam.parent_address_throttled',
        entity: 'address',
        details: {
          ip: client.ip,
          requestId: client.requestId,
          failures: after[1]?.failures,
          retryAfterSeconds: secondsUntil(until, at),
        },
      });
    if (until) throw throttled(rule, until, at);
    throw wrongCode(rule, triesLeft(rules, after));
  }

  await throttle.succeed(attempt, [pair]);
  await throttle.remember(known, at);
  const exams = await repo.childExams(match.county_id, match.student_id);
  const out = parentView(
    exams.map((e) => ({
      examId: e.exam_id,
      name: e.name,
      semester: e.semester,
      stage: e.stage,
      subject: e.subject,
      gradeLevel: e.grade,
      kind: e.kind as ExamKind,
      examDate: e.exam_date,
      fullMarks: e.full_marks,
      absent: e.absent,
      total: e.total,
      gradeCuts:
        ((e.report_settings as { gradeCuts?: GradeCut[] } | null)?.gradeCuts as GradeCut[] | undefined) ??
        policy.gradeCuts,
    })),
    policy,
  );
  await audit.record(null, {
    action: 'exam.parent_read',
    entity: 'exam_student',
    entityId: `${match.county_id}:${match.student_id}`,
    orgId: match.school_id,
    details: {
      studentId: match.student_id,
      exams: exams.map((e) => e.exam_id),
      ip: client.ip,
      requestId: client.requestId,
    },
  });
  return {
    studentId: match.student_id,
    labels: Object.fromEntries(exams.map((e) => [e.exam_id, labelsOf(e.stage, e.subject)])),
    ...out,
  };
}
