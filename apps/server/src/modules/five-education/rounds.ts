/**
 * 五育 monitoring rounds (CD-25, TL-14): a published framework applied to every school of a subtree, fixed when the
 * round opens; the students per grade of each school (the platform holds no student roster); and the sample, drawn
 * by core's seeded `stratifiedDraw` — students per school × grade as positions on the school's own grade list, and
 * principals and teachers per school from the people module's roster — stored with its seed, so that drawing again
 * with the seed gives the same sample whatever order the schools and grades came in.
 */
import { randomBytes } from 'node:crypto';
import type {
  FiveEduDraw,
  FiveEduEnrolments,
  FiveEduRound,
  FiveEduRoundCreate,
  FiveEduRoundDetail,
  FiveEduSample,
} from '@yanxun/contracts';
import { stratifiedDraw } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import type { FiveEduContext } from './context';
import {
  bodyOf,
  FRAMEWORK,
  indicatorsOf,
  loadFramework,
  loadRound,
  ROUND,
  roundView,
} from './five-edu-access';
import type { RoundRow, RoundSchoolRow } from './five-education.repository';

/** Students one draw ranks (each is hashed with the seed): a city's round is split by county beyond this. */
const MAX_DRAW_POPULATION = 1_000_000;

export function gradesOf(s: RoundSchoolRow): Record<string, number> {
  const g = s.grades;
  if (g === null || typeof g !== 'object') return {};
  return Object.fromEntries(
    Object.entries(g as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'number' ? [[k, v]] : [])),
  );
}

const studentsOf = (s: RoundSchoolRow) => Object.values(gradesOf(s)).reduce((a, b) => a + b, 0);

export async function listRounds(ctx: FiveEduContext, actor: Actor): Promise<{ items: FiveEduRound[] }> {
  const rows = await ctx.repo.listRounds(requirePermission(actor, 'five_edu.read'));
  const [frameworks, counts, orgs] = await Promise.all([
    ctx.repo.findFrameworks([...new Set(rows.map((r) => r.framework_id))]),
    ctx.repo.schoolCounts(rows.map((r) => r.id)),
    ctx.orgs.findByIds([...new Set(rows.map((r) => r.org_id))]),
  ]);
  const frameworkOf = new Map(frameworks.map((f) => [f.id, f]));
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  return {
    items: rows.flatMap((r) => {
      const f = frameworkOf.get(r.framework_id);
      return f ? [roundView(actor, r, f, orgOf.get(r.org_id)?.name ?? '', counts.get(r.id) ?? 0)] : [];
    }),
  };
}

export async function getRound(ctx: FiveEduContext, actor: Actor, id: string): Promise<FiveEduRoundDetail> {
  requirePermission(actor, 'five_edu.read');
  const { round, schools } = await loadRound(ctx, actor, id);
  return detailOf(ctx, actor, round, schools);
}

/** The schools the actor reads in a round: all of them over the round's subtree, else those in its scope. */
export function visibleSchools(actor: Actor, round: RoundRow, schools: RoundSchoolRow[]): RoundSchoolRow[] {
  if (can(actor, 'five_edu.read', round.org_path)) return schools;
  return schools.filter((s) => can(actor, 'five_edu.read', s.school_path));
}

async function detailOf(
  ctx: FiveEduContext,
  actor: Actor,
  round: RoundRow,
  all: RoundSchoolRow[],
): Promise<FiveEduRoundDetail> {
  const f = await ctx.repo.findFramework(round.framework_id);
  if (!f) throw notFound(FRAMEWORK);
  const schools = visibleSchools(actor, round, all);
  const orgs = await ctx.orgs.findByIds([round.org_id, ...schools.map((s) => s.school_id)]);
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const countyIds = [...new Set(orgs.flatMap((o) => (o.county_id ? [o.county_id] : [])))];
  const counties = new Map((await ctx.orgs.findByIds(countyIds)).map((o) => [o.id, o.name]));
  const [values, sample] = await Promise.all([
    ctx.repo.valuesOf(round.county_id, round.id),
    ctx.repo.sampleOf(round.county_id, round.id),
  ]);
  const count = (rows: { school_id: string }[], id: string) => rows.filter((r) => r.school_id === id).length;
  const body = bodyOf(f);
  return {
    ...roundView(actor, round, f, orgOf.get(round.org_id)?.name ?? '', schools.length),
    schools: schools.map((s) => {
      const o = orgOf.get(s.school_id);
      return {
        id: s.school_id,
        name: o?.name ?? `学校 ${s.school_id}`,
        countyId: o?.county_id ?? null,
        countyName: (o?.county_id && counties.get(o.county_id)) || '',
        students: studentsOf(s),
        grades: gradesOf(s),
        valuesEntered: count(values, s.school_id),
        sampledStudents: count(
          sample.filter((x) => x.kind === 'student'),
          s.school_id,
        ),
        sampledStaff: count(
          sample.filter((x) => x.kind === 'staff'),
          s.school_id,
        ),
      };
    }),
    indicators: indicatorsOf(body).map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      example: i.example,
    })),
  };
}

