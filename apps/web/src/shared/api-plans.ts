/** Training plans (方案) and the programme's money: budget and spending. */
import {
  type BudgetReport,
  budgetReportSchema,
  type CreateSpendingRequest,
  type OpenProgramme,
  openProgrammeSchema,
  type PlanCheckResultBody,
  type PlanDetail,
  type PlanListQuery,
  type PlanSummary,
  planCheckResultSchema,
  planDetailSchema,
  planSummarySchema,
  type TrainingPlanBody,
} from '@yanxun/contracts';
import { type ListQuery, parseWith, type Transport } from './api-transport';

export function plansApi({ get, json }: Transport) {
  return {
    openProgrammes(): Promise<OpenProgramme[]> {
      return get(openProgrammeSchema.array(), '/api/v1/plans/programmes');
    },
    listPlans(query: ListQuery<PlanListQuery> = {}): Promise<PlanSummary[]> {
      return get(planSummarySchema.array(), '/api/v1/plans', { ...query });
    },
    plan(id: string): Promise<PlanDetail> {
      return get(planDetailSchema, `/api/v1/plans/${encodeURIComponent(id)}`);
    },
    async createPlan(programmeId: string, body: TrainingPlanBody): Promise<PlanDetail> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/plans`;
      return parseWith(planDetailSchema, await json('POST', path, { json: { body } }), `POST ${path}`);
    },
    async savePlan(id: string, body: TrainingPlanBody): Promise<PlanDetail> {
      const path = `/api/v1/plans/${encodeURIComponent(id)}`;
      return parseWith(planDetailSchema, await json('PUT', path, { json: { body } }), `PUT ${path}`);
    },
    async uploadPlanPdf(id: string, file: File): Promise<PlanDetail> {
      const form = new FormData();
      form.append('file', file, file.name);
      const path = `/api/v1/plans/${encodeURIComponent(id)}/file`;
      return parseWith(planDetailSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    async checkPlan(id: string): Promise<PlanCheckResultBody> {
      const path = `/api/v1/plans/${encodeURIComponent(id)}/check`;
      return parseWith(planCheckResultSchema, await json('POST', path), `POST ${path}`);
    },
    async planAction(
      id: string,
      action: 'submit' | 'return' | 'approve',
      comment?: string,
    ): Promise<PlanDetail> {
      const path = `/api/v1/plans/${encodeURIComponent(id)}/${action}`;
      const opts = action === 'submit' ? {} : { json: comment ? { comment } : {} };
      return parseWith(planDetailSchema, await json('POST', path, opts), `POST ${path}`);
    },
    budget(programmeId: string): Promise<BudgetReport> {
      return get(budgetReportSchema, `/api/v1/programmes/${encodeURIComponent(programmeId)}/budget`);
    },
    async addSpending(programmeId: string, body: CreateSpendingRequest): Promise<BudgetReport> {
      const path = `/api/v1/programmes/${encodeURIComponent(programmeId)}/spending`;
      return parseWith(budgetReportSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
  };
}
