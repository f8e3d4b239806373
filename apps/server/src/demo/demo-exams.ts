/**
 * Demo data for the quality-monitoring pages: a city monitoring cycle with two routine
 * maths exams (期中, 期末) for primary schools and, when it differs, one for the demo school account's stage, with
 * scores for 6–40 students of every school of the stage. The semester is the latest whose 期末 lies two weeks or
 * more before the as-of (demoSemester): both exams sat and marked, the later released ten days after it was sat.
 * Deterministic for a given as-of (a seeded PRNG), and small enough to keep `npm start` quick.
 * Each school has an effect and each student an ability; item scores follow a logistic curve with noise, so the
 * report has a real distribution, item spread and value-added between the two exams.
 */
import { addDays } from '@yanxun/core';
import { checkFullMarks } from '@yanxun/core/exams';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { createExamsRepository, type ExamStudentWrite } from '../modules/exams';
import { type DemoCalendar, demoCalendar } from './as-of';
import type { DemoClock } from './demo-clock';

export interface DemoSemester {
  /** The school year's first calendar year (2026 for 2026—2027). */
  schoolYear: number;
  /** 1: autumn (第一学期), 2: spring (第二学期). */
  term: 1 | 2;
  midterm: string;
  final: string;
  /** The day the scores of an exam are imported: a week after it was sat. */
  scoredOn: (examDate: string) => string;
  /** The day the 期末 is released: ten days after it was sat. */
  releasedOn: string;
}

/** The Thursday on or before `date`. */
function thursdayOnOrBefore(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow - 4 + 7) % 7));
}

/**
 * The latest semester whose 期末 lies at least 14 days before `asOf` (conventions of the demo: 期中 on the Thursday
 * on or before 12 November or 22 April, 期末 on the Thursday on or before 14 January or 2 July).
 */
export function demoSemester(asOf: string): DemoSemester {
  const y = Number(asOf.slice(0, 4));
  const latest = addDays(asOf, -14);
  const terms: Array<Omit<DemoSemester, 'scoredOn' | 'releasedOn'>> = [];
  for (const sy of [y, y - 1, y - 2]) {
    terms.push({
      schoolYear: sy,
      term: 2,
      midterm: thursdayOnOrBefore(`${sy + 1}-04-22`),
      final: thursdayOnOrBefore(`${sy + 1}-07-02`),
    });
    terms.push({
      schoolYear: sy,
      term: 1,
      midterm: thursdayOnOrBefore(`${sy}-11-12`),
      final: thursdayOnOrBefore(`${sy + 1}-01-14`),
    });
  }
  const t = terms.find((x) => x.final <= latest);
  if (!t) throw new Error(`no semester ends before ${asOf}`);
  return { ...t, scoredOn: (d) => addDays(d, 7), releasedOn: addDays(t.final, 10) };
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** The paper's full marks: 12 × 4 + 4 × 6 + 4 × 7 = 100, checked against the items as an upload is. */
const FULL_MARKS = 100;
const ITEMS = [
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `T${i + 1}`,
    max: 4,
    type: 'objective' as const,
    kp: ['数与式', '方程', '几何初步'][i % 3] as string,
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    id: `S${i + 1}`,
    max: 6,
    type: 'objective' as const,
    kp: '统计',
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    id: `J${i + 1}`,
    max: 7,
    type: 'subjective' as const,
    kp: ['方程', '函数', '几何证明', '综合'][i] as string,
  })),
];

/**
 * Load the exams of the demo as of `cal` (default: today), on the loader's `clock` when given (the cycle and the
 * exams are created and scored a week after each was sat).
 */
