/**
 * The completion run (结业评定): every enrolled teacher of a class evaluated by core evaluateCompletion, and in
 * one transaction holding the programme's certificate counter: results, certificates, revocations and 学时.
 */
import type { CompletionRunResult } from '@yanxun/contracts';
import { COMPLETION_RULE_RUN, certificateNumber, evaluateCompletion, type OutcomeStatus } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { completionCreditKey } from '../../hours';
import { type OutcomesContext, todayOf } from '../context';
import { canRun, loadClass, rowFilter, rulesOf } from '../outcome-access';
import { classCompletion } from './completion-view';

/**
 * Evaluate every enrolled teacher of the class and write, in one transaction holding the programme's
 * certificate counter: the results, certificates for new completers (numbered on from the programme's
 * last number; a revoked one is restored with its number), revocation for those no longer completing,
 * and 学时 (once per teacher and programme; a posting made by completion is reversed when a re-run finds
 * the teacher not completed). Re-running changes nothing when nothing changed.
 */
export async function runCompletion(
  ctx: OutcomesContext,
  actor: Actor,
  classId: string,
): Promise<CompletionRunResult> {
  const { repo, audit } = ctx;
  const c = await loadClass(ctx, classId);
  if (!rowFilter(actor, c)) throw notFound('培训班');
  if (!canRun(actor, c)) throw forbidden('只有承训机构或项目主管部门可以评定结业');
  const day = todayOf(ctx);
  if (day < c.end_date) {
    throw new AppError(
      'VALIDATION_FAILED',
      `结业评定自结业日期 ${c.end_date} 起进行，今天（${day}）还不能评定`,
      { ruleId: COMPLETION_RULE_RUN, endDate: c.end_date, today: day },
    );
  }
  const rules = await rulesOf(ctx, c);
  const summary = await ctx.classes.attendanceSummary(c.id);
  const latest = await repo.latestOfClass(c.id);
  const evaluated = summary.rows.map((t) => {
    const outcomes: Record<string, { status: OutcomeStatus; score: number | null }> = {};
    for (const s of latest) {
      if (s.teacher_id === t.teacherId) {
        outcomes[s.requirement] = { status: s.status as OutcomeStatus, score: s.score };
      }
    }
    const r = evaluateCompletion(
      { sessions: summary.sessions, attended: t.attended, approvedLeave: t.approvedLeave, outcomes },
      rules.pack,
      rules.programme.projectTypeCode,
      rules.programme.trackCode,
    );
    return { t, r };
  });
  const digits = rules.rules.certificateSeqDigits.value;
  const stats = await ctx.db.transaction().execute(async (trx) => {
    let last = await repo.lockCounter(c.programme_id, trx);
    await repo.upsertResults(
      evaluated.map(({ t, r }) => ({
        countyId: t.countyId,
        classId: c.id,
        teacherId: t.teacherId,
        programmeId: c.programme_id,
        orgPath: t.orgPath,
        completed: r.completed,
        attendancePct: r.attendancePct,
        checks: r.checks,
        hoursTenths: r.hoursTenths,
        evaluatedBy: actor.accountId,
      })),
      trx,
    );
    const ids = evaluated.map((e) => e.t.teacherId);
    const certs = new Map(
      (await repo.certificatesOfProgramme(c.programme_id, ids, trx)).map((x) => [x.teacher_id, x]),
    );
    const fresh = evaluated
      .filter((e) => e.r.completed && !certs.has(e.t.teacherId))
      .sort(
        (a, b) => a.t.orgPath.localeCompare(b.t.orgPath) || Number(a.t.teacherId) - Number(b.t.teacherId),
      );
    const newCerts = fresh.map((e) => {
      last += 1;
      return {
        programmeId: c.programme_id,
        seq: last,
        no: certificateNumber(rules.programme.year, c.programme_id, last, digits),
        countyId: e.t.countyId,
        teacherId: e.t.teacherId,
        classId: c.id,
      };
    });
    await repo.insertCertificates(newCerts, trx);
    if (newCerts.length > 0) await repo.setCounter(c.programme_id, last, trx);
    const notCompleted = evaluated.filter((e) => !e.r.completed).map((e) => e.t.teacherId);
    await repo.setRevoked(c.programme_id, notCompleted, true, trx);
    // a revoked certificate's verification code is revoked with it (the public page says 已撤销)
    const codesRevoked = await ctx.codes.revokeCertificateCodes(
      c.programme_id,
      notCompleted,
      { by: actor.accountId, reason: '重新评定为未结业，结业证书撤销' },
      trx,
    );
    await repo.setRevoked(
      c.programme_id,
      evaluated.filter((e) => e.r.completed).map((e) => e.t.teacherId),
      false,
      trx,
    );
    const creditKey = completionCreditKey(c.programme_id);
    const posted = await ctx.hours.postCredits(
      evaluated
        .filter((e) => e.r.hoursTenths > 0)
        .map((e) => ({
          countyId: e.t.countyId,
          teacherId: e.t.teacherId,
          orgPath: e.t.orgPath,
          amountTenths: e.r.hoursTenths,
          category: 'centralized' as const,
          occurredOn: c.end_date,
          source: 'completion' as const,
          creditKey,
          ruleId: e.r.hoursRuleId,
          programmeId: c.programme_id,
          classId: c.id,
          postedBy: actor.accountId,
        })),
      trx,
    );
    // judged again as not completed: the hours posted before are reversed (a reversal entry, the posting stays)
    await ctx.hours.reverseCredits(
      creditKey,
      evaluated.filter((e) => e.r.hoursTenths === 0).map((e) => e.t.teacherId),
      { by: actor.accountId, reason: '重新评定为未结业，学时撤销' },
      trx,
    );
    await audit.record(
      actor,
      {
        action: 'completion.run',
        entity: 'class',
        entityId: c.id,
        details: {
          evaluated: evaluated.length,
          completed: evaluated.filter((e) => e.r.completed).length,
          certificatesIssued: newCerts.length,
          hoursPosted: posted,
          codesRevoked,
        },
      },
      trx,
    );
    return { certificatesIssued: newCerts.length, hoursPosted: posted };
  });
  const view = await classCompletion(ctx, actor, rules);
  return {
    ...view,
    evaluated: evaluated.length,
    completed: evaluated.filter((e) => e.r.completed).length,
    ...stats,
  };
}
