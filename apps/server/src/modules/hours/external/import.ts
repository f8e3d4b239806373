/**
 * Importing 学时 records of another platform in two steps, like the teachers import: a dry run that reads the
 * upload within the sheet limits and gives every row its verdict (nothing written but the batch), then a commit
 * that computes the verdicts again in its transaction, under the source system's lock, and writes them: new
 * records posted, changed ones reversed and posted at revision + 1, conflicts queued for review.
 */
import type {
  ExternalBatch,
  ExternalCommit,
  ExternalCounts,
  ExternalRow,
  ExternalSystem,
} from '@yanxun/contracts';
import { dateIn, HOURS_RULE_IMPORT_DAY, schoolYearOf, todayInShanghai } from '@yanxun/core';
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import { sheetAppError } from '../../../shared/sheets/app-errors';
import type { CreditWrite } from '../ledger.repository';
import { classify, type Plan } from './classify';
import {
  type ExternalRecord,
  fingerprintOf,
  importCreditKey,
  matchHeader,
  parseRow,
  type RowProblem,
} from './columns';
import type { ExternalContext } from './context';

/** Rows of a dry run kept for reading back (the counts cover all). */
const ROWS_KEPT = 10_000;
/** Rows in the dry run's answer: the ones that are not plain new first. */
const ROWS_SHOWN = 1_000;

interface Summary {
  counts: ExternalCounts;
  rows: ExternalRow[];
}

const emptyCounts = (): ExternalCounts => ({
  total: 0,
  new: 0,
  unchanged: 0,
  changed: 0,
  queued: 0,
  already_queued: 0,
  invalid: 0,
});

function rowOf(p: Plan): ExternalRow {
  const r = p.record;
  const problems: RowProblem[] = p.conflict
    ? [
        {
          column: p.conflict.column,
          value: p.conflict.value,
          rule: p.conflict.ruleId,
          message: p.conflict.message,
          code: p.conflict.code,
          values: p.conflict.values,
        },
      ]
    : [];
  if (p.verdict === 'changed' && p.latest)
    problems.push({
      column: '学时',
      value: `${r.amountTenths / 10}`,
      rule: 'Y-HOURS-REVERSAL',
      code: 'EXT.CHANGED',
      values: {
        was: p.latest.amount_tenths / 10,
        category: p.latest.category,
        until: p.latest.occurred_on,
        version: p.latest.revision + 2,
      },
      message: `记录已变更：原 ${p.latest.amount_tenths / 10} 学时（${p.latest.category}，至 ${p.latest.occurred_on}），将撤销原记录并记入第 ${p.latest.revision + 2} 版`,
    });
  return {
    row: r.row,
    verdict: p.verdict,
    recordId: r.recordId,
    name: r.name,
    title: r.title,
    hoursTenths: r.amountTenths,
    problems,
  };
}

/** Verdict rows in the order an officer reads them: what needs a look first, then by row. */
function shown(rows: ExternalRow[], n: number): ExternalRow[] {
  const rank = (v: ExternalRow['verdict']) => (v === 'new' || v === 'unchanged' ? 1 : 0);
  return [...rows].sort((a, b) => rank(a.verdict) - rank(b.verdict) || a.row - b.row).slice(0, n);
}

