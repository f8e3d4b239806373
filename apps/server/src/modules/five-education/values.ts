/**
 * Indicator values per school: entered on the page, or uploaded as the round's template (.xlsx or .csv, read by the
 * bounded sheet reader: size, rows, cell length and zip ratio). A questionnaire's result comes in the same way, as
 * its per-school aggregate for an indicator (no questionnaire engine). An upload with any bad row is refused whole,
 * every problem with its row, column, value and reason; nothing is written.
 */
import type { FiveEduUploadResult, FiveEduValues } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { streamedWorkbook } from '../../shared/exceljs';
import { RowErrors } from '../../shared/row-errors';
import { sheetAppError } from '../../shared/sheets/app-errors';
import type { SheetCell } from '../../shared/sheets/xlsx';
import type { FiveEduContext } from './context';
import { bodyOf, indicatorsOf } from './five-edu-access';
import type { RoundRow, RoundSchoolRow } from './five-education.repository';
import { roundToManage } from './rounds';

const SCHOOL_ID = '学校编号';
const SCHOOL_NAME = '学校名称';
/** Errors listed in a refusal (the count says how many in all). */
const ERRORS_KEPT = 200;

export interface RowProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

async function frameworkCodes(ctx: FiveEduContext, round: RoundRow) {
  const f = await ctx.repo.findFramework(round.framework_id);
  return f ? indicatorsOf(bodyOf(f)) : [];
}

async function write(
  ctx: FiveEduContext,
  actor: Actor,
  round: RoundRow,
  rows: { schoolId: string; code: string; value: number | null }[],
  source: 'entered' | 'upload',
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.upsertValues(
      round.county_id,
      round.id,
      rows,
      { source, by: actor.accountId, at: ctx.now() },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: `five_edu.values.${source}`,
        entity: 'five_edu_round',
        entityId: round.id,
        details: { values: rows.length },
      },
      trx,
    );
  });
}

/** Values entered on the page (null clears one). */
export async function enterValues(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  req: FiveEduValues,
): Promise<FiveEduUploadResult> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const codes = new Set((await frameworkCodes(ctx, round)).map((i) => i.code));
  const known = new Set(schools.map((s) => s.school_id));
  for (const v of req.values) {
    if (!known.has(v.schoolId))
      throw new AppError('VALIDATION_FAILED', '该学校不在本次监测范围内', {
        field: 'schoolId',
        value: v.schoolId,
      });
    if (!codes.has(v.indicatorCode))
      throw new AppError('VALIDATION_FAILED', '评价框架中没有这个指标', {
        field: 'indicatorCode',
        value: v.indicatorCode,
      });
  }
  await write(
    ctx,
    actor,
    round,
    req.values.map((v) => ({ schoolId: v.schoolId, code: v.indicatorCode, value: v.value })),
    'entered',
  );
  return { rows: req.values.length, values: req.values.length };
}

const text = (c: SheetCell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim();

/** The header's indicator code: the text before the first space ("P1-1 体质健康测试优良率" → "P1-1"). */
const codeOfHeader = (h: string) => h.split(/\s+/)[0] ?? '';

export async function uploadValues(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  fileName: string,
  buf: Buffer,
): Promise<FiveEduUploadResult> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const indicators = await frameworkCodes(ctx, round);
  const codes = new Set(indicators.map((i) => i.code));
  const schoolOf = new Map<string, RoundSchoolRow>(schools.map((s) => [s.school_id, s]));
  const errors = new RowErrors<RowProblem>(ERRORS_KEPT);
  const out: { schoolId: string; code: string; value: number }[] = [];
  const seen = new Map<string, number>();
  let header: { idAt: number; columns: { at: number; code: string; title: string }[] } | undefined;
  let rows = 0;
  try {
    if (ctx.sheets.checkFile) await ctx.sheets.checkFile(buf, fileName);
    await ctx.sheets.readRows(buf, fileName, (batch) => {
      for (const r of batch) {
        const cells = r.values.map(text);
        if (!header) {
          const idAt = cells.indexOf(SCHOOL_ID);
          if (idAt < 0) {
            errors.add({ row: r.row, column: SCHOOL_ID, value: '', reason: `表头缺少「${SCHOOL_ID}」列` });
            header = { idAt: -1, columns: [] };
            continue;
          }
          const columns = cells.flatMap((title, at) => {
            if (at === idAt || title === SCHOOL_NAME || title === '') return [];
            const code = codeOfHeader(title);
            if (!codes.has(code)) {
              errors.add({ row: r.row, column: title, value: title, reason: '评价框架中没有这个指标' });
              return [];
            }
            return [{ at, code, title }];
          });
          header = { idAt, columns };
          continue;
        }
        if (header.idAt < 0) continue;
        rows++;
        const schoolId = cells[header.idAt] ?? '';
        if (!schoolOf.has(schoolId)) {
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
        for (const c of header.columns) {
          const raw = r.values[c.at];
          const shown = text(raw);
          if (shown === '') continue;
          const value = typeof raw === 'number' ? raw : Number(shown);
          if (!Number.isFinite(value) || Math.abs(value) > 1e9) {
            errors.add({ row: r.row, column: c.title, value: shown, reason: '应为数字' });
            continue;
          }
          out.push({ schoolId, code: c.code, value });
        }
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
  await write(ctx, actor, round, out, 'upload');
  return { rows, values: out.length };
}

/** The upload template: one row per school (its id and name), one column per indicator ("code name（unit）"). */
export async function valuesTemplate(ctx: FiveEduContext, actor: Actor, id: string): Promise<Buffer> {
  const { round, schools } = await roundToManage(ctx, actor, id);
  const indicators = await frameworkCodes(ctx, round);
  const names = new Map(
    (await ctx.orgs.findByIds(schools.map((s) => s.school_id))).map((o) => [o.id, o.name]),
  );
  const values = await ctx.repo.valuesOf(round.county_id, round.id);
  const stored = new Map(values.map((v) => [`${v.school_id}|${v.indicator_code}`, v.value]));
  const { wb, finish } = streamedWorkbook();
  const ws = wb.addWorksheet('指标数据');
  ws.addRow([
    SCHOOL_ID,
    SCHOOL_NAME,
    ...indicators.map((i) => `${i.code} ${i.name}${i.unit ? `（${i.unit}）` : ''}`),
  ]).commit();
  for (const s of schools)
    ws.addRow([
      s.school_id,
      names.get(s.school_id) ?? '',
      ...indicators.map((i) => stored.get(`${s.school_id}|${i.code}`) ?? null),
    ]).commit();
  ws.commit();
  return finish();
}
