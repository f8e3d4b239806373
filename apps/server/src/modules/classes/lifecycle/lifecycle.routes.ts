import {
  classDetailSchema,
  classListQuerySchema,
  classProviderSchema,
  classSummarySchema,
  createClassSchema,
  updateClassSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ClassesService } from '../classes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['classes'];

/** Classes: list, open, read and change one, and the providers to choose from. */
export function lifecycleRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/classes',
      {
        schema: {
          tags,
          summary: '培训班列表 Classes',
          querystring: classListQuerySchema,
          response: { 200: z.array(classSummarySchema) },
        },
      },
      async (req) => classes.list(actorOf(req), req.query),
    );
    app.post(
      '/classes',
      {
        schema: {
          tags,
          summary: '开班 Open a class',
          body: createClassSchema,
          response: { 201: classDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await classes.create(actorOf(req), req.body)),
    );
    app.get(
      '/classes/:id',
      {
        schema: {
          tags,
          summary: '培训班 Class with timetable and deadline board',
          params: idParams,
          response: { 200: classDetailSchema },
        },
      },
      async (req) => classes.get(actorOf(req), req.params.id),
    );
    app.put(
      '/classes/:id',
      {
        schema: {
          tags,
          summary: '修改培训班 Update a class',
          params: idParams,
          body: updateClassSchema,
          response: { 200: classDetailSchema },
        },
      },
      async (req) => classes.update(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/class-providers',
      {
        schema: {
          tags,
          summary: '承训机构 Providers a class can be given to',
          response: { 200: z.array(classProviderSchema) },
        },
      },
      async (req) => classes.providers(actorOf(req)),
    );
  };
}
