import {
  checkinDisplaySchema,
  checkinRequestSchema,
  checkinResultSchema,
  classAlertSchema,
  classDetailSchema,
  classDocumentSchema,
  classListQuerySchema,
  classProviderSchema,
  classSessionSchema,
  classSummarySchema,
  createClassSchema,
  createDocumentSchema,
  createSessionSchema,
  displayQuerySchema,
  enrolmentSchema,
  enrolResultSchema,
  enrolSchema,
  leaveDecisionSchema,
  leaveRequestSchema,
  leaveSchema,
  liveBoardSchema,
  manualAttendanceSchema,
  myClassSchema,
  updateClassSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { ClassesService } from './classes.service';

const idParams = z.object({ id: z.string().max(20) });
const leaveParams = z.object({ id: z.string().max(20), leaveId: z.string().max(20) });
const tags = ['classes'];

export function classesRoutes(classes: ClassesService): FastifyPluginAsyncZod {
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
    app.post(
      '/classes/:id/sessions',
      {
        schema: {
          tags,
          summary: '添加课次 Add a timetable session',
          params: idParams,
          body: createSessionSchema,
          response: { 201: classSessionSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await classes.addSession(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/classes/:id/documents',
      {
        schema: {
          tags,
          summary: '登记报送材料 Record a deadline document',
          params: idParams,
          body: createDocumentSchema,
          response: { 201: classDocumentSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await classes.addDocument(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/classes/:id/enrolments',
      {
        schema: {
          tags,
          summary: '编班 Enrol selected trainees',
          params: idParams,
          body: enrolSchema,
          response: { 200: enrolResultSchema },
        },
      },
      async (req) => classes.enrol(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/classes/:id/enrolments',
      {
        schema: {
          tags,
          summary: '学员名单 Trainees',
          params: idParams,
          response: { 200: z.array(enrolmentSchema) },
        },
      },
      async (req) => classes.enrolments(actorOf(req), req.params.id),
    );
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
    app.post(
      '/classes/:id/leave',
      {
        schema: {
          tags,
          summary: '请假 Ask leave for a session',
          params: idParams,
          body: leaveRequestSchema,
          response: { 201: leaveSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await classes.requestLeave(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/classes/:id/leave',
      {
        schema: {
          tags,
          summary: '请假列表 Leave requests',
          params: idParams,
          response: { 200: z.array(leaveSchema) },
        },
      },
      async (req) => classes.listLeave(actorOf(req), req.params.id),
    );
    app.post(
      '/classes/:id/leave/:leaveId/decision',
      {
        schema: {
          tags,
          summary: '审批请假 Decide a leave request',
          params: leaveParams,
          body: leaveDecisionSchema,
          response: { 200: leaveSchema },
        },
      },
      async (req) => classes.decideLeave(actorOf(req), req.params.id, req.params.leaveId, req.body),
    );
    app.get(
      '/class-alerts',
      {
        schema: {
          tags,
          summary: '逾期预警 Overdue and due-soon deadlines',
          response: { 200: z.array(classAlertSchema) },
        },
      },
      async (req) => classes.alerts(actorOf(req)),
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
