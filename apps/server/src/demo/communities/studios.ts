/**
 * The demo's studios and workshops: a 市级 教师工作坊 registered two school years ago (its cycle over, 优秀工作坊 of the
 * year between, R3-W15: its members who stayed are backbone candidates; the demo `teacher` among them) and again
 * for the demo school year, with the year's plan (R3-W08…W10), an activity each past teaching month with
 * attendance and 学时 posted to the ledger on closing (R3-W16), and the 进修学校's monthly feedback (R3-G17); a 镇级
 * 工作坊 whose roster breaks R3-W02/W03 (left a draft, flagged); a 市级 名师工作室 and a 县级 名师工作室 (1 + 10).
 * Everything through the communities service, as the demo's officers, on the loader's clock.
 */
import type { CommunityDetail, MemberRoleCode } from '@yanxun/contracts';
import type { LoadedOrg } from '../org-tree';
import { type CommunitiesWorld, type DemoTeacherRow, pick, weekday } from './world';

export interface DemoCommunities {
  cityWorkshop: string | null;
  townWorkshop: string | null;
  cityStudio: string | null;
  countyStudio: string | null;
}

const at = <T>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];

/** Registrable: no composition error (R3-W14's own findings aside: an expired cycle is what registering ends). */
const registrable = (d: CommunityDetail) =>
  !d.findings.some((f) => f.severity === 'error' && f.rule !== 'R3-W14');

async function build(
  w: CommunitiesWorld,
  actor: Parameters<CommunitiesWorld['s']['communities']['create']>[0],
  create: Parameters<CommunitiesWorld['s']['communities']['create']>[1],
  members: { t: DemoTeacherRow; role: MemberRoleCode }[],
): Promise<CommunityDetail> {
  const d = await w.s.communities.create(actor, create);
  if (members.length === 0) return d;
  return w.s.communities.changeRoster(actor, d.id, {
    reason: '组建团队',
    add: members.map((m) => ({ teacherId: m.t.id, role: m.role })),
    end: [],
  });
}

/** One teacher from each school in turn, starting at `from`, until `n` are found. */
function spread(w: CommunitiesWorld, schools: LoadedOrg[], from: number, n: number, by?: string) {
  const out: DemoTeacherRow[] = [];
  for (let round = 0; round < 4 && out.length < n; round++)
    for (let i = 0; i < schools.length && out.length < n; i++) {
      const school = at(schools, from + i);
      if (school) out.push(...pick(w, school.id, 1, by));
    }
  return out;
}

export async function loadDemoWorkshops(w: CommunitiesWorld): Promise<DemoCommunities> {
  const s = w.s.communities;
  const first = Number(w.schoolYear.slice(0, 4));
  const cycle = `${first - 2}-${first - 1}`;
  const formed = weekday(`${first - 2}-09-14`);
  const registeredOn = weekday(`${first - 2}-09-20`);
  const hostSchool = at(w.schools, 1) ?? w.schools[0];
  if (!hostSchool) return { cityWorkshop: null, townWorkshop: null, cityStudio: null, countyStudio: null };

  // ---- the 市级 workshop: host, 5 core of 5 other schools, 18 members of the city's schools (the demo teacher) ----
  await w.at(formed);
  const others = w.citySchools.filter((o) => o.id !== hostSchool.id);
  const [host] = pick(w, hostSchool.id, 1, formed);
  const core = spread(w, others, 0, 5, formed);
  const formal = spread(w, others, 5, 17, formed);
  const demoTeacher = w.demoTeacherId
    ? w.teachersOf(w.schools[0]?.id ?? '').find((t) => t.id === w.demoTeacherId)
    : undefined;
  let ws: CommunityDetail | null = null;
  if (host) {
    ws = await build(
      w,
      w.city,
      {
        kind: 'workshop',
        workshopClass: 'class_1',
        level: 'city',
        name: '清远市初中数学教师工作坊',
        hostTeacherId: host.id,
        hostOrgId: hostSchool.id,
        stage: 'junior',
      },
      [
        ...core.map((t) => ({ t, role: 'core' as const })),
        ...formal.map((t) => ({ t, role: 'formal' as const })),
        ...(demoTeacher ? [{ t: demoTeacher, role: 'formal' as const }] : []),
      ],
    );
    if (registrable(ws)) {
      await w.at(registeredOn);
      ws = await s.register(w.city, ws.id, { firstSchoolYear: cycle });
      // the December selection of the cycle's first year: 优秀工作坊 (recorded by the city bureau)
      await w.at(weekday(`${first - 1}-12-18`));
      ws = await s.recordTitle(w.city, ws.id, { year: first - 1, awarded: true });
      // the cycle ended on 31 August: registered again for the demo school year
      await w.at(weekday(`${first}-09-08`));
      ws = await s.register(w.city, ws.id, { firstSchoolYear: w.schoolYear });
    }
    await workshopYear(w, ws);
  }

  // ---- a 镇级 workshop still forming: 3 core and 6 members break R3-W02 and R3-W03 (a draft, flagged) ----
  const townHost =
    w.schools.find((o, i) => i > 0 && o.id !== hostSchool.id && o.name.includes('小学')) ??
    at(w.schools, 2) ??
    hostSchool;
  await w.at(weekday(`${first}-09-09`));
  const [townLead] = pick(w, townHost.id, 1);
  let town: CommunityDetail | null = null;
  if (townLead) {
    const townCore = spread(w, w.schools, 3, 2);
    const townFormal = spread(w, w.schools, 0, 6);
    town = await build(
      w,
      w.qingcheng,
      {
        kind: 'workshop',
        workshopClass: 'class_3',
        level: 'town',
        name: `${townHost.name.replace(/(中心)?小学.*$/, '').slice(0, 20)}小学语文工作坊`,
        hostTeacherId: townLead.id,
        hostOrgId: townHost.id,
        stage: 'primary',
      },
      [
        ...townCore.map((t) => ({ t, role: 'core' as const })),
        ...townFormal.map((t) => ({ t, role: 'formal' as const })),
      ],
    );
  }

  // ---- a 市级 名师工作室 (no shape in the seeds) and a 县级 名师工作室 of 1 + 10 (R-004-50), both registered ----
  const studioHost = at(w.schools, 3) ?? hostSchool;
  const [studioLead] = pick(w, studioHost.id, 1);
  let cityStudio: CommunityDetail | null = null;
  if (studioLead) {
    cityStudio = await build(
      w,
      w.city,
      {
        kind: 'master_teacher_studio',
        level: 'city',
        name: '清远市名师工作室（小学语文）',
        hostTeacherId: studioLead.id,
        hostOrgId: studioHost.id,
      },
      [
        ...spread(w, w.citySchools, 4, 4).map((t) => ({ t, role: 'core' as const })),
        ...spread(w, w.citySchools, 8, 6).map((t) => ({ t, role: 'formal' as const })),
      ],
    );
    if (registrable(cityStudio)) cityStudio = await s.register(w.city, cityStudio.id, {});
  }
  const countyHost = at(w.schools, 4) ?? hostSchool;
  const [countyLead] = pick(w, countyHost.id, 1);
  let countyStudio: CommunityDetail | null = null;
  if (countyLead) {
    countyStudio = await build(
      w,
      w.qingcheng,
      {
        kind: 'master_head_teacher_studio',
        level: 'county',
        name: '清城区名班主任工作室',
        hostTeacherId: countyLead.id,
        hostOrgId: countyHost.id,
      },
      spread(w, w.schools, 1, 10).map((t) => ({ t, role: 'core' as const })),
    );
    if (registrable(countyStudio)) countyStudio = await s.register(w.qingcheng, countyStudio.id, {});
  }
  return {
    cityWorkshop: ws?.id ?? null,
    townWorkshop: town?.id ?? null,
    cityStudio: cityStudio?.id ?? null,
    countyStudio: countyStudio?.id ?? null,
  };
}

