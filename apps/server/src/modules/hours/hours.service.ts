import type { ReverseHoursRequest } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AuditService } from '../audit';
import type { HoursContext } from './context';
import { type CreditInput, postCredits, reverseCredits } from './credits';
import type { LedgerRepository } from './ledger.repository';
import type { TeachersPort } from './ports';
import { reverseEntry } from './reverse-entry';
import { hoursOf, teacherHours } from './transcript';

export interface HoursDeps {
  db: Database;
  repo: LedgerRepository;
  /** whether the actor may read a teacher (the people module) */
  people: TeachersPort;
  audit: AuditService;
  clock?: () => Date;
}

/**
 * The 学时 ledger: one append-only account of every credit a teacher earns (issue 12). Other modules post credits
 * through `postCredits` / `reverseCredits` inside their own transaction; people read a teacher's record and
 * bureaus reverse a posting with a reason.
 */
export function createHoursService(deps: HoursDeps) {
  const ctx: HoursContext = {
    db: deps.db,
    repo: deps.repo,
    people: deps.people,
    audit: deps.audit,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    teacherHours: (actor: Actor, teacherId: string) => teacherHours(ctx, actor, teacherId),
    reverseEntry: (actor: Actor, id: string, req: ReverseHoursRequest) => reverseEntry(ctx, actor, id, req),
    /** A teacher's record without authorization, for a module that has decided (the teacher's own page). */
    hoursOf: (teacherId: string) => hoursOf(ctx, teacherId, false),
    postCredits: (rows: CreditInput[], trx: Database) => postCredits(ctx, rows, trx),
    reverseCredits: (
      creditKey: string,
      teacherIds: string[],
      w: { by: string | null; reason: string },
      trx: Database,
    ) => reverseCredits(ctx, creditKey, teacherIds, w, trx),
  };
}

export type HoursService = ReturnType<typeof createHoursService>;
