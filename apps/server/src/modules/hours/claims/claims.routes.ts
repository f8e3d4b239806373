import {
  CLAIM_EVIDENCE_MAX_FILES,
  decideHourClaimSchema,
  hourClaimQueueQuerySchema,
  hourClaimSchema,
} from '@yanxun/contracts';
import { HOURS_RULE_CLAIM_EVIDENCE, uploadFileName } from '@yanxun/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/app-error';
import { actorOf, sendFile } from '../../../shared/http';
import type { Upload } from '../../files';
import type { HourClaimsService } from './claims.service';

const idParams = z.object({ id: z.string().max(20) });
const fileParams = z.object({ id: z.string().max(20), fileId: z.string().max(20) });
const tags = ['hours'];
/** the claim (one JSON field) and up to five evidence files in one request; named in the refusal of a sixth */
const CLAIM_LIMITS = { files: CLAIM_EVIDENCE_MAX_FILES, fields: 2 };

/** 学时申报: a teacher's claims, the review queue, decisions, withdrawal, evidence files. */
export function hourClaimsRoutes(claims: HourClaimsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/me/hour-claims',
      {
        schema: {
          tags,
          summary: '申报学时 Claim hours with evidence',
          description:
            'multipart/form-data: field `claim` (JSON: category, kind, title, issuer, certificateNo?, startDate, endDate, hoursTenths) and 1–5 file parts `evidence` (PDF / JPG / PNG by content, MAX_FILE_MB each)',
          consumes: ['multipart/form-data'],
          response: { 201: hourClaimSchema },
        },
        config: { multipartLimits: CLAIM_LIMITS },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (!req.isMultipart())
          throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 提交申报与证明材料');
        const max = claims.maxFileBytes;
        const limitMb = Math.round((max / 1024 / 1024) * 10) / 10;
        const tooLarge = () =>
          new AppError('FILE_TOO_LARGE', `证明材料过大：每个文件上限 ${limitMb} MB`, {
            field: 'evidence',
            ruleId: HOURS_RULE_CLAIM_EVIDENCE,
            maxBytes: max,
          });
        let claim: string | undefined;
        const uploads: Upload[] = [];
        try {
          for await (const part of req.parts({ limits: { ...CLAIM_LIMITS, fileSize: max } })) {
            if (part.type === 'field') {
              if (part.fieldname === 'claim' && typeof part.value === 'string') claim = part.value;
              continue;
            }
            const name = uploadFileName(part.filename);
            const content = await part.toBuffer();
            if (part.file.truncated) throw tooLarge();
            if (part.fieldname === 'evidence') uploads.push({ name, content });
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        return reply.code(201).send(await claims.submit(actor, claim, uploads));
      },
    );
    app.get(
      '/me/hour-claims',
      { schema: { tags, summary: '我的学时申报 My claims', response: { 200: z.array(hourClaimSchema) } } },
      async (req) => claims.mine(actorOf(req)),
    );
    app.get(
      '/hour-claims',
      {
        schema: {
          tags,
          summary:
            '学时申报审核队列 Claims to review in scope (by status; none: those waiting for my review)',
          querystring: hourClaimQueueQuerySchema,
          response: { 200: z.array(hourClaimSchema) },
        },
      },
      async (req) => claims.queue(actorOf(req), req.query),
    );
    app.post(
      '/hour-claims/:id/decision',
      {
        schema: {
          tags,
          summary: '审核学时申报 Approve (school → county; county → ledger) or return with a reason',
          params: idParams,
          body: decideHourClaimSchema,
          response: { 200: hourClaimSchema },
        },
      },
      async (req) => claims.decide(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/hour-claims/:id/withdraw',
      {
        schema: {
          tags,
          summary: '撤回学时申报 Withdraw my claim',
          params: idParams,
          response: { 200: hourClaimSchema },
        },
      },
      async (req) => claims.withdraw(actorOf(req), req.params.id),
    );
    app.get(
      '/hour-claims/:id/evidence/:fileId',
      { schema: { tags, summary: '下载证明材料 Download an evidence file', params: fileParams } },
      async (req, reply) => {
        const f = await claims.evidence(actorOf(req), req.params.id, req.params.fileId);
        return sendFile(reply, f.name, f.mime, f.content);
      },
    );
  };
}