export async function loadDemoExams(
  db: Database,
  opts: { cal?: DemoCalendar; clock?: DemoClock } = {},
): Promise<{ exams: number; students: number }> {
  const sem = demoSemester((opts.cal ?? demoCalendar()).asOf);
  const at = async (day: string) => opts.clock?.at(day);
  const years = `${sem.schoolYear}—${sem.schoolYear + 1}`;
  const semester = `${sem.schoolYear}-${sem.schoolYear + 1}-${sem.term}`;
  const season = sem.term === 1 ? `${sem.schoolYear} 秋季` : `${sem.schoolYear + 1} 春季`;
  const found = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', '=', 'city')
    .orderBy('id')
    .executeTakeFirst();
  if (!found) return { exams: 0, students: 0 };
  const city = found;
  // the demo school account's school: its stage gets a cycle too, so that the 'school' demo account sees its own
  // school — as grade bands (compulsory stages, SZ-12) or as scores without ranks (senior)
  const demoSchool = await db
    .selectFrom('role_grants as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['o.id', 'o.stages'])
    .where('g.role', '=', 'school_admin')
    .orderBy('g.id')
    .executeTakeFirst();
  async function cycleFor(stage: 'primary' | 'junior' | 'senior', seed: number) {
    const gradeName = { junior: '七年级', primary: '六年级', senior: '高一' }[stage];
    const schools = await db
      .selectFrom('orgs')
      .select(['id', 'path', 'county_id', 'name'])
      .where('kind', '=', 'school')
      .where('path', 'like', `${city.path}%`)
      .where(sql<boolean>`${stage} = ANY(stages)`)
      .orderBy('id')
      .execute();
    if (schools.length === 0) return { exams: 0, students: 0 };
    const repo = createExamsRepository(db);
    await at(sem.scoredOn(sem.midterm));
    const cycle = await repo.insertCycle({
      name: `${years} 学年第${sem.term === 1 ? '一' : '二'}学期${gradeName}数学质量监测`,
      semester,
      ownerOrgId: city.id,
      ownerPath: city.path,
      createdBy: '0',
    });
    const items = ITEMS.map((it) => ({
      id: it.id,
      maxScore: it.max,
      type: it.type,
      knowledgePoints: [it.kp],
      abilityLevel: it.type === 'objective' ? '理解' : '应用',
    }));
    // the rule an upload is held to (FULL_MARKS_MISMATCH): the report's 满分 and its score bands come from it
    const mismatch = checkFullMarks(items, FULL_MARKS);
    if (mismatch) throw new Error(`demo exam: ${mismatch.message}`);
    const difficulty = ITEMS.map((_, j) => -2.2 + (2.6 * j) / (ITEMS.length - 1)); // mean score rate ≈ 70 %
    const rand = mulberry32(seed);
    const students = schools.flatMap((s, si) => {
      const effect = normal(rand) * 0.5;
      const growth = normal(rand) * 0.25; // the school's value-added between the two exams
      // 6..40: a few schools stay under the suppression line (n < 10); the demo school always shows
      const n = s.id === demoSchool?.id ? 30 + Math.floor(rand() * 11) : 6 + Math.floor(rand() * 35);
      return Array.from({ length: n }, (_, i) => ({
        school: s,
        id: `${sem.schoolYear}${String(si + 1).padStart(4, '0')}${String(i + 1).padStart(3, '0')}`,
        klass: `${1 + (i % 3)}班`,
        ability: effect + normal(rand),
        growth,
        absent: [rand() < 0.02, rand() < 0.02],
      }));
    });
    let total = 0;
    for (const [k, name, date] of [
      [0, `${gradeName}数学期中`, sem.midterm],
      [1, `${gradeName}数学期末`, sem.final],
    ] as const) {
      await at(sem.scoredOn(date));
      const examId = await repo.insertExam({
        name: `${season}${name}`,
        semester,
        stage,
        subject: 'math',
        grade: gradeName,
        fullMarks: FULL_MARKS,
        kind: 'routine',
        examDate: date,
        ownerOrgId: city.id,
        ownerPath: city.path,
        cycleId: cycle,
        reportSettings: {},
        createdBy: '0',
      });
      const rows: ExamStudentWrite[] = [];
      let absent = 0;
      students.forEach((st, idx) => {
        const base = {
          countyId: st.school.county_id ?? st.school.id,
          studentId: st.id,
          schoolId: st.school.id,
          schoolPath: st.school.path,
          className: st.klass,
          prior: null,
          row: idx + 2,
        };
        if (st.absent[k]) {
          absent++;
          rows.push({ ...base, absent: true, total: null, scores: null });
          return;
        }
        const theta = st.ability + (k === 1 ? st.growth + normal(rand) * 0.3 : 0);
        const scores = ITEMS.map((it, j) => {
          const p = 1 / (1 + Math.exp(-(1.5 * (theta - (difficulty[j] ?? 0)))));
          const step = it.type === 'objective' ? it.max : 0.5;
          const raw = it.max * Math.min(1, Math.max(0, p + normal(rand) * 0.12));
          return it.type === 'objective' ? (rand() < p ? it.max : 0) : Math.round(raw / step) * step;
        });
        rows.push({
          ...base,
          absent: false,
          total: scores.reduce((a, b) => a + b, 0),
          scores: `{${scores.join(',')}}`,
        });
      });
      await db
        .transaction()
        .execute((trx) =>
          repo.replaceStudents(examId, rows, items, { students: rows.length - absent, absent }, trx),
        );
      total += rows.length;
    }
    return { exams: 2, students: total };
  }
  const own =
    (['junior', 'primary', 'senior'] as const).find((x) => demoSchool?.stages.includes(x)) ?? 'primary';
  // primary (the most schools: the richest report, in grade bands) and the demo school's own stage
  let exams = 0;
  let students = 0;
  for (const [i, stage] of [...new Set(['primary' as const, own])].entries()) {
    const r = await cycleFor(stage, 20260901 + i);
    exams += r.exams;
    students += r.students;
  }
  return { exams, students };
}
