/**
 * Issuing a teacher's 学时证明 (Y-VERIFY-TRANSCRIPT): a bureau over the teacher (hours.certify) issues it in its
 * own name — the org its role sits on, the nearest one above the teacher — from the teacher's record as `hoursOf`
 * evaluates it today. Each issue is a document of its own with a new code and its facts frozen (a later issue
 * supersedes nothing); the issue is audited. Staff list a teacher's issued documents to revoke one.
 */
import type { IssuedDocument, IssuedDocuments } from '@yanxun/contracts';
import { formatVerificationCode, maskIdTail } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
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
): Promise<{ name: string; content: Buffer; code: string }> {
  const { t, card, issuer } = await certifiable(ctx, actor, teacherId);
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
    issuer: issuerName(issuer),
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
        issuerName: issuerName(issuer),
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
          issuer: issuerName(issuer),
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
