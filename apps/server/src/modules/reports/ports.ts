/**
 * What the reports module needs from other modules, declared here and wired in services.ts: the programmes in
 * the actor's scope and their selection-quality report (programs), org look-ups (org), enrolment, attendance
 * and deadline counts (classes), and 结业 counts (outcomes). Types only come from the offering modules.
 */
import type { SelectionQuality, SelectionQualityQuery } from '@yanxun/contracts';
import type { PolicyPack } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import type { KpiCountsRow, ProgrammeDeadlineCount } from '../classes';
import type { ProgrammeRef } from '../programs';

/** A unit of the report: an org and its subtree path. */
export interface KpiUnit {
  id: string;
  path: string;
}

/** Per unit: teachers completed (结业) and teachers a completion run has judged. */
export interface CompletionCount {
  completed: number;
  assessed: number;
}

/**
 * Completions (结业) per unit id for a programme. The outcomes module supplies it; without it the report
 * shows "—" for 结业 and 结业率 (`completionAvailable: false`).
 */
export type CompletionCounter = (
  programmeId: string,
  units: KpiUnit[],
) => Promise<Map<string, CompletionCount>>;

export interface ProgrammesPort {
  /** The programme and its policy pack, or undefined. */
  programmeWithPack(id: string): Promise<{ programme: ProgrammeRef; pack: PolicyPack } | undefined>;
  /** The programmes the actor may read (program.read), with their packs, and the actor's scope roots. */
  programmesInScope(
    actor: Actor,
  ): Promise<{ roots: string[]; items: Array<{ programme: ProgrammeRef; pack: PolicyPack }> }>;
}

export interface SelectionPort {
  /**
   * The selection-quality report of a programme at a level: loads the programme as the actor (not found out of
   * scope) and lists exactly the units the actor may read.
   */
  selectionQuality(
    actor: Actor,
    programmeId: string,
    query: SelectionQualityQuery,
  ): Promise<SelectionQuality>;
}

export interface OrgsPort {
  findById(id: string): Promise<{ id: string; name: string; kind: string; path: string } | undefined>;
  findByIds(ids: string[]): Promise<Array<{ id: string; path: string }>>;
}

/** Classes' counts for reports (no actor: the reports module authorizes). */
export interface ClassCountsPort {
  /**
   * Enrolled, registered (注册), arrived (报到) and person-sessions begun/attended per unit by `asOf` (a date) at
   * `time` ('HH:mm'): a session counts once it has started.
   */
  classKpiCounts(programmeId: string, units: KpiUnit[], asOf: string, time: string): Promise<KpiCountsRow[]>;
  /** Per programme: its classes and how many deadline items are overdue on `today`. */
  deadlineCountsOfProgrammes(
    programmes: Array<{ id: string; pack: PolicyPack }>,
    today: string,
  ): Promise<Map<string, ProgrammeDeadlineCount>>;
}
