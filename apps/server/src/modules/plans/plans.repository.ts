import type { Database } from '../../db/database';
import { createApplicationsRepository } from './applications/applications.repository';
import { createMoneyRepository } from './money/money.repository';
import { createReviewRepository } from './review/review.repository';

export type { PlanRow, PlanVersionRow } from './applications/applications.repository';
export type { SpendingRow } from './money/money.repository';
export type { ApprovedProviderRow } from './review/review.repository';

/** The plans module's repository: the area repositories over one `db`, the only place that writes SQL. */
export function createPlansRepository(db: Database) {
  return {
    ...createApplicationsRepository(db),
    ...createReviewRepository(db),
    ...createMoneyRepository(db),
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
