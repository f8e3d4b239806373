import {
  createProgrammeRequestSchema,
  pageOf,
  programmeListQuerySchema,
  programmeSchema,
  updateProgrammeRequestSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ProgrammesService } from './programmes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['programs'];

/** Programmes: list, create, read, update, delete. */
export function programmesRoutes(programs: ProgrammesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes',
      {
        schema: {
          tags,
          summary: '培训项目列表 Programmes',
          querystring: programmeListQuerySchema,
          response: { 200: pageOf(programmeSchema) },
        },
      },
      async (req) => programs.listProgrammes(actorOf(req), req.query),
    );
    app.post(
      '/programmes',
      {
        schema: {
          tags,
          summary: '设立培训项目 Create a programme',
          body: createProgrammeRequestSchema,
          response: { 201: programmeSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await programs.createProgramme(actorOf(req), req.body)),
    );
    app.get(
      '/programmes/:id',
      {
        schema: { tags, summary: '培训项目 Programme', params: idParams, response: { 200: programmeSchema } },
      },
      async (req) => programs.getProgramme(actorOf(req), req.params.id),
    );
    app.patch(
      '/programmes/:id',
      {
        schema: {
          tags,
          summary: '修改培训项目 Update a programme',
          params: idParams,
          body: updateProgrammeRequestSchema,
          response: { 200: programmeSchema },
        },
      },
      async (req) => programs.updateProgramme(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/programmes/:id',
      { schema: { tags, summary: '删除培训项目（无推荐时）Delete a programme', params: idParams } },
      async (req, reply) => {
        await programs.deleteProgramme(actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
