import type { AuditService } from '../audit';
import type { GrowthRecordsPort, HoursPort, ProgrammesPort, TeachersPort, TrainingPort } from './ports';

/** What services.ts gives the archive: ports onto the modules that hold the records, and the audit log. */
export interface ArchiveDeps {
  people: TeachersPort;
  programs: ProgrammesPort;
  training: TrainingPort;
  hours: HoursPort;
  growth: GrowthRecordsPort;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case of the archive is given, built once by createArchiveService. The archive has no tables. */
export interface ArchiveContext {
  people: TeachersPort;
  programs: ProgrammesPort;
  training: TrainingPort;
  hours: HoursPort;
  growth: GrowthRecordsPort;
  audit: AuditService;
  now: () => Date;
}
