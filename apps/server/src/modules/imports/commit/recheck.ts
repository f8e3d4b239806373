/**
 * The commit's re-check, inside its transaction: every teacher (by ID number) or school (by code) it will write,
 * and every school or county it places them in, read again (locked when `lock`) and compared with what the dry run
 * saw. Anything changed, created, moved out of the importer's scope or gone since refuses the whole commit.
 */
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { can } from '../../../shared/permissions';
import type { OrgRow } from '../../org';
import type { TeacherRecord } from '../../people';
import type { DryRunTarget, RecheckContext, SchoolPrepared, TeacherPrepared } from '../context';
import { sameSchool, sameTeacher } from '../dry-run/dry-run';
import { idNumbersUnavailable, orgState, staleDryRun, teacherState } from '../stale';

/** Rows whose place (school, or county/乡镇) is no longer as the dry run saw it, or out of the actor's scope. */
async function placesAsSeen(
  ctx: RecheckContext,
  actor: Actor,
  job: DryRunTarget,
  rows: Array<{ row: number; place: string }>,
  permission: 'import.teachers' | 'import.schools',
  trx: Database,
  lock: boolean,
): Promise<number[]> {
  const ids = [...new Set(rows.map((r) => r.place))];
  const places = new Map((await ctx.orgs.findByIdsIn(ids, trx, { lock })).map((o) => [o.id, o]));
  const stale: number[] = [];
  const outside: number[] = [];
  for (const r of rows) {
    const o = places.get(r.place);
    if (orgState(o) !== job.places.get(r.place)) stale.push(r.row);
    else if (!o || !can(actor, permission, o.path)) outside.push(r.row);
  }
  if (outside.length > 0)
    throw new AppError(
      'FORBIDDEN',
      `第 ${outside.slice(0, 10).join('、')} 行的单位已不在您的管辖范围内，本次导入未写入任何数据`,
      { rows: outside.slice(0, 100), count: outside.length },
    );
  return stale;
}

/** The teachers the commit will write, as they are now; refuses (writes nothing) if any changed since. */
export async function teachersAsSeen(
  ctx: RecheckContext,
  actor: Actor,
  job: DryRunTarget,
  rows: TeacherPrepared[],
  trx: Database,
  lock: boolean,
): Promise<Map<string, TeacherRecord>> {
  const ids = rows.map((r) => r.idNumber);
  const existing = await ctx.people.findByIdNumbers(ids, trx, { lock });
  // a number registered outside the importer's scope: refused without saying that it is registered
  const unavailable = rows.filter((r) => {
    const e = existing.get(r.idNumber);
    return e !== undefined && !can(actor, 'import.teachers', e.org_path);
  });
  if (unavailable.length > 0) throw idNumbersUnavailable(unavailable.map((r) => r.row));
  const byId = new Map(rows.map((r) => [r.idNumber, r]));
  const stale = job.seen.changed(
    ids,
    (k) => teacherState(existing.get(k)),
    (k) => {
      const e = existing.get(k);
      const w = byId.get(k);
      return !!e && !!w && sameTeacher(w, e);
    },
  );
  stale.push(
    ...(await placesAsSeen(
      ctx,
      actor,
      job,
      rows.map((r) => ({ row: r.row, place: r.schoolId })),
      'import.teachers',
      trx,
      lock,
    )),
  );
  if (stale.length > 0)
    throw staleDryRun(
      '教师',
      [...new Set(stale)].sort((a, b) => a - b),
    );
  return existing;
}

/** The schools the commit will write, as they are now; refuses (writes nothing) if any changed since. */
export async function schoolsAsSeen(
  ctx: RecheckContext,
  actor: Actor,
  job: DryRunTarget,
  rows: SchoolPrepared[],
  trx: Database,
  lock: boolean,
): Promise<Map<string, OrgRow>> {
  const codes = rows.map((r) => r.code);
  const existing = new Map((await ctx.orgs.findByCodes(codes, trx, { lock })).map((o) => [o.code ?? '', o]));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const stale = job.seen.changed(
    codes,
    (k) => orgState(existing.get(k)),
    (k) => {
      const e = existing.get(k);
      const w = byCode.get(k);
      return !!e && !!w && e.kind === 'school' && sameSchool(w, e);
    },
  );
  stale.push(
    ...(await placesAsSeen(
      ctx,
      actor,
      job,
      rows.map((r) => ({ row: r.row, place: r.parentId })),
      'import.schools',
      trx,
      lock,
    )),
  );
  if (stale.length > 0)
    throw staleDryRun(
      '学校',
      [...new Set(stale)].sort((a, b) => a - b),
    );
  return existing;
}