export async function createRound(
  ctx: FiveEduContext,
  actor: Actor,
  req: FiveEduRoundCreate,
): Promise<FiveEduRoundDetail> {
  requirePermission(actor, 'five_edu.manage');
  const f = await loadFramework(ctx, actor, req.frameworkId);
  if (f.status !== 'published')
    throw new AppError('VALIDATION_FAILED', '评价框架发布后才能开展监测', { field: 'frameworkId' });
  const org = orgForAction(actor, 'five_edu.manage', await ctx.orgs.findById(req.orgId), '单位');
  if (!org.path.startsWith(f.org_path))
    throw new AppError('VALIDATION_FAILED', '监测范围须在评价框架所属地区之内', { field: 'orgId' });
  const schools = await ctx.orgs.schoolsUnder(org.path);
  if (schools.length === 0) throw new AppError('VALIDATION_FAILED', '所选范围内没有学校', { field: 'orgId' });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await ctx.repo.insertRound(
      {
        county_id: f.county_id,
        framework_id: f.id,
        org_id: org.id,
        org_path: org.path,
        year: f.year,
        name: req.name,
        student_bp: Math.round((req.studentPercent ?? 5) * 100),
        staff_bp: Math.round((req.staffPercent ?? 5) * 100),
        created_by: actor.accountId,
        created_at: ctx.now(),
      },
      schools.map((s) => ({ school_id: s.id, school_path: s.path })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.round.create',
        entity: 'five_edu_round',
        entityId: newId,
        orgId: org.id,
        details: { frameworkId: f.id, schools: schools.length },
      },
      trx,
    );
    return newId;
  });
  return getRound(ctx, actor, id);
}

async function roundToManage(ctx: FiveEduContext, actor: Actor, id: string) {
  requirePermission(actor, 'five_edu.manage');
  const r = await loadRound(ctx, actor, id);
  requirePermission(actor, 'five_edu.manage', r.round.org_path);
  return r;
}

export { roundToManage };

/** The students per grade of the named schools (a school not named keeps its counts). */
export async function setEnrolments(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  req: FiveEduEnrolments,
): Promise<FiveEduRoundDetail> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const known = new Set(schools.map((s) => s.school_id));
  const stranger = req.schools.find((s) => !known.has(s.schoolId));
  if (stranger)
    throw new AppError('VALIDATION_FAILED', '该学校不在本次监测范围内', {
      field: 'schoolId',
      value: stranger.schoolId,
    });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.setGrades(round.county_id, round.id, req.schools, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.round.enrolments',
        entity: 'five_edu_round',
        entityId: round.id,
        details: { schools: req.schools.length },
      },
      trx,
    );
  });
  return getRound(ctx, actor, id);
}

