/**
 * Policy packs, programmes, the quota cascade, nominations and substitutions, integrity records and appeals, the
 * training overview and KPIs, and competitive shortlists (R-004-59).
 */
import {
  type AllocateRequest,
  type AllocateResult,
  allocateResultSchema,
  type ClonePackRequest,
  type ConfirmShortlistRequest,
  type CreateIntegrityRecordRequest,
  type CreateProgrammeRequest,
  cloneDefaultsSchema,
  type EligibilityRequest,
  type EligibilityResultBody,
  eligibilityResultSchema,
  type IntegrityAppealDecision,
  type IntegrityListQuery,
  type IntegrityRecordBody,
  integrityRecordSchema,
  type KpiQuery,
  type KpiReport,
  kpiReportSchema,
  type NominateRequest,
  type Nomination,
  type NominationListQuery,
  nominationSchema,
  type OverviewQuery,
  type PackCloneDefaults,
  type PackDetail,
  type PackListQuery,
  type PackPreview,
  type PackPreviewRequest,
  type PackSummary,
  type Page,
  type PolicyPackBody,
  type Programme,
  type ProgrammeListQuery,
  packDetailSchema,
  packPreviewSchema,
  packSummarySchema,
  pageOf,
  programmeSchema,
  type QuotaSuggestion,
  type QuotaSuggestQuery,
  type QuotaTree,
  quotaSuggestionSchema,
  quotaTreeSchema,
  type RuleSourceOut,
  ruleSourceSchema,
  type ShortlistMarksRequest,
  type ShortlistResult,
  type ShortlistSelection,
  type ShortlistSummary,
  type SubstituteRequest,
  type SubstitutionDecision,
  type SubstitutionDecisionResult,
  type SubstitutionListQuery,
  type SubstitutionRequestBody,
  shortlistResultSchema,
  shortlistSelectionSchema,
  shortlistSummarySchema,
  substitutionDecisionResultSchema,
  substitutionRequestSchema,
  type TrainingOverview,
  trainingOverviewSchema,
  type UpdateProgrammeRequest,
  type WithdrawResult,
  withdrawResultSchema,
} from '@yanxun/contracts';
import { type ListQuery, parseWith, type Transport } from './api-transport';

const packSummaryList = packSummarySchema.array();
const programmePage = pageOf(programmeSchema);
const nominationPage = pageOf(nominationSchema);
const integrityPage = pageOf(integrityRecordSchema);
const substitutionPage = pageOf(substitutionRequestSchema);
const integrityList = integrityRecordSchema.array();
const ruleSourceList = ruleSourceSchema.array();

