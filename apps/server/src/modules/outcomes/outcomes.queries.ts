/**
 * What the outcomes module answers for other modules (reports), without an actor: the caller authorizes.
 * Built in services.ts from the module's own repository.
 */
import type { OutcomesRepository } from './outcomes.repository';

export function createOutcomeQueries(repo: OutcomesRepository) {
  return {
    /** Per unit (an org and its subtree path): teachers completed (结业) and teachers a completion run judged. */
    completionCounts: (programmeId: string, units: Array<{ id: string; path: string }>) =>
      repo.completionCounts(programmeId, units),
  };
}

export type OutcomeQueries = ReturnType<typeof createOutcomeQueries>;
