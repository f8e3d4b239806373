import type { Database } from '../../db/database';
import { createCampaignsRepository } from './campaigns.repository';
import { createHistoryRepository } from './history.repository';
import { createScoringRepository } from './scoring.repository';

/** The evaluation module's SQL as one object (migration 0027's tables only; method names do not overlap). */
export function createEvaluationRepository(db: Database) {
  return {
    ...createCampaignsRepository(db),
    ...createScoringRepository(db),
    ...createHistoryRepository(db),
  };
}

export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>;
