/**
 * Issuing a teacher's 学时证明 (Y-VERIFY-TRANSCRIPT): a bureau over the teacher (hours.certify) issues it in its
 * own name — the org its role sits on, the nearest one above the teacher — from the teacher's record as `hoursOf`
 * evaluates it today. Each issue is a document of its own with a new code and its facts frozen (a later issue
 * supersedes nothing); the issue is audited. Staff list a teacher's issued documents to revoke one.
 */
import type { IssuedDocument, IssuedDocuments } from '@yanxun/contracts';
import { formatVerificationCode, maskIdTail } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { PERMISSIONS, requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import type { HoursContext } from '../context';
import { hoursOf } from '../transcript';
import { newVerificationCode, toIssued } from './document-codes';
import { countedPostings, renderTranscriptPdf } from './transcript-pdf';

export const TRANSCRIPT_TITLE = '学时证明';
export const TRANSCRIPT_RULE = 'Y-VERIFY-TRANSCRIPT';

/** The actor's grant that issues for a teacher at `orgPath`: hours.certify, the nearest org above the teacher. */
function issuerFor(actor: Actor, orgPath: string) {
  const roles: readonly string[] = PERMISSIONS['hours.certify'];
  return actor.grants
    .filter((g) => roles.includes(g.role) && orgPath.startsWith(g.orgPath))
    .sort((a, b) => b.orgPath.length - a.orgPath.length)[0];
}

/** The issuing bureau's name: a region's node is its 教育局 (清城区 → 清城区教育局). */
export function issuerName(g: { orgName: string; orgKind: string }): string {
  const region = ['province', 'city', 'county'].includes(g.orgKind);
  return region && !g.orgName.endsWith('局') ? `${g.orgName}教育局` : g.orgName;
}

/** A teacher the actor may certify: the people module decides who is visible, out of scope reads as unknown. */
export async function certifiable(ctx: HoursContext, actor: Actor, teacherId: string) {
  requirePermission(actor, 'hours.certify');
  const t = await ctx.people.detail(actor, teacherId);
  const card = await ctx.people.cardOf(t.id);
  const issuer = card && issuerFor(actor, card.orgPath);
  if (!card || !issuer) throw notFound('教师');
  return { t, card, issuer };
}

export async function issueTranscript(
  ctx: HoursContext,
  actor: Actor,
  teacherId: string,
  origin: string,
): Promise<IssuedTranscript> {
  const { t, card, issuer } = await certifiable(ctx, actor, teacherId);
  return issue(ctx, actor, { t, card, issuer: { orgId: issuer.orgId, name: issuerName(issuer) } }, origin);
}

/** Self-issued 学时证明 a teacher may print a day (Y-HOURS-SELF-TRANSCRIPT). */
export const SELF_TRANSCRIPTS_A_DAY = 5;
export const SELF_TRANSCRIPT_RULE = 'Y-HOURS-SELF-TRANSCRIPT';

/**
 * A teacher prints their own 学时证明 (Y-HOURS-SELF-TRANSCRIPT): the same document a bureau issues, in the name of
 * the teacher's county bureau, from the ledger as it stands; at most SELF_TRANSCRIPTS_A_DAY a day, each audited.
 */
export async function issueOwnTranscript(
  ctx: HoursContext,
  actor: Actor,
  origin: string,
): Promise<IssuedTranscript> {
  requirePermission(actor, 'hours.transcript.self');
  if (actor.teacherId === null)
    throw new AppError('FORBIDDEN', '只有关联了教师档案的账号可以打印本人学时证明');
  const t = await ctx.people.detail(actor, actor.teacherId);
  const card = await ctx.people.cardOf(t.id);
  if (!card) throw notFound('教师');
  const today = dateOf(ctx.now());
  const mineToday = (await ctx.docs.documentsOf(t.id)).filter(
    (d) => d.kind === 'transcript' && d.issued_by === actor.accountId && d.issued_on === today,
  );
  if (mineToday.length >= SELF_TRANSCRIPTS_A_DAY)
    throw new AppError(
      'RATE_LIMITED',
      `每天最多自助打印 ${SELF_TRANSCRIPTS_A_DAY} 份学时证明，今天已打印 ${mineToday.length} 份；已打印的证明仍然有效，可凭验证码核验`,
      { ruleId: SELF_TRANSCRIPT_RULE, limit: SELF_TRANSCRIPTS_A_DAY },
    );
  const county = issuerName({
    orgName: t.countyName ?? t.schoolName,
    orgKind: t.countyName ? 'county' : 'school',
  });
  return issue(ctx, actor, { t, card, issuer: { orgId: card.countyId, name: county } }, origin);
}

type IssuedTranscript = { name: string; content: Buffer; code: string };

/** Render, record and audit one 学时证明 for the teacher, issued in `issuer`'s name. */
async function issue(
  ctx: HoursContext,
  actor: Actor,
  who: {
    t: Awaited<ReturnType<HoursContext['people']['detail']>>;
    card: NonNullable<Awaited<ReturnType<HoursContext['people']['cardOf']>>>;
    issuer: { orgId: string; name: string };
  },
  origin: string,
): Promise<IssuedTranscript> {
  const { t, card, issuer } = who;
  const record = await hoursOf(ctx, t.id, false, t.rolesHeld);
  const code = newVerificationCode();
  const at = ctx.now();
  const issuedOn = dateOf(at);
  const years = record.standing.years
    .filter((y) => y.countedTenths > 0)
    .map((y) => ({ schoolYear: y.schoolYear, countedTenths: y.countedTenths }));
  const content = await renderTranscriptPdf(record, {
    teacherName: t.name,
    idMasked: maskIdTail(card.idTail),
    schoolName: t.schoolName,
    issuer: issuer.name,
    issuedOn,
    code,
    verifyUrl: `${origin}/verify/${formatVerificationCode(code)}`,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.docs.insert(
      {
        countyId: card.countyId,
        code,
        kind: 'transcript',
        teacherId: t.id,
        teacherName: t.name,
        title: TRANSCRIPT_TITLE,
        hoursTenths: record.totalTenths,
        issuerName: issuer.name,
        issuerOrgId: issuer.orgId,
        issuedOn,
        details: {
          ruleId: TRANSCRIPT_RULE,
          postings: countedPostings(record).length,
          years,
          cycle: {
            schoolYears: record.standing.cycle.schoolYears,
            countedTenths: record.standing.cycle.countedTenths,
            targetTenths: record.standing.cycle.targetTenths,
          },
        },
        issuedBy: actor.accountId,
        issuedAt: at,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'hours.transcript_issue',
        entity: 'teacher',
        entityId: t.id,
        orgId: issuer.orgId,
        details: {
          code: formatVerificationCode(code),
          hoursTenths: record.totalTenths,
          issuer: issuer.name,
        },
      },
      trx,
    );
  });
  return { name: `学时证明-${t.name}-${issuedOn}.pdf`, content, code: formatVerificationCode(code) };
}

/** The documents issued for a teacher (transcripts and certificates), for those who may certify them. */
export async function documentsOfTeacher(
  ctx: HoursContext,
  actor: Actor,
  teacherId: string,
): Promise<IssuedDocuments> {
  const { t } = await certifiable(ctx, actor, teacherId);
  return { items: (await ctx.docs.documentsOf(t.id)).map(toIssued) };
}

/** The documents issued for a teacher, newest first, without authorization: for a module that decided (the
 * growth archive shows the teacher their own and staff who may read the teacher). */
export async function issuedDocumentsOf(ctx: HoursContext, teacherId: string): Promise<IssuedDocument[]> {
  return (await ctx.docs.documentsOf(teacherId)).map(toIssued);
}