export function programmesApi({ get, json }: Transport) {
  return {
    listPacks(query: ListQuery<PackListQuery> = {}): Promise<PackSummary[]> {
      return get(packSummaryList, '/api/v1/packs', { ...query });
    },
    /** Where each rule ID comes from, for the ⓘ beside a reason (those who read rule references only). */
    ruleSources(): Promise<RuleSourceOut[]> {
      return get(ruleSourceList, '/api/v1/rule-sources');
    },
    pack(id: string): Promise<PackDetail> {
      return get(packDetailSchema, `/api/v1/packs/${encodeURIComponent(id)}`);
    },
    /** What a clone for `year` starts with in the caller's region (title, issuer, document). */
    cloneDefaults(id: string, year: number): Promise<PackCloneDefaults> {
      return get(cloneDefaultsSchema, `/api/v1/packs/${encodeURIComponent(id)}/clone-defaults`, { year });
    },
    async clonePack(id: string, body: ClonePackRequest): Promise<PackDetail> {
      const data = await json('POST', `/api/v1/packs/${encodeURIComponent(id)}/clone`, { json: body });
      return parseWith(packDetailSchema, data, 'POST /api/v1/packs/:id/clone');
    },
    async updatePack(id: string, pack: PolicyPackBody): Promise<PackDetail> {
      const data = await json('PUT', `/api/v1/packs/${encodeURIComponent(id)}`, { json: { pack } });
      return parseWith(packDetailSchema, data, 'PUT /api/v1/packs/:id');
    },
    async publishPack(id: string): Promise<PackDetail> {
      const data = await json('POST', `/api/v1/packs/${encodeURIComponent(id)}/publish`);
      return parseWith(packDetailSchema, data, 'POST /api/v1/packs/:id/publish');
    },
    async previewPack(id: string, body: PackPreviewRequest): Promise<PackPreview> {
      const data = await json('POST', `/api/v1/packs/${encodeURIComponent(id)}/preview`, { json: body });
      return parseWith(packPreviewSchema, data, 'POST /api/v1/packs/:id/preview');
    },
    listProgrammes(query: ListQuery<ProgrammeListQuery>): Promise<Page<Programme>> {
      return get(programmePage, '/api/v1/programmes', { ...query });
    },
    programme(id: string): Promise<Programme> {
      return get(programmeSchema, `/api/v1/programmes/${encodeURIComponent(id)}`);
    },
    async createProgramme(body: CreateProgrammeRequest): Promise<Programme> {
      return parseWith(
        programmeSchema,
        await json('POST', '/api/v1/programmes', { json: body }),
        'POST /api/v1/programmes',
      );
    },
    async updateProgramme(id: string, body: UpdateProgrammeRequest): Promise<Programme> {
      const data = await json('PATCH', `/api/v1/programmes/${encodeURIComponent(id)}`, { json: body });
      return parseWith(programmeSchema, data, 'PATCH /api/v1/programmes/:id');
    },
    quotas(programmeId: string): Promise<QuotaTree> {
      return get(quotaTreeSchema, `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas`);
    },
    suggestQuota(programmeId: string, orgId: string, query: QuotaSuggestQuery): Promise<QuotaSuggestion> {
      return get(
        quotaSuggestionSchema,
        `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas/${encodeURIComponent(orgId)}/suggest`,
        { ...query },
      );
    },
    async allocateQuota(programmeId: string, orgId: string, body: AllocateRequest): Promise<AllocateResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas/${encodeURIComponent(orgId)}/children`;
      return parseWith(allocateResultSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    async pullBackQuota(programmeId: string, orgId: string, seats?: number): Promise<QuotaTree> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/quotas/${encodeURIComponent(orgId)}/pull-back`;
      const body = seats === undefined ? {} : { seats };
      return parseWith(quotaTreeSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async checkEligibility(programmeId: string, body: EligibilityRequest): Promise<EligibilityResultBody> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/eligibility`;
      return parseWith(eligibilityResultSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    listNominations(programmeId: string, query: ListQuery<NominationListQuery>): Promise<Page<Nomination>> {
      return get(nominationPage, `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations`, {
        ...query,
      });
    },
    async nominate(programmeId: string, body: NominateRequest): Promise<Nomination> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations`;
      return parseWith(nominationSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async withdrawNomination(
      programmeId: string,
      nominationId: string,
      reason: string,
    ): Promise<WithdrawResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations/${encodeURIComponent(nominationId)}/withdraw`;
      return parseWith(withdrawResultSchema, await json('POST', path, { json: { reason } }), `POST ${path}`);
    },
    /** 替训 is a request now: the level that allocated the seats decides. */
    async substituteNomination(
      programmeId: string,
      nominationId: string,
      body: SubstituteRequest,
    ): Promise<SubstitutionRequestBody> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/nominations/${encodeURIComponent(nominationId)}/substitute`;
      return parseWith(substitutionRequestSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    listIntegrityRecords(query: ListQuery<IntegrityListQuery>): Promise<Page<IntegrityRecordBody>> {
      return get(integrityPage, '/api/v1/integrity-records', { ...query });
    },
    async createIntegrityRecord(body: CreateIntegrityRecordRequest): Promise<IntegrityRecordBody> {
      const data = await json('POST', '/api/v1/integrity-records', { json: body });
      return parseWith(integrityRecordSchema, data, 'POST /api/v1/integrity-records');
    },

    trainingOverview(query: Partial<OverviewQuery>): Promise<TrainingOverview> {
      return get(trainingOverviewSchema, '/api/v1/reports/training-overview', { ...query });
    },

    programmeKpis(programmeId: string, query: Partial<KpiQuery>): Promise<KpiReport> {
      return get(kpiReportSchema, `/api/v1/programmes/${encodeURIComponent(programmeId)}/kpis`, {
        ...query,
      });
    },
    listSubstitutions(
      programmeId: string,
      query: ListQuery<SubstitutionListQuery>,
    ): Promise<Page<SubstitutionRequestBody>> {
      return get(substitutionPage, `/api/v1/programmes/${encodeURIComponent(programmeId)}/substitutions`, {
        ...query,
      });
    },
    async decideSubstitution(
      programmeId: string,
      requestId: string,
      body: SubstitutionDecision,
    ): Promise<SubstitutionDecisionResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/substitutions/${encodeURIComponent(requestId)}/decision`;
      return parseWith(
        substitutionDecisionResultSchema,
        await json('POST', path, { json: body }),
        `POST ${path}`,
      );
    },
    async confirmShortlist(programmeId: string, body: ConfirmShortlistRequest): Promise<ShortlistResult> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist/confirm`;
      return parseWith(shortlistResultSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    myIntegrityRecords(): Promise<IntegrityRecordBody[]> {
      return get(integrityList, '/api/v1/me/integrity-records');
    },
    async appealIntegrity(id: string, reason: string): Promise<IntegrityRecordBody> {
      const path = `/api/v1/me/integrity-records/${encodeURIComponent(id)}/appeal`;
      return parseWith(integrityRecordSchema, await json('POST', path, { json: { reason } }), `POST ${path}`);
    },
    async decideAppeal(id: string, body: IntegrityAppealDecision): Promise<IntegrityRecordBody> {
      const path = `/api/v1/integrity-records/${encodeURIComponent(id)}/appeal-decision`;
      return parseWith(integrityRecordSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },

    shortlistSelections(): Promise<ShortlistSummary[]> {
      return get(shortlistSummarySchema.array(), '/api/v1/shortlist-selections');
    },
    shortlistSelection(programmeId: string): Promise<ShortlistSelection> {
      return get(
        shortlistSelectionSchema,
        `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist-selection`,
      );
    },
    async markShortlist(programmeId: string, body: ShortlistMarksRequest): Promise<ShortlistSelection> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist-selection/marks`;
      return parseWith(shortlistSelectionSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    async shortlistAction(
      programmeId: string,
      action: 'submit' | 'confirm' | 'return',
      comment?: string,
    ): Promise<ShortlistSelection> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/shortlist-selection/${action}`;
      const opts = action === 'return' ? { json: { comment } } : {};
      return parseWith(shortlistSelectionSchema, await json('POST', path, opts), `POST ${path}`);
    },
  };
}