/** Read the upload: the records, and the rows that are not records (with their problems). */
async function readUpload(
  ctx: ExternalContext,
  buf: Buffer,
  fileName: string,
): Promise<{ records: ExternalRecord[]; invalid: ExternalRow[]; total: number }> {
  const today = todayInShanghai(ctx.now());
  let at: ReturnType<typeof matchHeader> | undefined;
  const records: ExternalRecord[] = [];
  const invalid: ExternalRow[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  try {
    if (ctx.checkFile) await ctx.checkFile(buf, fileName);
    await ctx.readRows(buf, fileName, (rows) => {
      for (const r of rows) {
        if (!at) {
          at = matchHeader(r.values);
          continue;
        }
        total++;
        const p = parseRow(r.row, r.values, at, today);
        if (!p.ok) {
          invalid.push({
            row: p.row,
            verdict: 'invalid',
            recordId: p.recordId,
            name: p.name,
            title: p.title,
            hoursTenths: null,
            problems: p.problems,
          });
          continue;
        }
        const key = `${p.record.idNumber}|${p.record.recordId}`;
        const first = seen.get(key);
        if (first !== undefined) {
          invalid.push({
            row: r.row,
            verdict: 'invalid',
            recordId: p.record.recordId,
            name: p.record.name,
            title: p.record.title,
            hoursTenths: p.record.amountTenths,
            problems: [
              {
                column: '记录编号',
                value: p.record.recordId,
                rule: 'DUPLICATE_IN_FILE',
                message: `与第 ${first} 行是同一教师的同一条记录`,
              },
            ],
          });
          continue;
        }
        seen.set(key, r.row);
        records.push(p.record);
      }
    });
  } catch (err) {
    throw sheetAppError(err);
  }
  if (!at) throw new AppError('FILE_EMPTY', '文件中没有任何内容：第一行应为表头');
  return { records, invalid, total };
}

function summarise(plans: Plan[], invalid: ExternalRow[], total: number, keep: number): Summary {
  const counts = emptyCounts();
  counts.total = total;
  counts.invalid = invalid.length;
  for (const p of plans) counts[p.verdict]++;
  return { counts, rows: shown([...invalid, ...plans.map(rowOf)], keep) };
}

/** Upload and dry run: every row's verdict; nothing is written to the ledger or the queue. */
export async function dryRun(
  ctx: ExternalContext,
  actor: Actor,
  system: ExternalSystem,
  fileName: string,
  buf: Buffer,
): Promise<ExternalBatch> {
  const scope = requirePermission(actor, 'hours.import');
  const { records, invalid, total } = await readUpload(ctx, buf, fileName);
  const plans = await classify(ctx, system, scope, records, ctx.db);
  const summary = summarise(plans, invalid, total, ROWS_KEPT);
  const expiresAt = new Date(ctx.now().getTime() + ctx.dryRunMinutes * 60_000);
  await ctx.repo.sweepExpired(ctx.now());
  const id = await ctx.repo.createBatch(
    { system, fileName: fileName.slice(0, 200), createdBy: actor.accountId, scope, rows: records, summary },
    expiresAt,
  );
  return {
    id,
    system,
    fileName,
    counts: summary.counts,
    rows: summary.rows.slice(0, ROWS_SHOWN),
    expiresAt: expiresAt.toISOString(),
    committedAt: null,
  };
}

/** A dry run read back (its importer only: another's reads like an unknown id). */
export async function getBatch(ctx: ExternalContext, actor: Actor, id: string): Promise<ExternalBatch> {
  requirePermission(actor, 'hours.import');
  const b = isId(id) ? await ctx.repo.findBatch(id) : undefined;
  if (!b || b.created_by !== actor.accountId) throw notFound('导入批次');
  const s = b.summary as Summary;
  return {
    id: b.id,
    system: b.system as ExternalSystem,
    fileName: b.file_name,
    counts: s.counts,
    rows: s.rows.slice(0, ROWS_SHOWN),
    expiresAt: b.expires_at.toISOString(),
    committedAt: b.committed_at?.toISOString() ?? null,
  };
}

/** The ledger credit of a record for its teacher. */
export function creditOf(
  system: string,
  r: ExternalRecord,
  teacher: { id: string; county_id: string; org_path: string },
  by: string | null,
  schoolYearStart: string,
): CreditWrite {
  return {
    countyId: teacher.county_id,
    teacherId: teacher.id,
    orgPath: teacher.org_path,
    amountTenths: r.amountTenths,
    days: r.days,
    category: r.category,
    occurredOn: r.endDate,
    schoolYear: schoolYearOf(r.endDate, schoolYearStart),
    source: 'import',
    creditKey: importCreditKey(system, r.recordId),
    ruleId: HOURS_RULE_IMPORT_DAY,
    provenanceSystem: system,
    provenanceRecord: r.recordId,
    postedBy: by,
  };
}

/** Write what the plans say, inside the caller's transaction; what was written. */
export async function writePlans(
  ctx: ExternalContext,
  system: string,
  plans: Plan[],
  w: { by: string; batchId: string | null; orgPath: string },
  trx: Database,
): Promise<{ posted: number; reversed: number; queued: number }> {
  const at = ctx.now();
  // the school-year start is the same for every unit (Y-HOURS-PACK-IN-FORCE)
  const start = (await ctx.rulesFor(w.orgPath, dateIn(at, 'Asia/Shanghai'), trx)).schoolYearStart.value;
  const fresh: CreditWrite[] = [];
  const revised: Array<CreditWrite & { revision: number }> = [];
  const toReverse: Array<{ countyId: string; id: string }> = [];
  const queue = [];
  for (const p of plans) {
    const r = p.record;
    if (p.verdict === 'queued' && p.conflict) {
      queue.push({
        orgPath: p.teacher?.org_path ?? w.orgPath,
        teacherId: p.teacher?.id ?? null,
        kind: p.conflict.kind,
        ruleId: p.conflict.ruleId,
        message: p.conflict.message,
        system,
        recordId: r.recordId,
        idNumber: r.idNumber,
        name: r.name,
        title: r.title,
        category: r.category,
        amountTenths: r.amountTenths,
        startDate: r.startDate,
        endDate: r.endDate,
        fingerprint: fingerprintOf(r),
        batchId: w.batchId,
        createdBy: w.by,
      });
      continue;
    }
    if (!p.teacher || (p.verdict !== 'new' && p.verdict !== 'changed')) continue;
    const credit = creditOf(system, r, p.teacher, w.by, start);
    if (!p.latest) fresh.push(credit);
    else {
      if (!p.latest.reversed) toReverse.push({ countyId: p.latest.county_id, id: p.latest.id });
      revised.push({ ...credit, revision: p.latest.revision + 1 });
    }
  }
  const reversed = await ctx.ledger.reverse(
    toReverse,
    { by: w.by, reason: `${system} 平台的记录已变更，按新记录重记`, at },
    trx,
  );
  const posted =
    (await ctx.ledger.post(fresh, at, trx)) + (await ctx.revisions.postRevision(revised, at, trx));
  const queued = await ctx.repo.enqueue(queue, trx);
  await ctx.repo.supersede(
    system,
    plans
      .filter((p) => p.verdict === 'new' || p.verdict === 'changed' || p.verdict === 'queued')
      .map((p) => ({
        idNumber: p.record.idNumber,
        recordId: p.record.recordId,
        fingerprint: fingerprintOf(p.record),
      })),
    { by: w.by, at },
    trx,
  );
  return { posted, reversed, queued };
}

/** Commit a dry run: the verdicts again, now, and written; once (a second commit of it is refused). */
export async function commitBatch(ctx: ExternalContext, actor: Actor, id: string): Promise<ExternalCommit> {
  const scope = requirePermission(actor, 'hours.import');
  const peek = isId(id) ? await ctx.repo.findBatch(id) : undefined;
  if (!peek || peek.created_by !== actor.accountId) throw notFound('导入批次');
  return ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockSystem(peek.system, trx);
    const b = await ctx.repo.findBatch(id, trx, true);
    if (!b) throw notFound('导入批次');
    if (b.committed_at) throw new AppError('CONFLICT', '该批次已确认导入，不能重复确认');
    if (b.expires_at.getTime() < ctx.now().getTime())
      throw new AppError('CONFLICT', '预演结果已过期，请重新上传文件');
    const records = b.rows as ExternalRecord[];
    const plans = await classify(ctx, b.system, scope, records, trx);
    const prior = b.summary as Summary;
    const invalid = prior.rows.filter((r) => r.verdict === 'invalid');
    const summary = summarise(plans, invalid, prior.counts.total, ROWS_KEPT);
    summary.counts.invalid = prior.counts.invalid;
    const wrote = await writePlans(
      ctx,
      b.system,
      plans,
      { by: actor.accountId, batchId: b.id, orgPath: scope[0] ?? '/' },
      trx,
    );
    await ctx.repo.markCommitted(b.id, summary, ctx.now(), trx);
    await ctx.audit.record(
      actor,
      {
        action: 'hours.import',
        entity: 'hour_import_batches',
        entityId: b.id,
        details: { system: b.system, fileName: b.file_name, ...summary.counts, ...wrote },
      },
      trx,
    );
    return { id: b.id, counts: summary.counts, ...wrote };
  });
}
