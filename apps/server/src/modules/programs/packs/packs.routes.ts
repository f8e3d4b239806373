import {
  cloneDefaultsQuerySchema,
  cloneDefaultsSchema,
  clonePackRequestSchema,
  packDetailSchema,
  packListQuerySchema,
  packPreviewRequestSchema,
  packPreviewSchema,
  packSummarySchema,
  ruleSourceSchema,
  updatePackRequestSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { PacksService } from './packs.service';

const packParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['programs'];

/** Policy packs: list, read, clone, edit a draft, publish, what-if preview. */
export function packsRoutes(programs: PacksService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/packs',
      {
        schema: {
          tags,
          summary: '政策包列表 Policy packs',
          querystring: packListQuerySchema,
          response: { 200: z.array(packSummarySchema) },
        },
      },
      async (req) => programs.listPacks(actorOf(req), req.query),
    );
    app.get(
      '/rule-sources',
      {
        schema: {
          tags,
          summary: '规则出处 Where each rule ID comes from (officers and providers)',
          response: { 200: z.array(ruleSourceSchema) },
        },
      },
      async (req) => programs.listRuleSources(actorOf(req)),
    );
    app.get(
      '/packs/:id',
      {
        schema: {
          tags,
          summary: '政策包 Policy pack',
          params: packParams,
          response: { 200: packDetailSchema },
        },
      },
      async (req) => programs.getPack(actorOf(req), req.params.id),
    );
    app.get(
      '/packs/:id/clone-defaults',
      {
        schema: {
          tags,
          summary: '复制的默认名称、发文单位和依据文件 What a clone for a year starts with',
          params: packParams,
          querystring: cloneDefaultsQuerySchema,
          response: { 200: cloneDefaultsSchema },
        },
      },
      async (req) => programs.cloneDefaults(actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/packs/:id/clone',
      {
        schema: {
          tags,
          summary: '复制为新年度草稿 Clone a pack for a year',
          params: packParams,
          body: clonePackRequestSchema,
          response: { 201: packDetailSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await programs.clonePack(actorOf(req), req.params.id, req.body)),
    );
    app.put(
      '/packs/:id',
      {
        schema: {
          tags,
          summary: '修改政策包草稿 Update a draft pack',
          params: packParams,
          body: updatePackRequestSchema,
          response: { 200: packDetailSchema },
        },
      },
      async (req) => programs.updatePack(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/packs/:id/publish',
      {
        schema: {
          tags,
          summary: '发布政策包 Publish a pack',
          params: packParams,
          response: { 200: packDetailSchema },
        },
      },
      async (req) => programs.publishPack(actorOf(req), req.params.id),
    );
    app.post(
      '/packs/:id/preview',
      {
        schema: {
          tags,
          summary: '规则调整预览 What-if: eligible teachers under the pack and a changed pack',
          params: packParams,
          body: packPreviewRequestSchema,
          response: { 200: packPreviewSchema },
        },
      },
      async (req) => programs.previewPack(actorOf(req), req.params.id, req.body),
    );
  };
}
