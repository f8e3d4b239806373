/**
 * A record's verdict against the database: unknown teacher, already in the ledger as it is, changed, over the
 * cap, overlapping another source's posting, or new. The dry run shows it; the commit computes it again inside
 * its transaction (under the system's lock) and writes what it says.
 */
import {
  DEFAULT_IMPORT_DAY_MAX,
  dateIn,
  HOURS_RULE_AMOUNT,
  HOURS_RULE_IMPORT_OVERLAP,
  HOURS_RULE_IMPORT_TEACHER,
  type PolicyValue,
} from '@yanxun/core';
import type { Database } from '../../../db/database';
import { type ExternalRecord, fingerprintOf, importCreditKey } from './columns';
import type { ExternalContext } from './context';
import type { QueueWrite } from './external.repository';
import type { ExternalTeacher } from './ports';
import type { LatestPosting } from './revisions.repository';

export type Verdict = 'new' | 'unchanged' | 'changed' | 'queued' | 'already_queued';

export interface Conflict {
  kind: QueueWrite['kind'];
  ruleId: string;
  /** The sentence's code and values, for the web to word (the message says it in Chinese). */
  code: string;
  values: Record<string, string | number>;
  message: string;
  column: string;
  value: string;
}

export interface Plan {
  record: ExternalRecord;
  verdict: Verdict;
  teacher: ExternalTeacher | undefined;
  latest: LatestPosting | undefined;
  conflict: Conflict | undefined;
}

const h = (tenths: number) => `${tenths / 10}`;

/** Whether a posting credits exactly what the record says (hours, category, dates). */
function sameAs(p: LatestPosting, r: ExternalRecord): boolean {
  return (
    p.amount_tenths === r.amountTenths &&
    p.category === r.category &&
    p.occurred_on === r.endDate &&
    p.days === r.days
  );
}

/** The cap check of a record: ≤ 0 (Y-HOURS-AMOUNT) or more than the day cap × its days (Y-HOURS-IMPORT-DAY). */
function capConflict(cap: PolicyValue<number>, r: ExternalRecord): Conflict | undefined {
  const value = h(r.amountTenths);
  if (r.amountTenths <= 0)
    return {
      kind: 'over_cap',
      ruleId: HOURS_RULE_AMOUNT,
      code: 'EXT.NOT_POSITIVE',
      values: { hours: value },
      message: `学时 ${value} 不大于 0`,
      column: '学时',
      value,
    };
  if (r.amountTenths > cap.value * r.days)
    return {
      kind: 'over_cap',
      ruleId: cap.ruleId,
      code: 'EXT.OVER_DAY_CAP',
      values: {
        hours: value,
        startDate: r.startDate,
        endDate: r.endDate,
        days: r.days,
        dayCap: h(cap.value),
        cap: h(cap.value * r.days),
      },
      message: `学时 ${value} 超过 ${r.startDate} 至 ${r.endDate} 共 ${r.days} 天每天 ${h(cap.value)} 学时的上限（${h(cap.value * r.days)}）`,
      column: '学时',
      value,
    };
  return undefined;
}

/** In one of the importer's subtrees. */
const within = (scope: string[], path: string) => scope.some((root) => path.startsWith(root));

export async function classify(
  ctx: ExternalContext,
  system: string,
  scope: string[],
  records: ExternalRecord[],
  trx: Database,
): Promise<Plan[]> {
  // the day limit of the rules in force for the importing unit (Y-HOURS-PACK-IN-FORCE)
  const rules = await ctx.rulesFor(scope[0] ?? '/', dateIn(ctx.now(), 'Asia/Shanghai'), trx);
  const dayMax = rules.importDayMaxTenths ?? DEFAULT_IMPORT_DAY_MAX;
  const found = await ctx.teachers.findByIdNumbers([...new Set(records.map((r) => r.idNumber))], trx);
  const teacherOf = (r: ExternalRecord) => {
    const t = found.get(r.idNumber);
    return t && within(scope, t.org_path) ? t : undefined;
  };
  const known = records.filter((r) => teacherOf(r));
  const latest = await ctx.revisions.latest(
    known.map((r) => ({ teacherId: teacherOf(r)?.id ?? '', creditKey: importCreditKey(system, r.recordId) })),
    trx,
  );
  const latestOf = new Map(latest.map((l) => [`${l.teacher_id}|${l.credit_key}`, l]));
  const queued = await ctx.repo.queuedVersions(
    system,
    records.map((r) => ({ idNumber: r.idNumber, recordId: r.recordId, fingerprint: fingerprintOf(r) })),
    trx,
  );
  const overlaps = await ctx.revisions.overlapping(
    known.map((r) => ({
      teacherId: teacherOf(r)?.id ?? '',
      category: r.category,
      first: r.startDate,
      last: r.endDate,
    })),
    system,
    trx,
  );
  const overlapOf = new Map<ExternalRecord, (typeof overlaps)[number]>();
  for (const o of overlaps) {
    const r = known[Number(o.k) - 1];
    if (r && !overlapOf.has(r)) overlapOf.set(r, o);
  }
  return records.map((record): Plan => {
    const teacher = teacherOf(record);
    const wasQueued = queued.has(`${record.idNumber}|${record.recordId}|${fingerprintOf(record)}`);
    const plan = (verdict: Verdict, conflict?: Conflict, l?: LatestPosting): Plan => ({
      record,
      verdict: conflict && wasQueued ? 'already_queued' : verdict,
      teacher,
      latest: l,
      conflict,
    });
    if (!teacher)
      return plan('queued', {
        kind: 'unknown_teacher',
        ruleId: HOURS_RULE_IMPORT_TEACHER,
        code: 'EXT.UNKNOWN_TEACHER',
        values: { name: record.name },
        message: `身份证号对应的教师不在本辖区（或系统中没有）：${record.name}`,
        column: '身份证号',
        value: record.idNumber,
      });
    const l = latestOf.get(`${teacher.id}|${importCreditKey(system, record.recordId)}`);
    if (l && sameAs(l, record)) return plan('unchanged', undefined, l);
    const cap = capConflict(dayMax, record);
    if (cap) return plan('queued', cap, l);
    const o = overlapOf.get(record);
    if (o)
      return plan(
        'queued',
        {
          kind: 'overlap',
          ruleId: HOURS_RULE_IMPORT_OVERLAP,
          code: 'EXT.OVERLAP',
          values: { system: o.provenance_system ?? o.source, from: o.first_day, to: o.occurred_on },
          message: `与该教师已有的同类学时记录（${o.provenance_system ?? o.source}，${o.first_day} 至 ${o.occurred_on}）日期重叠`,
          column: '开始日期',
          value: `${record.startDate} 至 ${record.endDate}`,
        },
        l,
      );
    return plan(l ? 'changed' : 'new', undefined, l);
  });
}
