import {
  allocateRequestSchema,
  allocateResultSchema,
  clonePackRequestSchema,
  confirmShortlistRequestSchema,
  createIntegrityRecordSchema,
  createProgrammeRequestSchema,
  eligibilityRequestSchema,
  eligibilityResultSchema,
  integrityAppealDecisionSchema,
  integrityAppealRequestSchema,
  integrityListQuerySchema,
  integrityRecordSchema,
  nominateRequestSchema,
  nominationListQuerySchema,
  nominationSchema,
  packDetailSchema,
  packListQuerySchema,
  packPreviewRequestSchema,
  packPreviewSchema,
  packSummarySchema,
  pageOf,
  programmeListQuerySchema,
  programmeSchema,
  pullBackRequestSchema,
  quotaSuggestionSchema,
  quotaSuggestQuerySchema,
  quotaTreeSchema,
  selectionQualityQuerySchema,
  selectionQualitySchema,
  shortlistResultSchema,
  substituteRequestSchema,
  substitutionDecisionResultSchema,
  substitutionDecisionSchema,
  substitutionListQuerySchema,
  substitutionRequestSchema,
  updatePackRequestSchema,
  updateProgrammeRequestSchema,
  withdrawRequestSchema,
  withdrawResultSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../shared/http';
import type { ProgramsService } from './programs.service';

const packParams = z.object({ id: z.string().min(1).max(64) });
const idParams = z.object({ id: z.string().max(20) });
const nodeParams = z.object({ id: z.string().max(20), orgId: z.string().max(20) });
const nominationParams = z.object({ id: z.string().max(20), nominationId: z.string().max(20) });
const tags = ['programs'];

export function programsRoutes(programs: ProgramsService): FastifyPluginAsyncZod {
  return async (app) => {
    // ------------------------------------------------------------------------------------- policy packs
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

    // --------------------------------------------------------------------------------------- programmes
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

    // ------------------------------------------------------------------------------------------- quotas
    app.get(
      '/programmes/:id/quotas',
      {
        schema: {
          tags,
          summary: '名额分配情况 Quota nodes in scope',
          params: idParams,
          response: { 200: quotaTreeSchema },
        },
      },
      async (req) => programs.quotas(actorOf(req), req.params.id),
    );
    app.get(
      '/programmes/:id/quotas/:orgId/suggest',
      {
        schema: {
          tags,
          summary: '建议分配方案 Suggested split among the next level',
          params: nodeParams,
          querystring: quotaSuggestQuerySchema,
          response: { 200: quotaSuggestionSchema },
        },
      },
      async (req) => programs.suggest(actorOf(req), req.params.id, req.params.orgId, req.query),
    );
    app.put(
      '/programmes/:id/quotas/:orgId/children',
      {
        schema: {
          tags,
          summary: '下达名额 Allocate seats to child nodes',
          params: nodeParams,
          body: allocateRequestSchema,
          response: { 200: allocateResultSchema },
        },
      },
      async (req) => programs.allocate(actorOf(req), req.params.id, req.params.orgId, req.body),
    );
    app.post(
      '/programmes/:id/quotas/:orgId/pull-back',
      {
        schema: {
          tags,
          summary: '收回未使用名额 Pull back unused seats',
          params: nodeParams,
          body: pullBackRequestSchema,
          response: { 200: quotaTreeSchema },
        },
      },
      async (req) => programs.pullBack(actorOf(req), req.params.id, req.params.orgId, req.body),
    );

    // -------------------------------------------------------------------------------------- nominations
    app.post(
      '/programmes/:id/eligibility',
      {
        schema: {
          tags,
          summary: '资格预审（不推荐）Check a teacher’s eligibility',
          params: idParams,
          body: eligibilityRequestSchema,
          response: { 200: eligibilityResultSchema },
        },
      },
      async (req) => programs.checkEligibility(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/programmes/:id/nominations',
      {
        schema: {
          tags,
          summary: '推荐名单 Nominations in scope',
          params: idParams,
          querystring: nominationListQuerySchema,
          response: { 200: pageOf(nominationSchema) },
        },
      },
      async (req) => programs.listNominations(actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/programmes/:id/nominations',
      {
        schema: {
          tags,
          summary: '推荐参训教师 Nominate a teacher',
          params: idParams,
          body: nominateRequestSchema,
          response: { 201: nominationSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await programs.nominate(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/programmes/:id/nominations/:nominationId/withdraw',
      {
        schema: {
          tags,
          summary: '撤回推荐（候补自动递补）Withdraw; the first waitlisted takes the seat',
          params: nominationParams,
          body: withdrawRequestSchema,
          response: { 200: withdrawResultSchema },
        },
      },
      async (req) => programs.withdraw(actorOf(req), req.params.id, req.params.nominationId, req.body),
    );
    app.post(
      '/programmes/:id/nominations/:nominationId/substitute',
      {
        schema: {
          tags,
          summary: '替训申请 Ask to replace a selected teacher (the allocating level decides)',
          params: nominationParams,
          body: substituteRequestSchema,
          response: { 201: substitutionRequestSchema },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await programs.substitute(actorOf(req), req.params.id, req.params.nominationId, req.body)),
    );

    // ------------------------------------------------- substitution requests, shortlists, selection quality
    app.get(
      '/programmes/:id/substitutions',
      {
        schema: {
          tags,
          summary: '替训申请 Substitution requests in scope',
          params: idParams,
          querystring: substitutionListQuerySchema,
          response: { 200: pageOf(substitutionRequestSchema) },
        },
      },
      async (req) => programs.listSubstitutions(actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/programmes/:id/substitutions/:requestId/decision',
      {
        schema: {
          tags,
          summary: '审批替训 Approve or refuse a substitution',
          params: z.object({ id: z.string().max(20), requestId: z.string().max(20) }),
          body: substitutionDecisionSchema,
          response: { 200: substitutionDecisionResultSchema },
        },
      },
      async (req) => programs.decideSubstitution(actorOf(req), req.params.id, req.params.requestId, req.body),
    );
    app.post(
      '/programmes/:id/shortlist/confirm',
      {
        schema: {
          tags,
          summary: '差额遴选确定入选名单 Confirm a shortlist (R-004-59)',
          params: idParams,
          body: confirmShortlistRequestSchema,
          response: { 200: shortlistResultSchema },
        },
      },
      async (req) => programs.confirmShortlist(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/programmes/:id/selection-quality',
      {
        schema: {
          tags,
          summary: '遴选质量与项目县扣分 Selection quality and R3-B03 deductions',
          params: idParams,
          querystring: selectionQualityQuerySchema,
          response: { 200: selectionQualitySchema },
        },
      },
      async (req) => programs.selectionQuality(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/programmes/:id/selection-quality.xlsx',
      {
        schema: {
          tags,
          summary: '导出遴选质量 Selection quality as Excel',
          params: idParams,
          querystring: selectionQualityQuerySchema,
        },
      },
      async (req, reply) => {
        const f = await programs.exportSelectionQuality(actorOf(req), req.params.id, req.query);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );

    // ---------------------------------------------------------------------------------------- integrity
    app.get(
      '/integrity-records',
      {
        schema: {
          tags,
          summary: '培训诚信档案 Integrity records',
          querystring: integrityListQuerySchema,
          response: { 200: pageOf(integrityRecordSchema) },
        },
      },
      async (req) => programs.listIntegrity(actorOf(req), req.query),
    );
    app.post(
      '/integrity-records',
      {
        schema: {
          tags,
          summary: '记入诚信档案 Record a no-show, dismissal or non-completion',
          body: createIntegrityRecordSchema,
          response: { 201: integrityRecordSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await programs.createIntegrity(actorOf(req), req.body)),
    );
    app.post(
      '/integrity-records/:id/appeal-decision',
      {
        schema: {
          tags,
          summary: '处理申诉 Decide an appeal (upheld: the record stops standing)',
          params: idParams,
          body: integrityAppealDecisionSchema,
          response: { 200: integrityRecordSchema },
        },
      },
      async (req) => programs.decideAppeal(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/me/integrity-records',
      {
        schema: {
          tags,
          summary: '我的诚信档案 My integrity records',
          response: { 200: z.array(integrityRecordSchema) },
        },
      },
      async (req) => programs.myIntegrity(actorOf(req)),
    );
    app.post(
      '/me/integrity-records/:id/appeal',
      {
        schema: {
          tags,
          summary: '申诉 Appeal one of my records',
          params: idParams,
          body: integrityAppealRequestSchema,
          response: { 200: integrityRecordSchema },
        },
      },
      async (req) => programs.appealIntegrity(actorOf(req), req.params.id, req.body),
    );
  };
}
