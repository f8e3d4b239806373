import {
  pageOf,
  teacherDetailSchema,
  teacherListQuerySchema,
  teacherRowSchema,
  transferRequestSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { PeopleService } from '../index';

const idParams = z.object({ id: z.string().max(20) });

/** Teachers: the list, one teacher, the audited full identifiers, and transfers. */
export function teachersRoutes(people: PeopleService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teachers',
      {
        schema: {
          tags: ['people'],
          summary: '教师列表 Teachers',
          querystring: teacherListQuerySchema,
          response: { 200: pageOf(teacherRowSchema) },
        },
      },
      async (req) => people.list(actorOf(req), req.query),
    );
    app.get(
      '/teachers/:id',
      {
        schema: {
          tags: ['people'],
          summary: '教师详情 Teacher',
          params: idParams,
          response: { 200: teacherDetailSchema },
        },
      },
      async (req) => people.detail(actorOf(req), req.params.id),
    );
    app.get(
      '/teachers/:id/id-number',
      {
        schema: {
          tags: ['people'],
          summary: '查看完整身份证号（记入审计日志）Full ID number, audited',
          params: idParams,
          response: { 200: z.object({ idNumber: z.string() }) },
        },
      },
      async (req) => people.revealIdNumber(actorOf(req), req.params.id),
    );
    app.get(
      '/teachers/:id/phone',
      {
        schema: {
          tags: ['people'],
          summary: '查看完整手机号（记入审计日志）Full phone number, audited',
          params: idParams,
          response: { 200: z.object({ phone: z.string().nullable() }) },
        },
      },
      async (req) => people.revealPhone(actorOf(req), req.params.id),
    );
    app.post(
      '/teachers/:id/transfer',
      {
        schema: {
          tags: ['people'],
          summary: '教师调动 Move a teacher to another school',
          params: idParams,
          body: transferRequestSchema,
          response: { 200: teacherDetailSchema },
        },
      },
      async (req) => people.transfer(actorOf(req), req.params.id, req.body),
    );
  };
}
