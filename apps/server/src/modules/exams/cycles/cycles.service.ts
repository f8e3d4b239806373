/** Monitoring cycles: create, list and read them, and draw a cycle's stratified sample of schools. */
import type { DrawSampleRequest, ExamCycle } from '@yanxun/contracts';
import { type SchoolSample, stratifiedSchoolSample } from '@yanxun/core/exams';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import type { ExamsContext } from '../context';
import { accessTo, ancestorPaths, managedOrg, toExam } from '../exam-access';

export async function createCycle(
  ctx: ExamsContext,
  actor: Actor,
  req: { name: string; semester: string; ownerOrgId: string },
): Promise<ExamCycle> {
  const org = await managedOrg(ctx, actor, req.ownerOrgId);
  const id = await ctx.repo.insertCycle({ ...req, ownerPath: org.path, createdBy: actor.accountId });
  await ctx.audit.record(actor, {
    action: 'exam_cycle.create',
    entity: 'exam_cycle',
    entityId: id,
    orgId: org.id,
  });
  return getCycle(ctx, actor, id);
}

export async function listCycles(ctx: ExamsContext, actor: Actor) {
  const roots = requirePermission(actor, 'exam.read');
  const ancestors = [...new Set(roots.flatMap(ancestorPaths))];
  return (await ctx.repo.listCycles(roots, ancestors)).map((c) => ({
    id: c.id,
    name: c.name,
    semester: c.semester,
    ownerOrgId: c.owner_org_id,
    ownerName: c.owner_name,
    sampled: c.sample !== null,
  }));
}

export async function getCycle(ctx: ExamsContext, actor: Actor, id: string): Promise<ExamCycle> {
  if (!isId(id)) throw notFound('监测周期');
  const c = await ctx.repo.findCycle(id);
  if (!c) throw notFound('监测周期');
  const access = accessTo(actor, c.owner_path, '监测周期');
  const sample = c.sample as SchoolSample | null;
  return {
    id: c.id,
    name: c.name,
    semester: c.semester,
    ownerOrgId: c.owner_org_id,
    ownerName: c.owner_name,
    exams: (await ctx.repo.examsOfCycle(c.id)).map(toExam),
    // which schools are sampled is the monitoring office's business (a school is not told its neighbours')
    sample:
      sample && access.audience === 'monitoring'
        ? { ...sample, studentsPerSchool: c.students_per_school }
        : null,
  };
}

export async function drawSample(
  ctx: ExamsContext,
  actor: Actor,
  id: string,
  req: DrawSampleRequest,
): Promise<ExamCycle> {
  if (!isId(id)) throw notFound('监测周期');
  const c = await ctx.repo.findCycle(id);
  if (!c) throw notFound('监测周期');
  accessTo(actor, c.owner_path, '监测周期');
  requirePermission(actor, 'exam.manage', c.owner_path);
  const schools = (await ctx.repo.schoolsUnder(c.owner_path)).filter(
    (s) => !req.stage || s.stages.includes(req.stage),
  );
  const sample = stratifiedSchoolSample(
    schools.map((s) => ({ id: s.id, countyId: s.county_id ?? '', location: s.location_type })),
    req.schools,
    req.seed,
  );
  await ctx.repo.setSample(c.id, sample, req.studentsPerSchool ?? null);
  await ctx.audit.record(actor, {
    action: 'exam_cycle.sample',
    entity: 'exam_cycle',
    entityId: c.id,
    orgId: c.owner_org_id,
    details: { seed: req.seed, schools: sample.size, population: sample.population },
  });
  return getCycle(ctx, actor, c.id);
}
