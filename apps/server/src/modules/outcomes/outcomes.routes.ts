import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FilesService } from '../files';
import { certificatesRoutes } from './certificates/certificates.routes';
import { completionRoutes } from './completion/completion.routes';
import type { OutcomesService } from './outcomes.service';
import { submissionsRoutes } from './submissions/submissions.routes';

/** Every route of the outcomes module: the areas' plugins, each a one-line call per route. */
export function outcomesRoutes(
  outcomes: OutcomesService,
  files: Pick<FilesService, 'maxBytes'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(submissionsRoutes(outcomes, files));
    await app.register(completionRoutes(outcomes));
    await app.register(certificatesRoutes(outcomes));
  };
}
