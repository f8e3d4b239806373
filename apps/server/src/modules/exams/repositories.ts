/**
 * The module's two repositories as the composition root builds them: each is the areas' data access in one
 * object (the areas' *.repository.ts files hold the SQL).
 */
import type { Database } from '../../db/database';
import { createAnalysisRepository } from './analysis/analysis.repository';
import { createCyclesRepository } from './cycles/cycles.repository';
import { createExamRecordsRepository } from './exams/exams.repository';
import { createIndicatorsRepository } from './indicators/indicators.repository';
import { createParentsRepository } from './parents/parents.repository';
import { createReleaseRepository } from './release/release.repository';
import { createUploadRepository } from './upload/upload.repository';

/** Exams, uploads, the analysis cache, cycles and indicator systems. */
export function createExamsRepository(db: Database) {
  return {
    ...createExamRecordsRepository(db),
    ...createUploadRepository(db),
    ...createAnalysisRepository(db),
    ...createCyclesRepository(db),
    ...createIndicatorsRepository(db),
  };
}

export type ExamsRepository = ReturnType<typeof createExamsRepository>;

/** Releases to the public and to parents, access codes and the parent view. */
export function createExamReleaseRepository(db: Database) {
  return { ...createReleaseRepository(db), ...createParentsRepository(db) };
}

export type ExamReleaseRepository = ReturnType<typeof createExamReleaseRepository>;
