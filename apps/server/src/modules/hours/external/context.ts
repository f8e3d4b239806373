import type { Database } from '../../../db/database';
import type { SheetRow } from '../../../shared/sheets/xlsx';
import type { AuditService } from '../../audit';
import type { LedgerRepository } from '../ledger.repository';
import type { HourRulesPort } from '../ports';
import type { ExternalRepository } from './external.repository';
import type { OrgPaths, TeacherIdNumbers } from './ports';
import type { RevisionsRepository } from './revisions.repository';

/** What the use cases of records from other platforms are given, built once by createExternalHours. */
export interface ExternalContext {
  db: Database;
  ledger: LedgerRepository;
  revisions: RevisionsRepository;
  repo: ExternalRepository;
  teachers: TeacherIdNumbers;
  orgs: OrgPaths;
  audit: AuditService;
  /** the upload's rows, in batches, within the sheet limits (the upload worker pool in the server) */
  readRows: (buf: Uint8Array, fileName: string, onBatch: (rows: SheetRow[]) => void) => Promise<number>;
  /** the cheap checks of an upload before it is read (zip bombs, not a sheet) */
  checkFile?: ((buf: Uint8Array, fileName: string) => Promise<void>) | undefined;
  /** the 学时 rules in force for a unit on a day */
  rulesFor: HourRulesPort;
  /** minutes a dry run may be committed in */
  dryRunMinutes: number;
  now: () => Date;
}
