/** A validated score sheet as the rows a dry run stores (staging.ts), its schools resolved to org nodes. */
import { type ExamScores, float64Scores } from '@yanxun/core/exams';
import type { SchoolOrg } from '../exams/exams.repository';
import type { StagedRows, StagedSchool } from './staging';

/** The rows to write, from a validated sheet whose every school resolved (columnar, see staging.ts). */
export function stageRows(
  exam: ExamScores,
  resolved: Map<string, SchoolOrg>,
  prior: Map<string, number>,
): { staged: StagedRows; schoolCount: number; withPrior: number } {
  const schools: StagedSchool[] = [];
  const schoolAt = new Map<string, number>();
  const indexOf = (key: string): number => {
    const s = resolved.get(key);
    if (!s) throw new Error(`exams: school ${key} passed validation but did not resolve`);
    let k = schoolAt.get(s.id);
    if (k === undefined) {
      k = schools.length;
      schools.push({ id: s.id, countyId: s.county_id ?? s.id, path: s.path });
      schoolAt.set(s.id, k);
    }
    return k;
  };
  const classNames: string[] = [];
  const classAt = new Map<string, number>();
  const classIndex = (name: string): number => {
    let k = classAt.get(name);
    if (k === undefined) {
      k = classNames.length;
      classNames.push(name);
      classAt.set(name, k);
    }
    return k;
  };
  const present = exam.studentIds.length;
  const n = present + exam.absent.length;
  const school = new Int32Array(n);
  const klass = new Int32Array(n);
  const row = new Int32Array(n);
  const priorOf = new Float64Array(n).fill(Number.NaN);
  const studentIds = exam.studentIds.slice();
  const schoolMap = exam.schools.map(indexOf);
  const classMap = exam.classes.map((c) => classIndex(c.name));
  let withPrior = 0;
  for (let i = 0; i < present; i++) {
    school[i] = schoolMap[exam.school[i] as number] as number;
    klass[i] = classMap[exam.klass[i] as number] as number;
    row[i] = exam.rows[i] as number;
    const p = prior.get(studentIds[i] as string);
    if (p !== undefined) {
      priorOf[i] = p;
      withPrior++;
    }
  }
  exam.absent.forEach((a, k) => {
    const i = present + k;
    studentIds.push(a.studentId);
    school[i] = indexOf(a.school);
    klass[i] = classIndex(a.className);
    row[i] = a.row;
  });
  const staged: StagedRows = {
    m: exam.items.length,
    present,
    studentIds,
    classNames,
    schools,
    school,
    klass,
    row,
    prior: priorOf,
    scores: float64Scores(exam.scores, present * exam.items.length),
  };
  return { staged, schoolCount: schools.length, withPrior };
}
