/** Moving a teacher to another school or 教师发展中心 in the actor's scope: postings and the audit trail. */
import type { TeacherDetail, TransferRequest } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import { regionKeyOf } from '../../org';
import type { PeopleContext } from '../context';
import { loadVisible } from './teacher-access';
import { detail } from './teacher-detail';

export async function transfer(
  ctx: PeopleContext,
  actor: Actor,
  id: string,
  req: TransferRequest,
): Promise<TeacherDetail> {
  const { db, repo, orgs, audit } = ctx;
  const t = await loadVisible(ctx, actor, id);
  requirePermission(actor, 'teacher.write', t.org_path);
  const target = await orgs.loadVisible(actor, req.schoolId);
  if (target.kind !== 'school' && target.kind !== 'tdc') {
    throw new AppError('VALIDATION_FAILED', '调入单位必须是学校或教师发展中心', { field: 'schoolId' });
  }
  requirePermission(actor, 'teacher.write', target.path);
  if (target.id === t.school_id) {
    throw new AppError('CONFLICT', '该教师已在此学校任职', { field: 'schoolId' });
  }
  const postings = await repo.postingsOf(t.id);
  const open = postings.find((p) => p.to_date === null);
  if (open && req.date < open.from_date) {
    throw new AppError('VALIDATION_FAILED', `调动日期不能早于当前任职起始日期 ${open.from_date}`, {
      field: 'date',
    });
  }
  const countyId = regionKeyOf(target);
  await db.transaction().execute(async (trx) => {
    await repo.moveTeachers(
      [
        {
          id: t.id,
          fromCountyId: t.county_id,
          toCountyId: countyId,
          schoolId: target.id,
          orgPath: target.path,
        },
      ],
      req.date,
      req.reason ?? '调动',
      actor.accountId,
      trx,
    );
    await audit.record(
      actor,
      {
        action: 'teacher.transfer',
        entity: 'teacher',
        entityId: t.id,
        orgId: target.id,
        details: {
          fromSchoolId: t.school_id,
          toSchoolId: target.id,
          date: req.date,
          reason: req.reason ?? null,
        },
      },
      trx,
    );
  });
  return detail(ctx, actor, id);
}
