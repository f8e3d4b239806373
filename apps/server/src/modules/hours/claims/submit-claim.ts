/**
 * A teacher claims 学时 with evidence: the claim is checked against core's rules (nothing written on a refusal),
 * each file by its content (PDF / JPG / PNG, named for what it is, within the size limit), then — under a lock per
 * file hash and certificate, so two claims of the same certificate at once are judged one after the other — no
 * other live claim may hold the same file or certificate, whoever's it is.
 */
import { createHash } from 'node:crypto';
import { type CreateHourClaim, createHourClaimSchema, type HourClaim } from '@yanxun/contracts';
import {
  CLAIM_EVIDENCE_KINDS,
  CLAIM_EVIDENCE_MAX_FILES,
  type ClaimEvidenceKind,
  certificateKey,
  checkClaim,
  claimRulesOf,
  evidenceNameMatches,
  HOURS_RULE_CLAIM_DUPLICATE,
  HOURS_RULE_CLAIM_EVIDENCE,
  reviewDueOn,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { refuseNul } from '../../../shared/nul-guard';
import { requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { detectFileKind, type Upload } from '../../files';
import { oneClaim } from './claim-views';
import type { DuplicateRow } from './claims.repository';
import type { ClaimsContext } from './context';

const KIND_NAMES: Record<ClaimEvidenceKind, string> = { pdf: 'PDF 文档', jpg: 'JPG 图片', png: 'PNG 图片' };
const isEvidenceKind = (k: string | undefined): k is ClaimEvidenceKind =>
  CLAIM_EVIDENCE_KINDS.some((x) => x === k);

const evidenceError = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('FILE_UNREADABLE', message, {
    field: 'evidence',
    ruleId: HOURS_RULE_CLAIM_EVIDENCE,
    ...extra,
  });

/** Parse the `claim` field (JSON) against the contract: a shape error names the field. */
function parseClaim(raw: string | undefined): CreateHourClaim {
  if (raw === undefined)
    throw new AppError('VALIDATION_FAILED', '缺少申报内容（表单字段 claim）', { field: 'claim' });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', '申报内容不是有效的 JSON', { field: 'claim' });
  }
  refuseNul({ body: json }); // a multipart field: app.ts's check of JSON bodies does not see it
  const r = createHourClaimSchema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    const field = first?.path.join('.') || 'claim';
    throw new AppError('VALIDATION_FAILED', `申报内容格式不正确：${field}`, {
      field,
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return r.data;
}

/** Each evidence file: present, within the limit, PDF / JPG / PNG by content, named for what it is, not twice. */
function checkEvidence(ctx: ClaimsContext, uploads: Upload[]): Array<Upload & { sha256: string }> {
  if (uploads.length === 0)
    throw evidenceError('请上传证明材料（证书、证明等的 PDF、JPG 或 PNG 文件）', { min: 1 });
  if (uploads.length > CLAIM_EVIDENCE_MAX_FILES)
    throw evidenceError(`证明材料最多 ${CLAIM_EVIDENCE_MAX_FILES} 个文件`, { max: CLAIM_EVIDENCE_MAX_FILES });
  const limitMb = Math.round((ctx.files.maxBytes / 1024 / 1024) * 10) / 10;
  const seen = new Map<string, string>();
  return uploads.map((u) => {
    if (u.content.length === 0)
      throw new AppError('FILE_EMPTY', `证明材料「${u.name}」是空文件`, {
        field: 'evidence',
        ruleId: HOURS_RULE_CLAIM_EVIDENCE,
        file: u.name,
      });
    if (u.content.length > ctx.files.maxBytes)
      throw new AppError('FILE_TOO_LARGE', `证明材料「${u.name}」过大：每个文件上限 ${limitMb} MB`, {
        field: 'evidence',
        ruleId: HOURS_RULE_CLAIM_EVIDENCE,
        file: u.name,
        maxBytes: ctx.files.maxBytes,
      });
    const kind = detectFileKind(u.content);
    if (!isEvidenceKind(kind))
      throw evidenceError(`证明材料「${u.name}」不是 PDF、JPG 或 PNG 文件（按文件内容判断）`, {
        file: u.name,
      });
    if (!evidenceNameMatches(u.name, kind))
      throw evidenceError(
        `证明材料「${u.name}」的文件名与内容不符：内容是${KIND_NAMES[kind]}，文件名应以 .${kind === 'jpg' ? 'jpg' : kind} 结尾`,
        { file: u.name, detected: kind },
      );
    const sha256 = createHash('sha256').update(u.content).digest('hex');
    const twin = seen.get(sha256);
    if (twin !== undefined)
      throw evidenceError(`「${u.name}」与「${twin}」是同一份文件，请只上传一次`, { file: u.name });
    seen.set(sha256, u.name);
    return { ...u, sha256 };
  });
}

/** The refusal of a duplicate: the other claim's date; its title only when it is the teacher's own. */
function duplicateError(actor: Actor, d: DuplicateRow, input: CreateHourClaim): AppError {
  const date = dateOf(d.submitted_at);
  const own = actor.teacherId === d.teacher_id;
  const whose = own ? `您 ${date} 提交的申报「${d.title}」` : `另一位教师 ${date} 提交的申报`;
  const message =
    d.by === 'file'
      ? `证明材料与${whose}中的文件相同，同一份材料不能重复申报学时`
      : `${input.issuer.trim()} 的证书编号 ${input.certificateNo?.trim() ?? ''} 已用于${whose}，同一证书不能重复申报学时`;
  return new AppError('CONFLICT', message, {
    field: d.by === 'file' ? 'evidence' : 'certificateNo',
    ruleId: HOURS_RULE_CLAIM_DUPLICATE,
    otherClaimDate: date,
    ...(own ? { otherClaimId: d.id } : {}),
  });
}

/** Claim 学时 for the signed-in teacher: the claim (JSON) and its evidence files. */
export async function submitClaim(
  ctx: ClaimsContext,
  actor: Actor,
  raw: string | undefined,
  uploads: Upload[],
): Promise<HourClaim> {
  requirePermission(actor, 'hours.claim');
  const teacherId = actor.teacherId;
  if (teacherId === null) throw new AppError('FORBIDDEN', '只有关联了教师档案的账号可以申报学时');
  const input = parseClaim(raw);
  const now = ctx.now();
  const today = dateOf(now);
  const teacher = await ctx.people.cardOf(teacherId);
  if (!teacher) throw new AppError('FORBIDDEN', '找不到您的教师档案，请联系学校管理员');
  const rules = claimRulesOf(await ctx.rulesFor(teacher.orgPath, today));
  const problems = checkClaim(input, today, rules);
  const first = problems[0];
  if (first)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), {
      field: first.field,
      ruleId: first.ruleId,
      problems,
    });
  const files = checkEvidence(ctx, uploads);
  const certNo = input.certificateNo?.trim() || null;
  const certKey = certificateKey(input.issuer, certNo) ?? null;

  const id = await ctx.db.transaction().execute(async (trx) => {
    await ctx.claims.lockKeys([...files.map((f) => f.sha256), ...(certKey ? [certKey] : [])], trx);
    const dup = await ctx.claims.findDuplicate(
      files.map((f) => f.sha256),
      certKey,
      trx,
    );
    if (dup) throw duplicateError(actor, dup, input);
    const c = await ctx.claims.insert(
      {
        countyId: teacher.countyId,
        teacherId,
        schoolId: teacher.schoolId,
        orgPath: teacher.orgPath,
        category: input.category,
        kind: input.kind,
        title: input.title.trim(),
        issuer: input.issuer.trim(),
        certificateNo: certNo,
        certificateKey: certKey,
        startDate: input.startDate,
        endDate: input.endDate,
        hoursTenths: input.hoursTenths,
        submittedBy: actor.accountId,
        submittedAt: now,
        schoolDueOn: reviewDueOn(today, rules.schoolReviewDays.value),
      },
      trx,
    );
    const owner = { id: teacher.schoolId, path: teacher.orgPath };
    const stored = [];
    for (const f of files)
      stored.push(
        await ctx.files.storeAnyOf(actor, owner, 'hour_claim', [...CLAIM_EVIDENCE_KINDS], f, {
          trx,
          ruleId: HOURS_RULE_CLAIM_EVIDENCE,
        }),
      );
    await ctx.claims.insertEvidence(
      stored.map((m, i) => ({
        countyId: c.county_id,
        claimId: c.id,
        fileId: m.id,
        position: i + 1,
        sha256: m.sha256,
      })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'hours.claim.submit',
        entity: 'hour_claim',
        entityId: c.id,
        orgId: teacher.schoolId,
        details: {
          teacherId,
          hoursTenths: input.hoursTenths,
          category: input.category,
          kind: input.kind,
          files: stored.map((m) => m.id),
        },
      },
      trx,
    );
    return c.id;
  });
  return oneClaim(ctx, actor, id);
}
