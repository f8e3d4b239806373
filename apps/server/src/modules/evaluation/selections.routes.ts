import {
  createSelectionSchema,
  decideSelectionSchema,
  nominateIndividualSchema,
  revokeHonourSchema,
  selectionDetailSchema,
  selectionSummarySchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, publicOrigin, rfc5987, sendFile } from '../../shared/http';
import type { SelectionsService } from './selections.service';

const tags = ['evaluation'];
const idParams = z.object({ id: z.string().max(20) });
const honourParams = z.object({ id: z.string().max(20), honourId: z.string().max(20) });

/** Annual selections (评优评先, R3-G18, R3-S06…S08) and their certificates of honour. */
export function selectionsRoutes(sel: SelectionsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluation/selections',
      {
        schema: {
          tags,
          summary: '评优评先 Annual selections owned in scope',
          response: { 200: z.array(selectionSummarySchema) },
        },
      },
      async (req) => sel.list(actorOf(req)),
    );
    app.post(
      '/evaluation/selections',
      {
        schema: {
          tags,
          summary: '新建评选 Create a selection (from a published campaign, or 先进个人 by nomination)',
          body: createSelectionSchema,
          response: { 201: selectionDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await sel.create(actorOf(req), req.body)),
    );
    app.get(
      '/evaluation/selections/:id',
      {
        schema: {
          tags,
          summary: '评选详情 A selection',
          params: idParams,
          response: { 200: selectionDetailSchema },
        },
      },
      async (req) => sel.detail(actorOf(req), req.params.id),
    );
    app.put(
      '/evaluation/selections/:id/decisions',
      {
        schema: {
          tags,
          summary: '调整入选 Select or not (a departure from the pre-check needs a reason)',
          params: idParams,
          body: decideSelectionSchema,
          response: { 200: selectionDetailSchema },
        },
      },
      async (req) => sel.decide(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/evaluation/selections/:id/nominations',
      {
        schema: {
          tags,
          summary: '提名先进个人 Nominate a teacher with a reason',
          params: idParams,
          body: nominateIndividualSchema,
          response: { 201: selectionDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await sel.nominate(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/evaluation/selections/:id/publish',
      {
        schema: {
          tags,
          summary: '发布评选 Publish (certificates of honour, 优秀工作坊 titles)',
          params: idParams,
          response: { 200: selectionDetailSchema },
        },
      },
      async (req) => sel.publish(actorOf(req), req.params.id),
    );
    app.get(
      '/evaluation/selections/:id/honours/:honourId/certificate.pdf',
      { schema: { tags, summary: '荣誉证书 PDF A certificate of honour', params: honourParams } },
      async (req, reply) => {
        const f = await sel.honourPdf(actorOf(req), req.params.id, req.params.honourId, publicOrigin(req));
        return sendFile(reply, f.name, 'application/pdf', f.content);
      },
    );
    app.post(
      '/evaluation/selections/:id/honours/:honourId/revoke',
      {
        schema: {
          tags,
          summary: '撤销荣誉证书 Revoke a certificate of honour awarded in error, with a reason',
          params: honourParams,
          body: revokeHonourSchema,
          response: { 200: selectionDetailSchema },
        },
      },
      async (req) => sel.revokeHonour(actorOf(req), req.params.id, req.params.honourId, req.body),
    );
    app.get(
      '/evaluation/selections/:id/certificates.zip',
      { schema: { tags, summary: '全部荣誉证书（zip）Every certificate of honour', params: idParams } },
      async (req, reply) => {
        const z = await sel.honoursZip(actorOf(req), req.params.id, publicOrigin(req));
        const ascii = z.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=${rfc5987(z.name)}`)
          .header('x-certificate-count', String(z.count))
          .send(z.stream);
      },
    );
  };
}
