/**
 * What the outcomes module answers for other modules (reports, home), without an actor: the caller authorizes.
 * Built in services.ts from the module's own repository.
 */
import type { OutcomesRepository } from './outcomes.repository';

export function createOutcomeQueries(repo: OutcomesRepository) {
  return {
    /** Per unit (an org and its subtree path): teachers completed (结业) and teachers a completion run judged. */
    completionCounts: (programmeId: string, units: Array<{ id: string; path: string }>) =>
      repo.completionCounts(programmeId, units),
    /** Per class: outcomes waiting for review, and teachers judged by a completion run (the landing page's tasks). */
    async reviewState(classIds: string[]): Promise<Map<string, { waiting: number; judged: number }>> {
      const [waiting, judged] = await Promise.all([
        repo.waitingPerClass(classIds),
        repo.judgedPerClass(classIds),
      ]);
      return new Map(
        classIds.map((id) => [id, { waiting: waiting.get(id) ?? 0, judged: judged.get(id) ?? 0 }]),
      );
    },
  };
}

export type OutcomeQueries = ReturnType<typeof createOutcomeQueries>;
