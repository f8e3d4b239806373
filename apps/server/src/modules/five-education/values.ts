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
import type { FiveEduContext } from './context';
import { bodyOf, indicatorsOf } from './five-edu-access';
import type { RoundRow } from './five-education.repository';
import { roundToManage } from './rounds';
import { cellText, readSchoolSheet, SCHOOL_ID, SCHOOL_NAME } from './school-sheet';

export type { RowProblem } from './school-sheet';

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
  const out: { schoolId: string; code: string; value: number }[] = [];
  const rows = await readSchoolSheet(
    ctx,
    { name: fileName, content: buf },
    new Set(schools.map((s) => s.school_id)),
    (header, idAt, report, row) =>
      header.flatMap((title, at) => {
        if (at === idAt || title === SCHOOL_NAME || title === '') return [];
        const code = codeOfHeader(title);
        if (!codes.has(code)) {
          report({ row, column: title, value: title, reason: '评价框架中没有这个指标' });
          return [];
        }
        return [{ at, code, title }];
      }),
    (r, columns, report) => {
      for (const c of columns) {
        const raw = r.raw[c.at];
        const shown = cellText(raw);
        if (shown === '') continue;
        const value = typeof raw === 'number' ? raw : Number(shown);
        if (!Number.isFinite(value) || Math.abs(value) > 1e9) {
          report({ row: r.row, column: c.title, value: shown, reason: '应为数字' });
          continue;
        }
        out.push({ schoolId: r.schoolId, code: c.code, value });
      }
    },
  );
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
