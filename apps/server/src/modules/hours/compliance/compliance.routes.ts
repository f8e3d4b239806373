import {
  complianceQuerySchema,
  complianceRemindResultSchema,
  complianceRemindSchema,
  complianceTeachersQuerySchema,
  complianceTeachersSchema,
  hoursComplianceSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { HoursComplianceService } from './compliance.service';

const tags = ['hours'];

/** 学时 compliance of a unit, the teachers behind (JSON and Excel) and reminders to them. */
export function hoursComplianceRoutes(compliance: HoursComplianceService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/hours/compliance',
      {
        schema: {
          tags,
          summary: '学时达标情况 Who is on track for the cycle and the school year, per child unit',
          querystring: complianceQuerySchema,
          response: { 200: hoursComplianceSchema },
        },
      },
      async (req) => compliance.report(actorOf(req), req.query),
    );
    app.get(
      '/hours/compliance/teachers',
      {
        schema: {
          tags,
          summary: '学时进度落后的教师 Teachers behind, most behind first',
          querystring: complianceTeachersQuerySchema,
          response: { 200: complianceTeachersSchema },
        },
      },
      async (req) => compliance.teachers(actorOf(req), req.query),
    );
    app.get(
      '/hours/compliance/teachers.xlsx',
      {
        schema: {
          tags,
          summary: '导出学时进度名单 The teachers behind as Excel (no ID numbers)',
          querystring: complianceTeachersQuerySchema,
        },
      },
      async (req, reply) => {
        const f = await compliance.exportTeachers(actorOf(req), req.query);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );
    app.post(
      '/hours/compliance/reminders',
      {
        schema: {
          tags,
          summary: '提醒学时落后的教师 Notify each teacher behind (at most once a week each)',
          body: complianceRemindSchema,
          response: { 200: complianceRemindResultSchema },
        },
      },
      async (req) => compliance.remind(actorOf(req), req.body),
    );
  };
}
