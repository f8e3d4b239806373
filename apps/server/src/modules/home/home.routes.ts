import { homeSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../shared/http';
import type { HomeService } from './home.service';

const tags = ['home'];

export function homeRoutes(service: HomeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/home',
      {
        schema: {
          tags,
          summary:
            '工作台: the year at a glance, the latest early warnings, classes, plans and next tasks of the account',
          response: { 200: homeSchema },
        },
      },
      async (req) => service.home(actorOf(req)),
    );
  };
}
