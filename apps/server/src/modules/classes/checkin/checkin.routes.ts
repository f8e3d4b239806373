import {
  checkinDisplaySchema,
  checkinRequestSchema,
  checkinResultSchema,
  displayQuerySchema,
  liveBoardSchema,
  manualAttendanceSchema,
  myClassSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ClassesService } from '../classes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['classes'];

/** Check-in: the venue screen and live board, marking by hand, the teacher's check-in and classes. */
export function checkinRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/classes/:id/checkin-display',
      {
        schema: {
          tags,
          summary: '现场签到码 Rotating check-in code',
          params: idParams,
          querystring: displayQuerySchema,
          response: { 200: checkinDisplaySchema },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return classes.display(actorOf(req), req.params.id, req.query.slot);
      },
    );
    app.get(
      '/classes/:id/live',
      {
        schema: {
          tags,
          summary: '签到看板 Live check-in board',
          params: idParams,
          querystring: displayQuerySchema,
          response: { 200: liveBoardSchema },
        },
      },
      async (req) => classes.live(actorOf(req), req.params.id, req.query.slot),
    );
    app.post(
      '/classes/:id/attendance',
      {
        schema: {
          tags,
          summary: '补登签到 Mark attendance by hand',
          params: idParams,
          body: manualAttendanceSchema,
          response: { 200: checkinResultSchema },
        },
      },
      async (req) => classes.markAttendance(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/my/classes',
      {
        schema: {
          tags,
          summary: '我的培训班 My classes (teacher)',
          response: { 200: z.array(myClassSchema) },
        },
      },
      async (req) => classes.myClasses(actorOf(req)),
    );
    app.post(
      '/checkin',
      {
        schema: {
          tags,
          summary: '扫码签到 Check in (teacher)',
          body: checkinRequestSchema,
          response: { 200: checkinResultSchema },
        },
      },
      async (req) => classes.checkin(actorOf(req), req.body),
    );
  };
}
