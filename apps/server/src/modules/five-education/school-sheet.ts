/**
 * The one shape both 五育 uploads share: a sheet of one row per school under a header row that names 学校编号 and
 * the columns the caller picks, read by the bounded sheet reader. A school not in the round, or one twice, is a
 * row problem; any problem refuses the whole file (row, column, value and reason; 200 listed, all counted) and the
 * caller writes nothing.
 */
import { AppError } from '../../shared/app-error';
import { RowErrors } from '../../shared/row-errors';
import { sheetAppError } from '../../shared/sheets/app-errors';
import type { SheetCell } from '../../shared/sheets/xlsx';
import type { FiveEduContext } from './context';

export const SCHOOL_ID = '学校编号';
export const SCHOOL_NAME = '学校名称';
/** Errors listed in a refusal (the count says how many in all). */
const ERRORS_KEPT = 200;

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export const cellText = (c: SheetCell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim();

/**
 * Read the file: `pick` chooses the columns from the header's texts (it may report a problem of its own), `take`
 * reads one school's row. Returns the number of school rows; throws the refusal when there is any problem.
 */
export async function readSchoolSheet<C>(
  ctx: FiveEduContext,
  file: { name: string; content: Buffer },
  known: ReadonlySet<string>,
  pick: (header: string[], idAt: number, report: (p: RowProblem) => void, row: number) => C[],
  take: (
    r: { row: number; schoolId: string; cells: string[]; raw: SheetCell[] },
    columns: C[],
    report: (p: RowProblem) => void,
  ) => void,
): Promise<number> {
  const errors = new RowErrors<RowProblem>(ERRORS_KEPT);
  const report = (p: RowProblem) => errors.add(p);
  const seen = new Map<string, number>();
  let header: { idAt: number; columns: C[] } | undefined;
  let rows = 0;
  try {
    if (ctx.sheets.checkFile) await ctx.sheets.checkFile(file.content, file.name);
    await ctx.sheets.readRows(file.content, file.name, (batch) => {
      for (const r of batch) {
        const cells = r.values.map(cellText);
        if (!header) {
          const idAt = cells.indexOf(SCHOOL_ID);
          if (idAt < 0)
            report({ row: r.row, column: SCHOOL_ID, value: '', reason: `表头缺少「${SCHOOL_ID}」列` });
          header = { idAt, columns: idAt < 0 ? [] : pick(cells, idAt, report, r.row) };
          continue;
        }
        if (header.idAt < 0) continue;
        rows++;
        const schoolId = cells[header.idAt] ?? '';
        if (!known.has(schoolId)) {
          report({ row: r.row, column: SCHOOL_ID, value: schoolId, reason: '该学校不在本次监测范围内' });
          continue;
        }
        const first = seen.get(schoolId);
        if (first !== undefined) {
          report({ row: r.row, column: SCHOOL_ID, value: schoolId, reason: `与第 ${first} 行是同一所学校` });
          continue;
        }
        seen.set(schoolId, r.row);
        take({ row: r.row, schoolId, cells, raw: r.values }, header.columns, report);
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
  return rows;
}
