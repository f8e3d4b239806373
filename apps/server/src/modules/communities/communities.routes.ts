import {
  activityInputSchema,
  activitySchema,
  attendanceInputSchema,
  attendanceRowSchema,
  communityDetailSchema,
  communityListQuerySchema,
  communitySummarySchema,
  createCommunitySchema,
  feedbackInputSchema,
  feedbackResultSchema,
  myCommunitySchema,
  planInputSchema,
  planViewSchema,
  registerCommunitySchema,
  reviewQuerySchema,
  reviewSchema,
  rosterChangeSchema,
  titleInputSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import { activityFilesRoutes } from './activity-files.routes';
import type { CommunitiesService } from './communities.service';

const tags = ['communities'];
const idParams = z.object({ id: z.string().max(20) });
const activityParams = z.object({ id: z.string().max(20), activityId: z.string().max(20) });
const planParams = z.object({ id: z.string().max(20), schoolYear: z.string().max(9) });

/** Studios and workshops: registry, roster, registration, plan, activities, monthly review, a teacher's own. */
export function communitiesRoutes(svc: CommunitiesService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(activityFilesRoutes(svc));
    app.get(
      '/communities',
      {
        schema: {
          tags,
          summary: '工作室与工作坊 Studios and workshops in scope, with finding counts',
          querystring: communityListQuerySchema,
          response: { 200: z.array(communitySummarySchema) },
        },
      },
      async (req) => svc.list(actorOf(req), req.query),
    );
    app.post(
      '/communities',
      {
        schema: {
          tags,
          summary: '创建工作室/工作坊 Create one (a draft, with its host)',
          body: createCommunitySchema,
          response: { 201: communityDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.create(actorOf(req), req.body)),
    );
    app.get(
      '/communities/review',
      {
        schema: {
          tags,
          summary: '月度动态评价 The month of every studio and workshop in scope (R3-G17)',
          querystring: reviewQuerySchema,
          response: { 200: reviewSchema },
        },
      },
      async (req) => svc.review(actorOf(req), req.query),
    );
    app.get(
      '/me/communities',
      {
        schema: {
          tags,
          summary: '我的工作室/工作坊 My studios and workshops',
          response: { 200: z.array(myCommunitySchema) },
        },
      },
      async (req) => svc.mine(actorOf(req)),
    );
    app.get(
      '/communities/:id',
      {
        schema: {
          tags,
          summary: '工作室/工作坊详情 Roster, history, registration and findings',
          params: idParams,
          response: { 200: communityDetailSchema },
        },
      },
      async (req) => svc.get(actorOf(req), req.params.id),
    );
    app.post(
      '/communities/:id/roster',
      {
        schema: {
          tags,
          summary: '调整成员 Add members and end memberships (an adjustment once registered, R3-W14)',
          params: idParams,
          body: rosterChangeSchema,
          response: { 200: communityDetailSchema },
        },
      },
      async (req) => svc.changeRoster(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/communities/:id/register',
      {
        schema: {
          tags,
          summary: '注册 Register for two school years (refused while the composition has errors)',
          params: idParams,
          body: registerCommunitySchema,
          response: { 200: communityDetailSchema },
        },
      },
      async (req) => svc.register(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/communities/:id/plans/:schoolYear',
      {
        schema: {
          tags,
          summary: '学年活动计划 The school-year plan with its findings',
          params: planParams,
          response: { 200: planViewSchema },
        },
      },
      async (req) => svc.plan(actorOf(req), req.params.id, req.params.schoolYear),
    );
    app.put(
      '/communities/:id/plans/:schoolYear',
      {
        schema: {
          tags,
          summary: '保存学年活动计划 Save the plan whole',
          params: planParams,
          body: planInputSchema,
          response: { 200: planViewSchema },
        },
      },
      async (req) => svc.savePlan(actorOf(req), req.params.id, req.params.schoolYear, req.body),
    );
    app.get(
      '/communities/:id/activities',
      {
        schema: {
          tags,
          summary: '活动 Activities, newest first',
          params: idParams,
          response: { 200: z.array(activitySchema) },
        },
      },
      async (req) => svc.activities(actorOf(req), req.params.id),
    );
    app.post(
      '/communities/:id/activities',
      {
        schema: {
          tags,
          summary: '登记活动 Record an activity',
          params: idParams,
          body: activityInputSchema,
          response: { 201: activitySchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createActivity(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/communities/:id/activities/:activityId/attendance',
      {
        schema: {
          tags,
          summary: '出勤 Attendance of an activity',
          params: activityParams,
          response: { 200: z.array(attendanceRowSchema) },
        },
      },
      async (req) => svc.attendance(actorOf(req), req.params.id, req.params.activityId),
    );
    app.put(
      '/communities/:id/activities/:activityId/attendance',
      {
        schema: {
          tags,
          summary: '登记出勤 Record who came',
          params: activityParams,
          body: attendanceInputSchema,
          response: { 200: z.array(attendanceRowSchema) },
        },
      },
      async (req) => svc.recordAttendance(actorOf(req), req.params.id, req.params.activityId, req.body),
    );
    app.post(
      '/communities/:id/activities/:activityId/close',
      {
        schema: {
          tags,
          summary: '结束登记 Close the activity: the attendees’ 学时 go to the ledger once',
          params: activityParams,
          response: { 200: activitySchema },
        },
      },
      async (req) => svc.closeActivity(actorOf(req), req.params.id, req.params.activityId),
    );
    app.post(
      '/communities/:id/review-feedback',
      {
        schema: {
          tags,
          summary: '月度评价反馈 Record the month’s feedback (R3-G17)',
          params: idParams,
          body: feedbackInputSchema,
          response: { 200: feedbackResultSchema },
        },
      },
      async (req) => svc.feedback(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/communities/:id/titles',
      {
        schema: {
          tags,
          summary: '优秀工作坊/工作室称号 Record or withdraw a community’s title of a year (R3-W15, R3-G18)',
          params: idParams,
          body: titleInputSchema,
          response: { 200: communityDetailSchema },
        },
      },
      async (req) => svc.recordTitle(actorOf(req), req.params.id, req.body),
    );
  };
}
