/**
 * What the classes module needs from other modules, declared here and wired in services.ts. Only the
 * programmes: a class belongs to one, takes its dates and owner from it, reads its policy pack, and is filled
 * from its selected nominations.
 */
import type { PolicyPack } from '@yanxun/core';
import type { Database } from '../../db/database';

/** The facts of a programme a class is checked against (its owner and dates). */
export interface ProgrammeFacts {
  id: string;
  ownerOrgId: string;
  ownerPath: string;
  startDate: string;
  endDate: string;
}

/** A selected nomination (遴选结果), the only kind placed in a class (R-004-18). */
export interface SelectedNomination {
  countyId: string;
  id: string;
  teacherId: string;
  orgPath: string;
}

export interface ProgrammesPort {
  /** The programme's owner and dates, or undefined when there is no such programme. */
  programme(id: string): Promise<ProgrammeFacts | undefined>;
  /** A policy pack by its id (a class's rules: deadlines, check-in), or undefined. */
  pack(packId: string): Promise<PolicyPack | undefined>;
  /**
   * The programme's selected nominations (only those of `teacherIds` when given), read in `trx`: enrolment
   * reads and places them in one transaction.
   */
  readSelected(
    programmeId: string,
    teacherIds: string[] | undefined,
    trx: Database,
  ): Promise<SelectedNomination[]>;
}