/**
 * The workshop's demo school year: the plan (a session each teaching month, a reading forum in May), an activity
 * each past teaching month at a core member's school in turn (R3-W06) with its attendance and 学时 (closing posts
 * them), and the 进修学校's feedback on the last two months held (R3-G17).
 */
async function workshopYear(w: CommunitiesWorld, d: CommunityDetail): Promise<void> {
  const s = w.s.communities;
  const coreSchools = [
    ...new Set(d.members.filter((m) => m.role === 'host' || m.role === 'core').map((m) => m.schoolId)),
  ];
  const first = Number(w.schoolYear.slice(0, 4));
  await w.at(weekday(`${first}-09-10`));
  const months = [9, 10, 11, 12, 3, 4, 5, 6];
  await s.savePlan(w.city, d.id, w.schoolYear, {
    sessions: months.map((m, i) => {
      const forum = m === 5;
      return {
        date: weekday(`${m >= 9 ? first : first + 1}-${String(m).padStart(2, '0')}-15`),
        kind: forum ? 'reading_forum' : 'session',
        liveLessons: forum ? 0 : 1 + (i % 2),
        discussions: forum ? 0 : 1,
        hostSchoolId: at(coreSchools, i) ?? d.hostOrgId,
      };
    }),
  });
  const titles = [
    '同课异构：函数的图象',
    '课例研讨：几何证明的起步',
    '专题讲座：作业设计',
    '议课：单元整体教学',
  ];
  for (const [i, day] of w.monthDays.entries()) {
    await w.at(day, '14:00');
    const forum = day.slice(5, 7) === '05';
    const a = await s.createActivity(w.city, d.id, {
      heldOn: day,
      kind: forum ? 'reading_forum' : i % 3 === 2 ? 'lecture' : 'live_lesson',
      title: forum ? '专业阅读论坛：《给教师的建议》' : (at(titles, i) ?? '集中研修活动'),
      hostSchoolId: at(coreSchools, i) ?? d.hostOrgId,
      record: '坊主主持，核心成员上课，全体成员议课并形成改进意见。',
    });
    await w.at(day, '17:00');
    const expected = await s.attendance(w.city, d.id, a.id);
    // nearly everyone comes: one in seven misses a month, a different one each time
    const attended = expected.filter((_, k) => (k + i) % 7 !== 3).map((r) => r.memberId);
    await s.recordAttendance(w.city, d.id, a.id, { attended });
    await s.closeActivity(w.city, d.id, a.id);
  }
  for (const day of w.monthDays.slice(-2)) {
    const month = day.slice(0, 7);
    const [yy, mm] = month.split('-').map(Number);
    const next = `${mm === 12 ? (yy ?? 0) + 1 : yy}-${String(mm === 12 ? 1 : (mm ?? 0) + 1).padStart(2, '0')}-03`;
    if (next >= w.cal.asOf) continue;
    await w.at(weekday(next));
    await s.feedback(w.tdc, d.id, {
      month,
      feedback: '本月集中活动按计划开展，出勤良好；请在下月增加青年教师的展示课。',
    });
  }
}
