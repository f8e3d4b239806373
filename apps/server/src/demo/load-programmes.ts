/**
 * The demo's programme year: a 2026 policy pack for 广东省 cloned from the built-in Henan 2021 pack and
 * published, three programmes at three levels with quotas cascaded down to schools, nominations, an approved
 * training plan, classes with a timetable and check-ins, a finished class with outcomes, completion,
 * certificates and 学时, a leave request and a no-show on the 诚信档案.
 *
 * Everything goes through the module services (createServices) acting as the demo accounts, on a clock the
 * loader moves from stage to stage, so the data is exactly what the screens would have produced. One
 * exception: check-ins are bulk-inserted (they would be a thousand service calls, and real check-ins carry the
 * phone's time, not the loader's).
 *
 * Conventions of the demo (not rules):
 * - "Today" of the programme year is DEMO_TODAY (2026-11-23, a Monday): the provincial class ran in October
 *   and is finished, the city class is in its second week (the sessions of last week have check-ins), the county
 *   programme is still selecting. Fixed dates, so the same seed gives the same data whatever the wall clock.
 * - Random choices come from the region's seed on their own sfc32 stream (DEMO_PROGRAMME_STREAM).
 */
import type { PolicyPack } from '@yanxun/core';
import type { Database } from '../db/database';
import { createServices } from '../services';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/app-error';
import { DEFAULT_SEED } from './generate-region';
import type { LoadedOrg } from './load-region';

export const DEMO_TODAY = '2026-11-23';
export const DEMO_PACK_YEAR = 2026;
const DEMO_PROGRAMME_STREAM = 0x70726f67;

