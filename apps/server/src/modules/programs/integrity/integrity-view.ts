import type { IntegrityListQuery, IntegrityRecordBody, Page } from '@yanxun/contracts';
import { HENAN_2021_PACK, integrityBar, type PolicyPack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { forbidden, notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { packOf } from '../programme-access';
import type { IntegrityRow } from './integrity.repository';

/** Packs by id, for the bar end dates of integrity records (the built-in Henan pack when none is linked). */
export async function integrityBody(
  ctx: ProgramsContext,
  rows: IntegrityRow[],
): Promise<IntegrityRecordBody[]> {
  const packs = new Map<string, PolicyPack>();
  const out: IntegrityRecordBody[] = [];
  for (const r of rows) {
    let pack: PolicyPack = HENAN_2021_PACK;
    if (r.programme_id) {
      const prog = await ctx.repo.findProgramme(r.programme_id);
      if (prog) {
        const cached = packs.get(prog.pack_id) ?? (await packOf(ctx, prog));
        packs.set(prog.pack_id, cached);
        pack = cached;
      }
    }
    out.push({
      id: r.id,
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      kind: r.kind as IntegrityRecordBody['kind'],
      recordDate: r.record_date,
      programmeId: r.programme_id,
      evidence: r.evidence,
      standing: r.standing,
      createdAt: r.created_at.toISOString(),
      barEndsOn: integrityBar(pack, r.record_date).lastBarredDay,
      appeal: {
        status: r.appeal_status as IntegrityRecordBody['appeal']['status'],
        reason: r.appeal_reason,
        appealedAt: r.appealed_at ? r.appealed_at.toISOString() : null,
        decidedAt: r.appeal_decided_at ? r.appeal_decided_at.toISOString() : null,
        decisionReason: r.appeal_decision_reason,
      },
      standingReason: r.standing_reason,
    });
  }
  return out;
}

/** One record as the API shows it. */
export async function oneIntegrity(ctx: ProgramsContext, id: string): Promise<IntegrityRecordBody> {
  const { rows } = await ctx.repo.listIntegrity({ roots: null, id, offset: 0, limit: 1 });
  const [body] = await integrityBody(ctx, rows);
  if (!body) throw notFound('诚信档案');
  return body;
}

export async function listIntegrity(
  ctx: ProgramsContext,
  actor: Actor,
  query: IntegrityListQuery,
): Promise<Page<IntegrityRecordBody>> {
  const roots = requirePermission(actor, 'integrity.manage');
  const { rows, total } = await ctx.repo.listIntegrity({
    roots,
    teacherId: query.teacherId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await integrityBody(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The signed-in teacher's own records, with the date each bar ends and the state of any appeal. */
export async function myIntegrity(ctx: ProgramsContext, actor: Actor): Promise<IntegrityRecordBody[]> {
  if (!actor.teacherId) throw forbidden('只有教师本人可以查看个人诚信档案');
  const { rows } = await ctx.repo.listIntegrity({
    roots: null,
    teacherId: actor.teacherId,
    offset: 0,
    limit: 200,
  });
  return integrityBody(ctx, rows);
}

/** A teacher's records, no actor: for a module that authorized through the people module (the growth archive). */
export async function integrityOf(ctx: ProgramsContext, teacherId: string): Promise<IntegrityRecordBody[]> {
  const { rows } = await ctx.repo.listIntegrity({ roots: null, teacherId, offset: 0, limit: 200 });
  return integrityBody(ctx, rows);
}
