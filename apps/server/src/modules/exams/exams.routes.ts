/** The module's routes, one plugin per area, registered under the app's API prefix. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type CyclesApi, cyclesRoutes } from './cycles/cycles.routes';
import { type ExamRecordsApi, examRecordsRoutes } from './exams/exams.routes';
import { type IndicatorsApi, indicatorsRoutes } from './indicators/indicators.routes';
import { type ParentsApi, parentsRoutes } from './parents/parents.routes';
import { type ReleaseApi, releaseRoutes } from './release/release.routes';
import { type ReportsApi, reportsRoutes } from './reports/reports.routes';
import { type UploadApi, uploadRoutes } from './upload/upload.routes';

/** Exams, uploads, reports (with the grade cut-off preview), monitoring cycles, indicator systems. */
export function examsRoutes(
  exams: ExamRecordsApi & UploadApi & ReportsApi & CyclesApi & IndicatorsApi,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(examRecordsRoutes(exams));
    await app.register(uploadRoutes(exams));
    await app.register(reportsRoutes(exams));
    await app.register(cyclesRoutes(exams));
    await app.register(indicatorsRoutes(exams));
  };
}

/** Releases and the public summaries, a school's access codes, the parent view. */
export function examReleaseRoutes(release: ReleaseApi & ParentsApi): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(releaseRoutes(release));
    await app.register(parentsRoutes(release));
  };
}
