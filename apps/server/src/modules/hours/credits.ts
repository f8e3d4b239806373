/**
 * Posting credits for other modules (a completion run today; claims, imports and activities as they come): inside
 * the caller's transaction, once per credit (a reversed credit is not posted again: a bureau's reversal stands),
 * and reversing those that no longer stand.
 */
import { schoolYearOf } from '@yanxun/core';
import type { Database } from '../../db/database';
import { dateOf } from '../../shared/time';
import type { HoursContext } from './context';
import type { CreditWrite } from './ledger.repository';

/** A credit as another module gives it: the ledger derives the school year from the day it was earned. */
export type CreditInput = Omit<CreditWrite, 'schoolYear'>;

/** Post the credits not posted before; the number posted. */
export async function postCredits(ctx: HoursContext, rows: CreditInput[], trx: Database): Promise<number> {
  const [first] = rows;
  if (!first) return 0;
  // the school-year start is the same for every unit (Y-HOURS-PACK-IN-FORCE)
  const start = (await ctx.rulesFor(first.orgPath, dateOf(ctx.now()), trx)).schoolYearStart.value;
  return ctx.repo.post(
    rows.map((r) => ({ ...r, schoolYear: schoolYearOf(r.occurredOn, start) })),
    ctx.now(),
    trx,
  );
}

/** Reverse the standing postings of a credit for these teachers with a reason; the number reversed. */
export async function reverseCredits(
  ctx: HoursContext,
  creditKey: string,
  teacherIds: string[],
  w: { by: string | null; reason: string },
  trx: Database,
): Promise<number> {
  const live = await ctx.repo.live(creditKey, teacherIds, trx);
  return ctx.repo.reverse(
    live.map((l) => ({ countyId: l.county_id, id: l.id })),
    { ...w, at: ctx.now() },
    trx,
  );
}

/** The credit key of a programme's completion: one standing completion credit per teacher and programme. */
export function completionCreditKey(programmeId: string): string {
  return `completion:${programmeId}`;
}
