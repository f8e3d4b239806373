import type { ImportKind } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { SchoolWrite } from '../org';
import type { TeacherWrite } from '../people';
import type { RowReader } from './dry-run/parser';
import type { ImportsRepository, JobPatch } from './jobs/jobs.repository';
import type { ImportOrgs, ImportPeople } from './ports';
import type { SeenState } from './stale';

export type TeacherPrepared = TeacherWrite & { row: number };
export type SchoolPrepared = SchoolWrite & { row: number };

/** What a dry run fills in on its job. */
export interface DryRunTarget {
  state: JobPatch;
  teachers: TeacherPrepared[];
  schools: SchoolPrepared[];
  /** what the dry run saw of each teacher (by ID number) or school (by code) it will write */
  seen: SeenState;
  /** what it saw of each school the teachers go to, or each county/乡镇 the schools go under (by org id) */
  places: Map<string, string>;
}

/** What an active job keeps in memory between its dry run and its commit. */
export interface ActiveJob extends DryRunTarget {
  kind: ImportKind;
  accountId: string;
  /** rows that had errors, by row number: left out of a 'valid' commit */
  errorRowNumbers: Set<number>;
  /** the dry run may be committed until then */
  expiresAt: Date | null;
  done: Promise<void>;
}

/** What the imports module's use cases work with. */
export interface ImportsContext {
  db: Database;
  repo: ImportsRepository;
  orgs: ImportOrgs;
  people: ImportPeople;
  audit: AuditService;
  /** reads an uploaded file's rows (the upload worker pool) */
  readRows: RowReader;
  /** the checks of an upload that need no reading (empty, not a sheet, zip entries, declared sizes and ratios) */
  checkFile: ((buf: Uint8Array, fileName: string) => Promise<void>) | undefined;
  /** row errors kept per job (all are counted) */
  maxErrorsKept: number;
  /** a dry run may be committed this long after it finished */
  dryRunMinutes: number;
  now: () => Date;
  /** the jobs of this process between upload and commit, by id: their rows live only here */
  active: Map<string, ActiveJob>;
}

/** What the dry run works with. */
export type DryRunContext = Pick<ImportsContext, 'orgs' | 'people' | 'readRows' | 'maxErrorsKept' | 'now'>;

/** What the commit's re-check reads through. */
export type RecheckContext = Pick<ImportsContext, 'orgs' | 'people'>;
