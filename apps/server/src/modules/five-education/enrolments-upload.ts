/**
 * Students per grade for many schools at once: the round's enrolment template (学校编号, 学校名称, 1年级 … 12年级)
 * filled in and uploaded, read by the bounded sheet reader. A count that is not a whole number 0–5000, an unknown
 * school or a school twice refuses the whole file with each row, column, value and reason; an empty cell leaves a
 * grade out (0 students). A school not in the file keeps its counts.
 */
import { FIVE_EDU_GRADE_MAX, type FiveEduUploadResult } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { streamedWorkbook } from '../../shared/exceljs';
import type { FiveEduContext } from './context';
import { gradesOf, roundToManage } from './rounds';
import { readSchoolSheet, SCHOOL_ID, SCHOOL_NAME } from './school-sheet';

const GRADES = Array.from({ length: FIVE_EDU_GRADE_MAX }, (_, i) => i + 1);
const gradeTitle = (g: number) => `${g}年级`;
const MAX_STUDENTS = 5000;

export async function uploadEnrolments(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  fileName: string,
  buf: Buffer,
): Promise<FiveEduUploadResult> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const out: { schoolId: string; grades: Record<string, number> }[] = [];
  const rows = await readSchoolSheet(
    ctx,
    { name: fileName, content: buf },
    new Set(schools.map((s) => s.school_id)),
    (header) =>
      header.flatMap((title, at) => {
        const g = GRADES.find((x) => title === gradeTitle(x) || title === String(x));
        return g === undefined ? [] : [{ at, grade: g, title }];
      }),
    (r, columns, report) => {
      const grades: Record<string, number> = {};
      for (const g of columns) {
        const shown = r.cells[g.at] ?? '';
        if (shown === '') continue;
        const n = Number(shown);
        if (!Number.isInteger(n) || n < 0 || n > MAX_STUDENTS) {
          report({ row: r.row, column: g.title, value: shown, reason: `应为 0–${MAX_STUDENTS} 的整数` });
          continue;
        }
        if (n > 0) grades[String(g.grade)] = n;
      }
      out.push({ schoolId: r.schoolId, grades });
    },
  );
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.setGrades(round.county_id, round.id, out, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.round.enrolments',
        entity: 'five_edu_round',
        entityId: round.id,
        details: { schools: out.length, upload: true },
      },
      trx,
    );
  });
  return { rows, values: out.reduce((s, x) => s + Object.keys(x.grades).length, 0) };
}

/** The enrolment template: one row per school with its current counts. */
export async function enrolmentsTemplate(ctx: FiveEduContext, actor: Actor, id: string): Promise<Buffer> {
  const { schools } = await roundToManage(ctx, actor, id);
  const names = new Map(
    (await ctx.orgs.findByIds(schools.map((s) => s.school_id))).map((o) => [o.id, o.name]),
  );
  const { wb, finish } = streamedWorkbook();
  const ws = wb.addWorksheet('各年级学生人数');
  ws.addRow([SCHOOL_ID, SCHOOL_NAME, ...GRADES.map(gradeTitle)]).commit();
  for (const s of schools) {
    const g = gradesOf(s);
    ws.addRow([
      s.school_id,
      names.get(s.school_id) ?? '',
      ...GRADES.map((x) => g[String(x)] ?? null),
    ]).commit();
  }
  ws.commit();
  return finish();
}
