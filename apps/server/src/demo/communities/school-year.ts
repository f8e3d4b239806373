/**
 * The demo's trainer pool and 校本研修, through their services as the demo's officers: 清城's 培训者团队 with three
 * experts appointed directly, one teacher's application recommended by the school and approved by the bureau, and
 * one application waiting for the school (R3-P*); the demo school year's 校本研修 plans of 清城's first schools,
 * submitted on time (R3-S03), approved by the 进修学校 but one returned with its reason, and the approved schools'
 * records with their teachers' 学时 certified into the ledger (R3-S02).
 */
import type { SchoolResearchForm } from '@yanxun/contracts';
import { addDays } from '@yanxun/core';
import type { LoadedOrg } from '../org-tree';
import { type CommunitiesWorld, type DemoTeacherRow, weekday } from './world';

/** Teachers a first appointment accepts without an override (R3-P03 副高级 and above, R3-P04 35–60 on `on`). */
function eligible(w: CommunitiesWorld, on: string, n: number): DemoTeacherRow[] {
  const year = Number(on.slice(0, 4));
  const oldest = `${year - 58}${on.slice(4)}`;
  const youngest = `${year - 37}${on.slice(4)}`;
  const out: DemoTeacherRow[] = [];
  for (const school of w.schools)
    for (const t of w.teachersOf(school.id)) {
      if (out.length >= n) return out;
      if (w.used.has(t.id) || t.id === w.demoTeacherId) continue;
      if (
        (t.title === 'senior' || t.title === 'prof') &&
        t.birth_date >= oldest &&
        t.birth_date <= youngest
      ) {
        w.used.add(t.id);
        out.push(t);
      }
    }
  return out;
}

export async function loadDemoTrainers(w: CommunitiesWorld): Promise<number> {
  const s = w.s.trainers;
  const first = Number(w.schoolYear.slice(0, 4));
  const appointedOn = weekday(`${first - 1}-03-10`);
  const appointed = eligible(w, appointedOn, 3);
  await w.at(appointedOn);
  for (const t of appointed)
    await s.appoint(w.qingcheng, {
      teacherId: t.id,
      poolOrgId: w.county.id,
      consentOn: appointedOn,
      consentNote: '本人书面同意，学校已知悉',
      termStart: appointedOn,
    });
  const appliedOn = weekday(`${first}-09-16`);
  const [approvedT, pendingT] = eligible(w, appliedOn, 2);
  let n = appointed.length;
  if (approvedT) {
    await w.at(appliedOn);
    const r = await s.apply(w.teacherActor(approvedT), {
      poolOrgId: w.county.id,
      statement: '从事初中数学教学二十年，主持过县级课题，愿意承担送教下乡和新教师培训任务。',
    });
    const school = w.schools.find((o) => o.id === approvedT.school_id);
    if (school) {
      await w.at(addDays(appliedOn, 1));
      await s.recommend(w.schoolActor(school), r.id, { decision: 'recommend', reason: '教学业绩突出' });
      await w.at(addDays(appliedOn, 3));
      await s.approve(w.qingcheng, r.id, { decision: 'approve' });
    }
    n++;
  }
  if (pendingT) {
    await w.at(weekday(addDays(appliedOn, 7)));
    await s.apply(w.teacherActor(pendingT), {
      poolOrgId: w.county.id,
      statement: '长期担任班主任，有丰富的班级管理经验，希望参与班主任培训项目的授课。',
    });
    n++;
  }
  return n;
}

const form = (theme: string): SchoolResearchForm => ({
  theme,
  leader: '校长',
  yearGoals: '建设学习型教研组，每位教师全年完成 24 学时校本研修',
  semesterGoals: { first: '集体备课与课例研究', second: '专题培训与成果总结' },
  contents: ['日常教育教学研讨', '教育技术能力'],
  forms: ['集体备课', '学习观摩', '教学反思'],
  projects: [
    { name: '课例研究', semester: 1, lead: '教导主任', plannedTenths: 120 },
    { name: '信息技术与学科融合', semester: 2, lead: '信息中心主任', plannedTenths: 120 },
  ],
  assessment: '按学期进行阶段考核，记录与学时核定挂钩',
});

