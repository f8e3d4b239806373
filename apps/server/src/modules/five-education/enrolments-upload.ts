/**
 * Students per grade for many schools at once: the round's enrolment template (学校编号, 学校名称, 1年级 … 12年级)
 * filled in and uploaded, read by the bounded sheet reader. A count that is not a whole number 0–5000, an unknown
 * school or a school twice refuses the whole file with each row, column, value and reason; an empty cell leaves a
 * grade out (0 students). A school not in the file keeps its counts.
 */
import { FIVE_EDU_GRADE_MAX, type FiveEduUploadResult } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { streamedWorkbook } from '../../shared/exceljs';
import { RowErrors } from '../../shared/row-errors';
import { sheetAppError } from '../../shared/sheets/app-errors';
import type { SheetCell } from '../../shared/sheets/xlsx';
import type { FiveEduContext } from './context';
import { gradesOf, roundToManage } from './rounds';
import type { RowProblem } from './values';

const SCHOOL_ID = '学校编号';
const SCHOOL_NAME = '学校名称';
const GRADES = Array.from({ length: FIVE_EDU_GRADE_MAX }, (_, i) => i + 1);
const gradeTitle = (g: number) => `${g}年级`;
const MAX_STUDENTS = 5000;

const text = (c: SheetCell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim();

export async function uploadEnrolments(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  fileName: string,
  buf: Buffer,
): Promise<FiveEduUploadResult> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const known = new Set(schools.map((s) => s.school_id));
  const errors = new RowErrors<RowProblem>(200);
  const out: { schoolId: string; grades: Record<string, number> }[] = [];
  const seen = new Map<string, number>();
  let header: { idAt: number; grades: { at: number; grade: number; title: string }[] } | undefined;
  let rows = 0;
  try {
    if (ctx.sheets.checkFile) await ctx.sheets.checkFile(buf, fileName);
    await ctx.sheets.readRows(buf, fileName, (batch) => {
      for (const r of batch) {
        const cells = r.values.map(text);
        if (!header) {
          const idAt = cells.indexOf(SCHOOL_ID);
          if (idAt < 0)
            errors.add({ row: r.row, column: SCHOOL_ID, value: '', reason: `表头缺少「${SCHOOL_ID}」列` });
          header = {
            idAt,
            grades: cells.flatMap((title, at) => {
              const g = GRADES.find((x) => title === gradeTitle(x) || title === String(x));
              return g === undefined ? [] : [{ at, grade: g, title }];
            }),
          };
          continue;
        }
        if (header.idAt < 0) continue;
        rows++;
        const schoolId = cells[header.idAt] ?? '';
        if (!known.has(schoolId)) {
          errors.add({ row: r.row, column: SCHOOL_ID, value: schoolId, reason: '该学校不在本次监测范围内' });
          continue;
        }
        const first = seen.get(schoolId);
        if (first !== undefined) {
          errors.add({
            row: r.row,
            column: SCHOOL_ID,
            value: schoolId,
            reason: `与第 ${first} 行是同一所学校`,
          });
          continue;
        }
        seen.set(schoolId, r.row);
        const grades: Record<string, number> = {};
        for (const g of header.grades) {
          const shown = cells[g.at] ?? '';
          if (shown === '') continue;
          const n = Number(shown);
          if (!Number.isInteger(n) || n < 0 || n > MAX_STUDENTS) {
            errors.add({
              row: r.row,
              column: g.title,
              value: shown,
              reason: `应为 0–${MAX_STUDENTS} 的整数`,
            });
            continue;
          }
          if (n > 0) grades[String(g.grade)] = n;
        }
        out.push({ schoolId, grades });
      }
    });
  } catch (err) {
    throw sheetAppError(err);
  }
  if (!header) throw new AppError('FILE_EMPTY', '文件中没有数据');
  if (errors.count > 0)
    throw new AppError('VALIDATION_FAILED', `文件中有 ${errors.count} 处错误，未导入任何数据`, {
      errors: errors.list(),
      errorCount: errors.count,
    });
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
