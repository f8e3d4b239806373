/** Enrolment: placing a programme's selected nominations in a class (R-004-18), and the class's trainee list. */

import type { Enrolment, EnrolRequest, EnrolResult } from '@yanxun/contracts';
import { SELECTION_DEADLINE_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { loadClass, loadManaged, traineeFilter } from '../class-access';
import type { ClassesContext } from '../context';

/** R-004-18: only selected nominations (遴选结果) are placed in a class. */

/** Place the programme's selected nominations (all not yet placed, or the given teachers) in the class. */
export async function enrol(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  req: EnrolRequest,
): Promise<EnrolResult> {
  const c = await loadManaged(ctx, actor, id);
  const wanted = req.teacherIds ? [...new Set(req.teacherIds)] : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const noms = await ctx.programmes.readSelected(c.programme_id, wanted, trx);
    const placed = new Set(
      await ctx.repo.enrol(
        noms.map((n) => ({
          countyId: n.countyId,
          teacherId: n.teacherId,
          nominationId: n.id,
          orgPath: n.orgPath,
        })),
        c.id,
        c.programme_id,
        trx,
      ),
    );
    const selected = new Set(noms.map((n) => n.teacherId));
    const skipped: EnrolResult['skipped'] = [];
    for (const t of wanted ?? []) {
      if (!selected.has(t)) {
        skipped.push({
          teacherId: t,
          reason: '该教师不是本项目的入选学员',
          ruleId: SELECTION_DEADLINE_RULE_ID,
        });
      }
    }
    for (const n of noms) {
      if (!placed.has(n.teacherId) && wanted) {
        skipped.push({
          teacherId: n.teacherId,
          reason: '该教师已编入本项目的一个培训班',
          ruleId: SELECTION_DEADLINE_RULE_ID,
        });
      }
    }
    await ctx.audit.record(
      actor,
      {
        action: 'class.enrol',
        entity: 'class',
        entityId: c.id,
        details: { enrolled: placed.size, skipped: skipped.length },
      },
      trx,
    );
    return { enrolled: placed.size, skipped };
  });
}

/** The trainees of the class the actor may see, with when they registered (注册) and arrived (报到). */
export async function enrolments(ctx: ClassesContext, actor: Actor, id: string): Promise<Enrolment[]> {
  const c = await loadClass(ctx, actor, id);
  const keep = traineeFilter(actor, c);
  const [rows, att] = await Promise.all([
    ctx.repo.enrolments(c.id),
    ctx.repo.attendance(c.id, ['register', 'arrive']),
  ]);
  const at = new Map(att.map((a) => [`${a.slot}:${a.teacher_id}`, a.checked_at.toISOString()]));
  return rows
    .filter((r) => keep(r.org_path))
    .map((r) => ({
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      schoolName: r.school_name,
      registeredAt: at.get(`register:${r.teacher_id}`) ?? null,
      arrivedAt: at.get(`arrive:${r.teacher_id}`) ?? null,
    }));
}
