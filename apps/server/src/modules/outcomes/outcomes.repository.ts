import type { Database } from '../../db/database';
import { createCertificatesRepository } from './certificates/certificates.repository';
import { createCompletionRepository } from './completion/completion.repository';
import { createSubmissionsRepository } from './submissions/submissions.repository';

export type { CertificateRow } from './certificates/certificates.repository';
export type { ResultRow, ResultWrite } from './completion/completion.repository';
export type { SubmissionRow } from './submissions/submissions.repository';

/** The outcomes module's repository: the area repositories over one `db`, the only place that writes SQL. */
export function createOutcomesRepository(db: Database) {
  return {
    ...createSubmissionsRepository(db),
    ...createCompletionRepository(db),
    ...createCertificatesRepository(db),
  };
}

export type OutcomesRepository = ReturnType<typeof createOutcomesRepository>;