const THEMES = ['以课例研究提升课堂实效', '大单元教学设计与实施', '作业设计与减负提质', '信息技术赋能课堂'];

export async function loadDemoSchoolResearch(w: CommunitiesWorld): Promise<number> {
  const s = w.s.schoolResearch;
  const schools = w.schools.slice(0, 4);
  const submittedOn = weekday(addDays(w.yearStart, 2));
  const plans: { id: string; schoolIndex: number }[] = [];
  for (const [i, school] of schools.entries()) {
    await w.at(submittedOn, `${10 + i}:00`);
    const p = await s.submitPlan(w.schoolActor(school), school.id, {
      schoolYear: w.schoolYear,
      form: form(THEMES[i % THEMES.length] ?? THEMES[0] ?? '校本研修'),
    });
    plans.push({ id: p.id, schoolIndex: i });
  }
  await w.at(weekday(addDays(w.yearStart, 5)));
  const approved = [];
  // one plan returned: the third school's (the last one's in a county of fewer schools)
  const returnedIndex = plans.length >= 2 ? Math.min(2, plans.length - 1) : -1;
  for (const p of plans) {
    const returned = p.schoolIndex === returnedIndex;
    await s.decidePlan(
      w.tdc,
      p.id,
      returned
        ? { decision: 'return', reason: '研修项目的学时安排不足 24 学时，请补充第二学期的项目后重新提交' }
        : { decision: 'approve' },
    );
    if (!returned) approved.push(schools[p.schoolIndex]);
  }
  const topics = ['数学组集体备课：分数的意义', '语文组观摩课与评课', '教学反思交流会'];
  for (const school of approved) {
    if (!school) continue;
    const teachers = w.teachersOf(school.id).slice(0, 8);
    if (teachers.length === 0) continue;
    for (const [i, day] of w.monthDays.slice(0, 3).entries()) {
      await w.at(day, '16:30');
      const r = await s.createRecord(w.schoolActor(school), school.id, {
        schoolYear: w.schoolYear,
        semester: Number(day.slice(5, 7)) >= 9 ? 1 : 2,
        heldOn: day,
        topic: topics[i % topics.length] ?? '校本研修活动',
        form: i === 1 ? '学习观摩' : '集体备课',
        participants: teachers.map((t) => ({ teacherId: t.id, hoursTenths: 30 })),
      });
      await w.at(day, '18:00');
      await s.certifyRecord(w.schoolActor(school), r.id);
    }
  }
  await loadDemoTrainingBudgets(w, schools, w.monthDays.at(-1) ?? submittedOn);
  return plans.length;
}

/**
 * The four schools' 教师培训经费 of the calendar year the school year began in (R3-B09), entered by each school on
 * `day`: two meet both conditions, the third has used 60 % so far, the fourth budgeted 4 % of its public funds.
 */
async function loadDemoTrainingBudgets(
  w: CommunitiesWorld,
  schools: LoadedOrg[],
  day: string,
): Promise<void> {
  const year = Number(w.yearStart.slice(0, 4));
  const plan = [
    { share: 0.055, used: 0.93 },
    { share: 0.06, used: 0.95 },
    { share: 0.05, used: 0.6 },
    { share: 0.04, used: 0.92 },
  ];
  for (const [i, school] of schools.entries()) {
    const p = plan[i];
    if (!p) continue;
    await w.at(day, `${14 + i}:00`);
    const publicFundsFen = 3_000_000_00 + i * 800_000_00;
    const budgetFen = Math.round(publicFundsFen * p.share);
    await w.s.schoolResearch.saveTrainingBudget(w.schoolActor(school), school.id, year, {
      publicFundsFen,
      budgetFen,
      usedFen: Math.round(budgetFen * p.used),
    });
  }
}
