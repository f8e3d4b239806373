/**
 * The growth archive's public face: its service and routes, the ports it needs, and the empty growth records
 * port wired until the studios and evaluation modules record roles, honours and evaluations.
 */
export { archiveRoutes } from './archive.routes';
export { type ArchiveService, createArchiveService } from './archive.service';
export type { ArchiveDeps } from './context';
export {
  type GrowthRecordsPort,
  type HoursPort,
  NO_GROWTH_RECORDS,
  type ProgrammesPort,
  type TeachersPort,
  type TrainingPort,
} from './ports';