/** CD-25 / TL-14: the seeded stratified draw of students (school × grade) and staff (school), stored. */
export async function drawSample(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  req: FiveEduDraw,
): Promise<FiveEduSample> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const seed = req.seed ?? randomBytes(6).toString('hex');
  const population = schools.reduce((n, s) => n + studentsOf(s), 0);
  if (population > MAX_DRAW_POPULATION)
    throw new AppError(
      'VALIDATION_FAILED',
      `一次抽样的学生总数不能超过 ${MAX_DRAW_POPULATION} 人，请按区县分别开展监测`,
      {
        ruleId: 'CD-25',
        population,
        max: MAX_DRAW_POPULATION,
      },
    );
  const students = schools.flatMap((s) =>
    Object.entries(gradesOf(s)).flatMap(([g, n]) =>
      Array.from({ length: n }, (_, k) => ({
        id: `${s.school_id}:${g}:${k + 1}`,
        stratum: `${s.school_id}|${g.padStart(2, '0')}`,
      })),
    ),
  );
  if (students.length === 0)
    throw new AppError('VALIDATION_FAILED', '请先填写各校各年级的学生人数', {
      field: 'grades',
      ruleId: 'CD-25',
    });
  const inRound = new Set(schools.map((s) => s.school_id));
  const staff = (await ctx.staff.staffUnder(round.org_path)).filter((t) => inRound.has(t.schoolId));
  const sd = stratifiedDraw(students, 'stratum', { ratio: round.student_bp / 10000 }, seed, 'CD-25');
  const td = stratifiedDraw(
    staff.map((t) => ({ id: t.id, stratum: t.schoolId })),
    'stratum',
    { ratio: round.staff_bp / 10000 },
    seed,
    'CD-25',
  );
  const rows = [
    ...sd.strata.flatMap((st) =>
      st.picks.map((m, rank) => ({
        kind: 'student',
        member: m,
        school_id: st.key.split('|')[0] ?? '',
        stratum: st.key,
        rank: rank + 1,
      })),
    ),
    ...td.strata.flatMap((st) =>
      st.picks.map((m, rank) => ({
        kind: 'staff',
        member: m,
        school_id: st.key,
        stratum: st.key,
        rank: rank + 1,
      })),
    ),
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.replaceSample(
      round.county_id,
      round.id,
      rows,
      { seed, at: ctx.now(), by: actor.accountId },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.round.draw',
        entity: 'five_edu_round',
        entityId: round.id,
        details: {
          ruleId: 'CD-25',
          seed,
          previousSeed: round.seed,
          students: sd.count,
          studentPopulation: sd.population,
          staff: td.count,
          staffPopulation: td.population,
        },
      },
      trx,
    );
  });
  return getSample(ctx, actor, id);
}

export async function getSample(ctx: FiveEduContext, actor: Actor, id: string): Promise<FiveEduSample> {
  requirePermission(actor, 'five_edu.read');
  const { round, schools: all } = await loadRound(ctx, actor, id);
  const fresh = (await ctx.repo.findRound(round.id)) ?? round;
  const schools = visibleSchools(actor, round, all);
  const mine = new Set(schools.map((s) => s.school_id));
  const sample = (await ctx.repo.sampleOf(round.county_id, round.id)).filter((x) => mine.has(x.school_id));
  const names = new Map((await ctx.orgs.findByIds([...mine])).map((o) => [o.id, o.name]));
  const staffRows = sample.filter((x) => x.kind === 'staff');
  const staffPopulation = (await ctx.staff.staffUnder(round.org_path)).filter((t) =>
    mine.has(t.schoolId),
  ).length;
  const staffNames = new Map(
    (await ctx.staff.namesOf(staffRows.map((x) => x.member))).map((t) => [t.id, t.name]),
  );
  const strata = schools.flatMap((s) =>
    Object.entries(gradesOf(s))
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([g, n]) => {
        const key = `${s.school_id}|${g.padStart(2, '0')}`;
        const picks = sample
          .filter((x) => x.kind === 'student' && x.stratum === key)
          .map((x) => Number(x.member.split(':')[2]));
        return {
          schoolId: s.school_id,
          schoolName: names.get(s.school_id) ?? '',
          grade: Number(g),
          population: n,
          count: picks.length,
          picks,
        };
      }),
  );
  return {
    seed: fresh.seed,
    rule: 'CD-25',
    students: {
      population: strata.reduce((a, s) => a + s.population, 0),
      count: strata.reduce((a, s) => a + s.count, 0),
      strata,
    },
    staff: {
      population: staffPopulation,
      count: staffRows.length,
      picks: staffRows.map((x) => ({
        schoolId: x.school_id,
        schoolName: names.get(x.school_id) ?? '',
        teacherId: x.member,
        name: staffNames.get(x.member) ?? '',
      })),
    },
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s)
    ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"`
    : s;
};

/** The sample as CSV (UTF-8 with BOM, as Excel opens it): one line per student position and per staff member. */
export async function sampleCsv(ctx: FiveEduContext, actor: Actor, id: string): Promise<string> {
  const s = await getSample(ctx, actor, id);
  const lines = [['类别', '学校', '年级', '年级名单序号', '教师', '抽样顺序'].join(',')];
  for (const st of s.students.strata)
    st.picks.forEach((p, i) => {
      lines.push(['学生', st.schoolName, st.grade, p, '', i + 1].map(csvCell).join(','));
    });
  s.staff.picks.forEach((p, i) => {
    lines.push(['校长/教师', p.schoolName, '', '', p.name, i + 1].map(csvCell).join(','));
  });
  lines.push(['随机种子', s.seed ?? '', '', '', '', ''].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export { ROUND };
