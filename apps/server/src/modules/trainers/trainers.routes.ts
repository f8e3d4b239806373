import {
  applyTrainerSchema,
  appointTrainerSchema,
  approveTrainerSchema,
  assessTrainerSchema,
  assignTrainerSchema,
  myTrainerSchema,
  recommendTrainerSchema,
  revokeTrainerSchema,
  trainerDetailSchema,
  trainerListQuerySchema,
  trainerPageSchema,
  trainerStandingQuerySchema,
  trainerStandingSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { TrainersService } from './trainers.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['trainers'];

/** 培训者团队: the teacher's own record, the pool's list and decisions, the county teams' standing. */
export function trainersRoutes(trainers: TrainersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/trainer',
      { schema: { tags, summary: '我的培训者申请 My trainer records', response: { 200: myTrainerSchema } } },
      async (req) => trainers.mine(actorOf(req)),
    );
    app.post(
      '/me/trainer/applications',
      {
        schema: {
          tags,
          summary: '申请加入培训者团队 Apply to the pool (R3-P07)',
          body: applyTrainerSchema,
          response: { 201: trainerDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await trainers.apply(actorOf(req), req.body)),
    );
    app.get(
      '/trainers',
      {
        schema: {
          tags,
          summary: '培训者团队名单 Records in scope',
          querystring: trainerListQuerySchema,
          response: { 200: trainerPageSchema },
        },
      },
      async (req) => trainers.list(actorOf(req), req.query),
    );
    app.get(
      '/trainers/standing',
      {
        schema: {
          tags,
          summary: '县级培训者队伍达标 County teams: size and participation (R3-P01, R3-P02)',
          querystring: trainerStandingQuerySchema,
          response: { 200: trainerStandingSchema },
        },
      },
      async (req) => trainers.standing(actorOf(req), req.query),
    );
    app.post(
      '/trainers/appointments',
      {
        schema: {
          tags,
          summary: '直聘 Appoint an expert directly with consent (R3-P08)',
          body: appointTrainerSchema,
          response: { 201: trainerDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await trainers.appoint(actorOf(req), req.body)),
    );
    app.get(
      '/trainers/:id',
      {
        schema: {
          tags,
          summary: '培训者记录 One record with its history',
          params: idParams,
          response: { 200: trainerDetailSchema },
        },
      },
      async (req) => trainers.detail(actorOf(req), req.params.id),
    );
    app.post(
      '/trainers/:id/recommendation',
      {
        schema: {
          tags,
          summary: '单位推荐或退回 The school recommends or returns (R3-P07)',
          params: idParams,
          body: recommendTrainerSchema,
          response: { 200: trainerDetailSchema },
        },
      },
      async (req) => trainers.recommend(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/trainers/:id/decision',
      {
        schema: {
          tags,
          summary: '审定或退回 The bureau approves (with overrides) or returns (R3-P07, R3-P03…P05)',
          params: idParams,
          body: approveTrainerSchema,
          response: { 200: trainerDetailSchema },
        },
      },
      async (req) => trainers.approve(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/trainers/:id/assessments',
      {
        schema: {
          tags,
          summary: '年度考核 Annual assessment (R3-P09)',
          params: idParams,
          body: assessTrainerSchema,
          response: { 200: trainerDetailSchema },
        },
      },
      async (req) => trainers.assess(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/trainers/:id/revocation',
      {
        schema: {
          tags,
          summary: '撤销资格 Revoke in term for one of four reasons (R3-P10)',
          params: idParams,
          body: revokeTrainerSchema,
          response: { 200: trainerDetailSchema },
        },
      },
      async (req) => trainers.revoke(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/trainers/:id/assignments',
      {
        schema: {
          tags,
          summary: '安排任务 Assign to a programme or class (R3-P02)',
          params: idParams,
          body: assignTrainerSchema,
          response: { 200: trainerDetailSchema },
        },
      },
      async (req) => trainers.assign(actorOf(req), req.params.id, req.body),
    );
  };
}