/** sfc32, the same generator as the region's (own stream so the region's data does not move). */
class Rng {
  private a = 0x9e3779b9;
  private b: number;
  private c: number;
  private d = 1;
  constructor(seed: number, stream: number) {
    this.b = seed | 0;
    this.c = stream | 0;
    for (let i = 0; i < 15; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  float(): number {
    return this.u32() / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  shuffle<T>(items: T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  }
}

export interface DemoProgrammeAccount {
  username: string;
  accountId: string;
  displayName: string;
  role: Actor['grants'][number]['role'];
  org: LoadedOrg;
  teacherId: string | null;
}

export interface DemoProgrammesResult {
  packId: string;
  programmes: Array<{ id: string; title: string; level: string }>;
  classes: Array<{ id: string; name: string }>;
}

interface Candidate {
  id: string;
  school_id: string;
  county_id: string;
  org_path: string;
}

const PDF = (text: string) => ({
  name: `${text}.pdf`,
  content: Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'utf8',
  ),
});

/** The provincial programme's plan: the pack's compulsory topics online, a studio workshop up to the 60 online hours (R-004-29), lectures, shadowing and practice. */
function backbonePlanBody(compulsoryTopics: readonly string[]) {
  return {
    theme: '指向深度学习的课堂教学改进',
    classCount: 1,
    modules: [
      ...compulsoryTopics.map((t) => ({
        title: t,
        mode: 'online' as const,
        hoursTenths: 20,
        practical: false,
        asynchronous: true,
        compulsoryTopic: t,
      })),
      {
        title: '名师网络工作室主题研修（工作坊）',
        mode: 'workshop' as const,
        hoursTenths: 600 - 20 * compulsoryTopics.length,
        practical: true,
      },
      { title: '专题讲座与工作坊', mode: 'centralized' as const, days: 7, practical: false },
      { title: '城区名校跟岗', mode: 'shadowing' as const, days: 8, practical: true },
      { title: '返岗实践与示范课', mode: 'return_practice' as const, days: 5, practical: true },
    ],
    staff: [
      { role: 'chief_expert' as const, name: '黄志明', title: '教授', organisation: '华南师范大学' },
      { role: 'subject_class_teacher' as const, name: '林晓红' },
      { role: 'subject_class_teacher' as const, name: '陈国栋' },
      { role: 'life_class_teacher' as const, name: '何丽娟' },
      { role: 'life_class_teacher' as const, name: '罗文斌' },
    ],
  };
}

/** A trainer programme's plan (R-004-60, R-004-61): 50 centralized days with shadowing, 120 online hours. */
function trainerPlanBody(compulsoryTopics: readonly string[]) {
  const body = backbonePlanBody(compulsoryTopics);
  return {
    ...body,
    theme: '培训者的课程设计与研修组织能力提升',
    modules: [
      ...compulsoryTopics.map((t) => ({
        title: t,
        mode: 'online' as const,
        hoursTenths: 20,
        practical: false,
        asynchronous: true,
        compulsoryTopic: t,
      })),
      {
        title: '培训课程开发工作坊（网络研修）',
        mode: 'workshop' as const,
        hoursTenths: 1200 - 20 * compulsoryTopics.length,
        practical: true,
      },
      { title: '培训理论与项目设计专题', mode: 'centralized' as const, days: 22, practical: false },
      { title: '省级培训项目跟岗实践', mode: 'shadowing' as const, days: 28, practical: true },
      { title: '返岗主持县级培训项目', mode: 'return_practice' as const, days: 20, practical: true },
    ],
  };
}

/** Monday-to-Friday sessions (08:30 and 14:00) from `start` for `days` school days. */
function timetable(start: string, days: number) {
  const out: Array<{ date: string; startsAt: string; endsAt: string; title: string }> = [];
  const d = new Date(`${start}T00:00:00Z`);
  const topics = [
    '专题讲座',
    '课例研讨',
    '工作坊',
    '同课异构',
    '名师示范',
    '分组研修',
    '微格教学',
    '成果展示',
  ];
  let n = 0;
  while (out.length < days * 2) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) {
      const date = d.toISOString().slice(0, 10);
      for (const half of [0, 1]) {
        n += 1;
        out.push({
          date,
          startsAt: half === 0 ? '08:30' : '14:00',
          endsAt: half === 0 ? '11:30' : '17:00',
          title: `${topics[(n - 1) % topics.length]}（${n}）`,
        });
      }
    }
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/**
 * Load the programme year into a database that holds the demo region and its accounts. `accounts` are the
 * demo accounts the loader acts as (province, city, qingcheng, provider, school, teacher …).
 */
export async function loadDemoProgrammes(
  db: Database,
  opts: { seed?: number; orgs: LoadedOrg[]; accounts: DemoProgrammeAccount[] },
): Promise<DemoProgrammesResult> {
  const rng = new Rng(opts.seed ?? DEFAULT_SEED, DEMO_PROGRAMME_STREAM);
  let now = Date.parse(`${DEMO_TODAY}T01:00:00Z`);
  /** Move the services' clock to 09:00 (Asia/Shanghai) of `day`. */
  const at = (day: string) => {
    now = Date.parse(`${day}T01:00:00Z`);
  };
  const s = createServices(
    db,
    { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 },
    () => new Date(now),
  );
  const actorOf = (a: DemoProgrammeAccount): Actor => ({
    accountId: a.accountId,
    username: a.username,
    displayName: a.displayName,
    teacherId: a.teacherId,
    requestId: 'demo-loader',
    ip: null,
    grants: [
      { role: a.role, orgId: a.org.id, orgPath: a.org.path, orgName: a.org.name, orgKind: a.org.kind },
    ],
  });
  const account = (username: string) => {
    const a = opts.accounts.find((x) => x.username === username);
    if (!a) throw new Error(`the demo programme year needs the ${username} account`);
    return a;
  };
  const province = actorOf(account('province'));
  const city = actorOf(account('city'));
  const provider = actorOf(account('provider'));
  const qingchengAcc = opts.accounts.find((x) => x.username === 'qingcheng');
  const yingdeAcc = opts.accounts.find((x) => x.username === 'yingde');
  const teacherAcc = opts.accounts.find((x) => x.username === 'teacher');
  const countyActor = (countyId: string): Actor => {
    if (qingchengAcc && qingchengAcc.org.id === countyId) return actorOf(qingchengAcc);
    if (yingdeAcc && yingdeAcc.org.id === countyId) return actorOf(yingdeAcc);
    return city;
  };
  const teacherActor = (teacherId: string, schoolId: string): Actor => {
    const school = opts.orgs.find((o) => o.id === schoolId);
    return {
      accountId: teacherAcc?.accountId ?? '0',
      username: `teacher:${teacherId}`,
      displayName: '学员',
      teacherId,
      requestId: 'demo-loader',
      ip: null,
      grants: school
        ? [
            {
              role: 'teacher',
              orgId: school.id,
              orgPath: school.path,
              orgName: school.name,
              orgKind: school.kind,
            },
          ]
        : [],
    };
  };
  const provinceOrg = account('province').org;
  const cityOrg = account('city').org;
  const providerOrg = account('provider').org;
  const orgById = new Map(opts.orgs.map((o) => [o.id, o]));

  // ───────────── the 2026 pack ─────────────
  at('2026-06-01');
  const clone = await s.programs.clonePack(province, 'henan-2021', {
    year: DEMO_PACK_YEAR,
    regionOrgId: provinceOrg.id,
  });
  const pack = await s.programs.publishPack(province, clone.id);
  const packId = pack.id;

  const used = new Set<string>();
  const candidates = async (where: 'backbone' | 'rural' | 'heads', pathPrefix: string, limit: number) => {
    let q = db
      .selectFrom('teachers as t')
      .innerJoin('orgs as o', 'o.id', 't.school_id')
      .select(['t.id', 't.school_id', 't.county_id', 't.org_path'])
      .where('t.status', '=', 'active')
      .where('o.kind', '=', 'school')
      .where('t.org_path', 'like', `${pathPrefix}%`);
    if (where === 'backbone') q = q.where('t.backbone', 'is not', null);
    if (where === 'rural') {
      q = q
        .where('o.location_type', 'in', ['town', 'rural'])
        .where('t.backbone', 'is not', null)
        .where('t.teaching_start_date', '<=', '2020-09-01');
    }
    if (where === 'heads') {
      q = q.where((eb) =>
        eb.or([
          eb('t.roles_held', '@>', eb.val(['principal']) as never),
          eb('t.roles_held', '@>', eb.val(['vice_principal']) as never),
        ]),
      );
    }
    const rows = (await q.orderBy('t.id').execute()) as Candidate[];
    return rng.shuffle(rows.filter((r) => !used.has(r.id))).slice(0, limit);
  };

  /**
   * Seats down the cascade for the picked teachers: each school gets its picks plus, now and then, a spare
   * seat; `short` schools get one seat fewer than picks (their last pick goes on the waitlist).
   */
  const seatPlan = (picks: Candidate[], short: Set<string>) => {
    const schoolSeats = new Map<string, number>();
    for (const p of picks) schoolSeats.set(p.school_id, (schoolSeats.get(p.school_id) ?? 0) + 1);
    for (const [sid, n] of schoolSeats) {
      schoolSeats.set(sid, short.has(sid) ? n - 1 : n + (rng.chance(0.2) ? 1 : 0));
    }
    const countySeats = new Map<string, number>();
    for (const [sid, n] of schoolSeats) {
      const cid = orgById.get(sid)?.countyId ?? '';
      countySeats.set(cid, (countySeats.get(cid) ?? 0) + n);
    }
    const total = [...countySeats.values()].reduce((a, b) => a + b, 0);
    return { schoolSeats, countySeats, total };
  };
  const cascade = async (programmeId: string, ownerKind: string, plan: ReturnType<typeof seatPlan>) => {
    const { schoolSeats, countySeats, total } = plan;
    if (ownerKind === 'province') {
      await s.programs.allocate(province, programmeId, provinceOrg.id, {
        allocations: [{ orgId: cityOrg.id, seats: total }],
      });
    }
    if (ownerKind !== 'county') {
      await s.programs.allocate(city, programmeId, cityOrg.id, {
        allocations: [...countySeats].map(([orgId, seats]) => ({ orgId, seats })),
      });
    }
    for (const cid of countySeats.keys()) {
      const allocations = [...schoolSeats]
        .filter(([sid]) => orgById.get(sid)?.countyId === cid)
        .map(([orgId, seats]) => ({ orgId, seats }));
      await s.programs.allocate(countyActor(cid), programmeId, cid, { allocations });
    }
  };

  const nominateAll = async (
    programmeId: string,
    picks: Candidate[],
    extra: { attestations?: string[] } = {},
  ) => {
    for (const p of picks) {
      await s.programs.nominate(countyActor(p.county_id), programmeId, {
        teacherId: p.id,
        waitlist: true,
        ...extra,
      });
      used.add(p.id);
    }
  };

  // ───────────── P1: 省培, finished class with completion ─────────────
  const demoTeacher = teacherAcc?.teacherId
    ? ((await db
        .selectFrom('teachers')
        .select(['id', 'school_id', 'county_id', 'org_path'])
        .where('id', '=', teacherAcc.teacherId)
        .executeTakeFirst()) as Candidate | undefined)
    : undefined;
  if (demoTeacher) used.add(demoTeacher.id);
  const p1Picks = [
    ...(demoTeacher ? [demoTeacher] : []),
    ...(await candidates('backbone', cityOrg.path, 38)),
  ];
  // the last pick of one school beyond its seats: waitlisted
  const bySchool = new Map<string, number>();
  for (const p of p1Picks) bySchool.set(p.school_id, (bySchool.get(p.school_id) ?? 0) + 1);
  const shortSchool = [...bySchool].find(([sid, n]) => n >= 2 && sid !== demoTeacher?.school_id)?.[0];
  const plan1 = seatPlan(p1Picks, new Set(shortSchool ? [shortSchool] : []));
  at('2026-06-15');
  const p1 = await s.programs.createProgramme(province, {
    packId,
    projectTypeCode: 'backbone_cultivation',
    trackCode: 'backbone',
    title: '2026年"省培计划"省级骨干教师培育项目（清远市）',
    selectionDeadline: '2026-09-30',
    startDate: '2026-10-19',
    // over before today: its trainees (the demo `teacher` among them) may join another programme now (Y-004-OVERLAP)
    endDate: '2026-11-20',
    totalSeats: plan1.total + 2,
  });
  // the provider's plan: drafted, sealed PDF, submitted before the pack's application deadline, approved by the province
  at('2026-07-01');
  const plan = await s.plans.createPlan(provider, p1.id, {
    body: backbonePlanBody((pack.pack as unknown as PolicyPack).design.compulsoryTopics.value),
  });
  await s.plans.uploadSealedPdf(provider, plan.id, PDF('申报书（盖章）'));
  at('2026-07-20');
  await s.plans.submitPlan(provider, plan.id);
  at('2026-07-28');
  await s.plans.approvePlan(province, plan.id, { comment: '方案符合省培要求，同意实施' });

  at('2026-09-14');
  await cascade(p1.id, 'province', plan1);
  at('2026-09-21');
  await nominateAll(p1.id, p1Picks, { attestations: ['provincial_backbone_candidate'] });

  // the class (5 days, 10 sessions), run by the demo provider
  at('2026-10-09');
  const c1 = await s.classes.create(province, {
    programmeId: p1.id,
    name: '省级骨干教师培育项目清远班（第一期）',
    periodNo: 1,
    startDate: '2026-10-19',
    endDate: '2026-10-23',
    venue: '清远市教师发展中心报告厅',
    providerOrgId: providerOrg.id,
  });
  const t1 = timetable('2026-10-19', 5);
  const s1: Array<{ id: string; date: string; startsAt: string }> = [];
  for (const x of t1) s1.push({ ...(await s.classes.addSession(province, c1.id, x)), ...x });
  await s.classes.enrol(province, c1.id, {});
  const e1 = await enrolled(db, c1.id);
  // attendance: nearly everyone; two miss too much to complete
  const weak1 = new Set(
    rng
      .shuffle(e1.filter((e) => e.teacher_id !== demoTeacher?.id))
      .slice(0, 2)
      .map((e) => e.teacher_id),
  );
  const rows1: AttendanceRow[] = [];
  for (const e of e1) {
    rows1.push(mark(rng, e, c1.id, 'register', '2026-10-16', '20:00', 600));
    rows1.push(mark(rng, e, c1.id, 'arrive', '2026-10-19', '08:00', 25));
    const rate = weak1.has(e.teacher_id) ? 0.5 : e.teacher_id === demoTeacher?.id ? 1 : 0.97;
    for (const ss of s1)
      if (rng.chance(rate)) rows1.push(mark(rng, e, c1.id, `s${ss.id}`, ss.date, ss.startsAt, 15));
  }
  await insertAttendance(db, rows1);

  // outcomes: handed in after the class, reviewed by the provider; one returned once and resubmitted
  at('2026-10-26');
  const keys = demoTeacher
    ? (await s.outcomes.myTraining(teacherActor(demoTeacher.id, demoTeacher.school_id))).items
        .find((i) => i.classId === c1.id)
        ?.requirements.map((r) => r.key)
    : undefined;
  const reqKeys = keys ?? [];
  const subs: string[] = [];
  const late = new Set(
    rng
      .shuffle(e1.filter((e) => e.teacher_id !== demoTeacher?.id))
      .slice(0, 1)
      .map((e) => e.teacher_id),
  );
  for (const e of e1) {
    if (late.has(e.teacher_id)) continue;
    for (const k of reqKeys) {
      const r = await s.outcomes.submit(teacherActor(e.teacher_id, e.school_id), c1.id, k, {
        upload: PDF(`${k}-${e.teacher_id}`),
      });
      subs.push(r.id);
    }
  }
  at('2026-10-30');
  let returned: string | undefined;
  for (const id of subs) {
    if (!returned && rng.chance(0.1)) {
      returned = id;
      await s.outcomes.review(provider, id, {
        action: 'return',
        comment: '课堂教学实录不完整，请补充后重新提交',
      });
      continue;
    }
    await s.outcomes.review(provider, id, { action: 'accept', score: rng.int(78, 96) });
  }
  if (returned) {
    const r = await db
      .selectFrom('outcome_submissions')
      .select(['teacher_id', 'requirement'])
      .where('id', '=', returned)
      .executeTakeFirstOrThrow();
    const school = e1.find((e) => e.teacher_id === r.teacher_id)?.school_id ?? '';
    at('2026-11-02');
    const again = await s.outcomes.submit(teacherActor(r.teacher_id, school), c1.id, r.requirement, {
      upload: PDF(`${r.requirement}-${r.teacher_id}-v2`),
    });
    await s.outcomes.review(provider, again.id, { action: 'accept', score: rng.int(80, 90) });
  }
  at('2026-11-06');
  await s.outcomes.run(provider, c1.id);
  // what the province has paid so far (R-004-22, R-004-23): the centralized week and the online hours; a
  // correction with its reason, as a finance officer records one
  at('2026-11-10');
  await s.plans.addSpending(province, p1.id, {
    category: 'centralized',
    amountFen: 5 * 38 * 400 * 100,
    spentOn: '2026-11-10',
    note: '集中培训 5 天 × 38 人（食宿、授课、场地）',
  });
  await s.plans.addSpending(province, p1.id, {
    category: 'online',
    amountFen: 38 * 60 * 3 * 100,
    spentOn: '2026-11-10',
    note: '网络研修 60 学时 × 38 人',
  });
  at('2026-11-12');
  await s.plans.addSpending(province, p1.id, {
    category: 'centralized',
    amountFen: -1_200 * 100,
    spentOn: '2026-11-12',
    note: '冲减：1 人未报到，退回住宿费',
  });

  // ───────────── P2: 市培, approved plan, class in its second week ─────────────
  const p2Picks = await candidates('rural', cityOrg.path, 58);
  const bySchool2 = new Map<string, number>();
  for (const p of p2Picks) bySchool2.set(p.school_id, (bySchool2.get(p.school_id) ?? 0) + 1);
  const short2 = [...bySchool2]
    .filter(([, n]) => n >= 2)
    .slice(0, 2)
    .map(([sid]) => sid);
  const plan2 = seatPlan(p2Picks, new Set(short2));
  at('2026-10-08');
  const p2 = await s.programs.createProgramme(city, {
    packId,
    projectTypeCode: 'rural_backbone',
    level: 'city',
    title: '清远市2026年乡村骨干教师素质提升培训（市培）',
    selectionDeadline: '2026-11-06',
    startDate: '2026-11-16',
    endDate: '2026-12-31',
    totalSeats: plan2.total,
  });
  at('2026-10-15');
  await cascade(p2.id, 'city', plan2);
  at('2026-10-22');
  await nominateAll(p2.id, p2Picks);
  // a refused attempt: a teacher of a city-centre (城区) school is not a 乡村 teacher (R-004-72)
  const pickedCounties = [...new Set(p2Picks.map((p) => p.county_id))];
  const urban =
    pickedCounties.length === 0
      ? undefined
      : await db
          .selectFrom('teachers as t')
          .innerJoin('orgs as o', 'o.id', 't.school_id')
          .select(['t.id', 't.county_id'])
          .where('o.location_type', '=', 'urban')
          .where('t.status', '=', 'active')
          .where('t.org_path', 'like', `${cityOrg.path}%`)
          .where('t.county_id', 'in', pickedCounties)
          .orderBy('t.id')
          .executeTakeFirst();
  if (urban) {
    try {
      await s.programs.nominate(countyActor(urban.county_id), p2.id, {
        teacherId: urban.id,
        quotaOrgId: urban.county_id,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  at('2026-11-09');
  const c2 = await s.classes.create(city, {
    programmeId: p2.id,
    name: '乡村骨干教师素质提升培训（市培）第一期',
    periodNo: 1,
    startDate: '2026-11-16',
    endDate: '2026-11-27',
    venue: '清远市第一中学学术报告厅',
    providerOrgId: providerOrg.id,
  });
  const t2 = timetable('2026-11-16', 10);
  const s2: Array<{ id: string; date: string; startsAt: string }> = [];
  for (const x of t2) s2.push({ ...(await s.classes.addSession(city, c2.id, x)), ...x });
  await s.classes.enrol(city, c2.id, {});
  const e2 = await enrolled(db, c2.id);
  // rates differ by county so the dashboard shows differences
  const counties = [...new Set(e2.map((e) => e.county_id))].sort();
  const countyRate = new Map(counties.map((c) => [c, 0.8 + rng.float() * 0.18]));
  const noShow = rng.shuffle(e2)[0];
  const rows2: AttendanceRow[] = [];
  let leaveTeacher: Enrolled | undefined;
  for (const e of e2) {
    if (e === noShow) continue;
    const rate = countyRate.get(e.county_id) ?? 0.9;
    if (!rng.chance(Math.min(0.99, rate + 0.05))) continue; // not registered (注册)
    rows2.push(mark(rng, e, c2.id, 'register', '2026-11-12', '19:00', 900));
    if (!rng.chance(rate + 0.04)) continue; // registered but did not arrive (报到)
    rows2.push(mark(rng, e, c2.id, 'arrive', '2026-11-16', '08:00', 25));
    if (!leaveTeacher && rng.chance(0.2)) leaveTeacher = e;
    for (const ss of s2) {
      if (ss.date >= DEMO_TODAY) continue;
      if (e === leaveTeacher && ss.date === '2026-11-18') continue;
      if (rng.chance(rate + 0.06)) rows2.push(mark(rng, e, c2.id, `s${ss.id}`, ss.date, ss.startsAt, 15));
    }
  }
  await insertAttendance(db, rows2);
  // leave: one approved last week, one pending for tomorrow
  if (leaveTeacher) {
    at('2026-11-17');
    const sess = s2.find((x) => x.date === '2026-11-18');
    if (sess) {
      const l = await s.classes.requestLeave(
        teacherActor(leaveTeacher.teacher_id, leaveTeacher.school_id),
        c2.id,
        {
          sessionId: sess.id,
          reason: '学校期中质量检测监考，无法参加',
        },
      );
      await s.classes.decideLeave(provider, c2.id, l.id, { approve: true, note: '同意，请课后补看录像' });
    }
  }
  const other = e2.find(
    (e) =>
      e !== noShow &&
      e !== leaveTeacher &&
      rows2.some((r) => r.teacherId === e.teacher_id && r.slot === 'arrive'),
  );
  if (other) {
    at(DEMO_TODAY);
    const sess = s2.find((x) => x.date === '2026-11-24');
    if (sess) {
      await s.classes.requestLeave(teacherActor(other.teacher_id, other.school_id), c2.id, {
        sessionId: sess.id,
        reason: '家中老人住院，需陪护一天',
      });
    }
  }
  // the no-show on the 诚信档案 (R-004-20)
  if (noShow) {
    at('2026-11-20');
    await s.programs.createIntegrity(countyActor(noShow.county_id), {
      teacherId: noShow.teacher_id,
      kind: 'no_show',
      recordDate: '2026-11-16',
      programmeId: p2.id,
      evidence: '入选后未请假、未注册、未报到（第一期 2026-11-16 开班）',
    });
  }

  // ───────────── P3: 县培 of 清城区, still selecting; one override with a reason ─────────────
  const countyOrg = qingchengAcc?.org ?? opts.orgs.find((o) => o.kind === 'county');
  const programmes = [
    { id: p1.id, title: p1.title, level: p1.level },
    { id: p2.id, title: p2.title, level: p2.level },
  ];
  if (countyOrg) {
    const owner = countyActor(countyOrg.id);
    at('2026-11-09');
    const p3 = await s.programs.createProgramme(owner, {
      packId,
      projectTypeCode: 'institution_backbone',
      level: 'county',
      ownerOrgId: countyOrg.id,
      title: `${countyOrg.name}2026年校长及培训管理者能力提升培训（县培）`,
      selectionDeadline: '2026-12-04',
      startDate: '2026-12-14',
      endDate: '2026-12-31',
      totalSeats: 16,
    });
    programmes.push({ id: p3.id, title: p3.title, level: p3.level });
    at('2026-11-16');
    const attestations = ['healthy', 'devoted_to_training', 'grassroots_training_expertise'];
    const heads = await candidates('heads', countyOrg.path, 200);
    const ok: Candidate[] = [];
    let override: Candidate | undefined;
    for (const h of heads) {
      if (ok.length >= 12 && override) break;
      const r = await s.programs.checkEligibility(owner, p3.id, { teacherId: h.id, attestations });
      if (r.eligible && ok.length < 12) ok.push(h);
      else if (!r.eligible && r.needsOverride && !override) override = h;
    }
    const schools = new Map<string, number>();
    for (const p of [...ok, ...(override ? [override] : [])]) {
      schools.set(p.school_id, (schools.get(p.school_id) ?? 0) + 1);
    }
    await s.programs.allocate(owner, p3.id, countyOrg.id, {
      allocations: [...schools].map(([orgId, seats]) => ({ orgId, seats })),
    });
    at('2026-11-20');
    for (const p of ok) {
      await s.programs.nominate(owner, p3.id, { teacherId: p.id, attestations });
    }
    if (override) {
      await s.programs.nominate(owner, p3.id, {
        teacherId: override.id,
        attestations,
        overrideReason: '该校长主持县域送教下乡项目多年，培训经验丰富，经局务会研究同意破格推荐',
      });
    }
  }
  // ───────────── P4: 省级教师培训师高端研修, 差额遴选 1:1.2 (R-004-59): the provider is selecting ─────────────
  // Candidates are principals who have run their schools' training for years (the demo region does not record
  // training work, so the loader writes training_start_year for the ones it puts forward: R-004-55).
  // created with the year's other provincial programmes, so its provider applies before the pack's deadline (R-004-08)
  at('2026-07-02');
  const p4 = await s.programs.createProgramme(province, {
    packId,
    projectTypeCode: 'trainer_advanced',
    title: '2026年"省培计划"省级教师培训师高端研修项目（清远市）',
    selectionDeadline: '2026-12-11',
    startDate: '2027-03-01',
    endDate: '2027-03-26',
    totalSeats: 10,
  });
  programmes.push({ id: p4.id, title: p4.title, level: p4.level });
  const plan4 = await s.plans.createPlan(provider, p4.id, {
    body: trainerPlanBody((pack.pack as unknown as PolicyPack).design.compulsoryTopics.value),
  });
  await s.plans.uploadSealedPdf(provider, plan4.id, PDF('培训师高端研修申报书（盖章）'));
  at('2026-07-22');
  await s.plans.submitPlan(provider, plan4.id);
  at('2026-07-29');
  await s.plans.approvePlan(province, plan4.id, { comment: '同意由该机构承训并组织差额遴选' });
  // ten schools with two eligible heads each: one seat per school, ⌈1 × 1.2⌉ = 2 candidates per school
  const trainerAttestations = ['healthy', 'devoted_to_training', 'training_expertise'];
  const headsBySchool = new Map<string, Candidate[]>();
  for (const h of await candidates('heads', cityOrg.path, 400)) {
    const list = headsBySchool.get(h.school_id) ?? [];
    if (list.length < 2) {
      await db
        .updateTable('teachers')
        .set({ training_start_year: 2016 + rng.int(0, 5) })
        .where('id', '=', h.id)
        .where('training_start_year', 'is', null)
        .execute();
      const r = await s.programs.checkEligibility(province, p4.id, {
        teacherId: h.id,
        attestations: trainerAttestations,
      });
      if (r.eligible) list.push(h);
      else
        await db.updateTable('teachers').set({ training_start_year: null }).where('id', '=', h.id).execute();
    }
    headsBySchool.set(h.school_id, list);
    if ([...headsBySchool.values()].filter((l) => l.length === 2).length >= 10) break;
  }
  const p4Schools = [...headsBySchool].filter(([, l]) => l.length === 2).slice(0, 10);
  const p4Plan = seatPlan(
    p4Schools.map(([, l]) => l[0] as Candidate),
    new Set(),
  );
  for (const [sid] of p4Schools) p4Plan.schoolSeats.set(sid, 1); // exactly one seat each (no spare)
  p4Plan.countySeats.clear();
  for (const [sid] of p4Schools) {
    const cid = orgById.get(sid)?.countyId ?? '';
    p4Plan.countySeats.set(cid, (p4Plan.countySeats.get(cid) ?? 0) + 1);
  }
  p4Plan.total = p4Schools.length;
  at('2026-11-10');
  await cascade(p4.id, 'province', p4Plan);
  at('2026-11-17');
  const p4Noms: string[] = [];
  for (const [, l] of p4Schools) {
    for (const c of l) {
      const n = await s.programs.nominate(countyActor(c.county_id), p4.id, {
        teacherId: c.id,
        attestations: trainerAttestations,
      });
      p4Noms.push(n.id);
      used.add(c.id);
    }
  }
  // the provider has scored every candidate and decided the first six schools (the higher score of each pair is
  // selected); the rest is still open
  at('2026-11-22');
  const p4Scores = p4Noms.map(() => rng.int(700, 960) / 10);
  await s.shortlists.mark(provider, p4.id, {
    marks: p4Noms.map((id, i) => ({ nominationId: id, score: p4Scores[i] ?? null })),
  });
  const decided: Array<{ nominationId: string; decision: 'selected' | 'not_selected'; reason?: string }> = [];
  for (let i = 0; i + 1 < Math.min(12, p4Noms.length); i += 2) {
    const first = (p4Scores[i] ?? 0) >= (p4Scores[i + 1] ?? 0);
    const [winner, other] = first ? [i, i + 1] : [i + 1, i];
    decided.push({ nominationId: p4Noms[winner] ?? '', decision: 'selected' });
    decided.push({
      nominationId: p4Noms[other] ?? '',
      decision: 'not_selected',
      reason: '同校另一名候选人综合评分更高',
    });
  }
  await s.shortlists.mark(provider, p4.id, { marks: decided });

  return {
    packId,
    programmes,
    classes: [
      { id: c1.id, name: c1.name },
      { id: c2.id, name: c2.name },
    ],
  };
}

interface Enrolled {
  teacher_id: string;
  county_id: string;
  school_id: string;
}

async function enrolled(db: Database, classId: string): Promise<Enrolled[]> {
  return db
    .selectFrom('class_enrolments as e')
    .innerJoin('teachers as t', 't.id', 'e.teacher_id')
    .select(['e.teacher_id', 'e.county_id', 't.school_id'])
    .where('e.class_id', '=', classId)
    .orderBy('e.teacher_id')
    .execute();
}

interface AttendanceRow {
  countyId: string;
  classId: string;
  slot: string;
  teacherId: string;
  checkedAt: string;
}

/** A check-in `slot` around `day time` (Asia/Shanghai), up to `spreadMin` minutes early or a few late. */
function mark(
  rng: Rng,
  e: Enrolled,
  classId: string,
  slot: string,
  day: string,
  time: string,
  spreadMin: number,
): AttendanceRow {
  const base = Date.parse(`${day}T${time}:00+08:00`);
  const offset = rng.int(-spreadMin * 60, Math.min(600, spreadMin * 20));
  return {
    countyId: e.county_id,
    classId,
    slot,
    teacherId: e.teacher_id,
    checkedAt: new Date(base + offset * 1000).toISOString(),
  };
}

async function insertAttendance(db: Database, rows: AttendanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: AttendanceRow) => T) => rows.map(f);
  const { sql } = await import('kysely');
  await sql`INSERT INTO attendance (county_id, class_id, slot, teacher_id, checked_at, method)
    SELECT u.county_id, u.class_id, u.slot, u.teacher_id, u.checked_at, 'qr'
    FROM unnest(${col((r) => r.countyId)}::bigint[], ${col((r) => r.classId)}::bigint[], ${col((r) => r.slot)}::text[],
      ${col((r) => r.teacherId)}::bigint[], ${col((r) => r.checkedAt)}::timestamptz[])
    AS u(county_id, class_id, slot, teacher_id, checked_at)
    ON CONFLICT DO NOTHING`.execute(db);
}
