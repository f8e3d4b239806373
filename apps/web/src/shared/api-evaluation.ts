/** Evaluation (评价): rubrics, campaigns, the subject's evidence and appeals, raters' sheets, scorecards. */
import {
  type AdvanceCampaign,
  type AssignRaters,
  type CampaignDetail,
  type CampaignSummary,
  type CloneRubric,
  type CreateCampaign,
  campaignDetailSchema,
  campaignSummarySchema,
  type DecideAppeal,
  evaluationOkSchema,
  type FileAppeal,
  type MetricDefinition,
  type Moderate,
  type MySubject,
  metricDefinitionSchema,
  mySubjectSchema,
  type RankingRow,
  type RaterSheet,
  type RaterTask,
  type RubricDetail,
  type RubricSummary,
  type RubricVersion,
  rankingRowSchema,
  raterSheetSchema,
  raterTaskSchema,
  rubricDetailSchema,
  rubricSummarySchema,
  rubricVersionSchema,
  type SaveRubric,
  type SaveSheet,
  type Scorecard,
  type SelfScores,
  type SubjectView,
  scorecardSchema,
  subjectViewSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const base = '/api/v1/evaluation';
const enc = encodeURIComponent;
const ok = evaluationOkSchema;

export function evaluationApi({ get, json, write }: Transport) {
  return {
    evaluationRubrics(): Promise<RubricSummary[]> {
      return get(rubricSummarySchema.array(), `${base}/rubrics`);
    },
    evaluationRubric(ref: string): Promise<RubricDetail> {
      return get(rubricDetailSchema, `${base}/rubrics/${enc(ref)}`);
    },
    evaluationRubricVersions(ref: string): Promise<RubricVersion[]> {
      return get(rubricVersionSchema.array(), `${base}/rubrics/${enc(ref)}/versions`);
    },
    saveEvaluationRubric(body: SaveRubric): Promise<RubricDetail> {
      return write(rubricDetailSchema, 'POST', `${base}/rubrics`, body);
    },
    cloneEvaluationRubric(body: CloneRubric): Promise<RubricDetail> {
      return write(rubricDetailSchema, 'POST', `${base}/rubrics/clone`, body);
    },
    /** The live items a rubric node may declare (the server's registry). */
    evaluationMetrics(): Promise<MetricDefinition[]> {
      return get(metricDefinitionSchema.array(), `${base}/metrics`);
    },
    evaluationCampaigns(): Promise<CampaignSummary[]> {
      return get(campaignSummarySchema.array(), `${base}/campaigns`);
    },
    createEvaluationCampaign(body: CreateCampaign): Promise<CampaignDetail> {
      return write(campaignDetailSchema, 'POST', `${base}/campaigns`, body);
    },
    evaluationCampaign(id: string): Promise<CampaignDetail> {
      return get(campaignDetailSchema, `${base}/campaigns/${enc(id)}`);
    },
    assignEvaluationRaters(id: string, body: AssignRaters): Promise<CampaignDetail> {
      return write(campaignDetailSchema, 'POST', `${base}/campaigns/${enc(id)}/raters`, body);
    },
    advanceEvaluationCampaign(id: string, body: AdvanceCampaign): Promise<CampaignDetail> {
      return write(campaignDetailSchema, 'POST', `${base}/campaigns/${enc(id)}/advance`, body);
    },
    evaluationRanking(id: string): Promise<RankingRow[]> {
      return get(rankingRowSchema.array(), `${base}/campaigns/${enc(id)}/ranking`);
    },
    async moderateEvaluation(subjectId: string, body: Moderate): Promise<void> {
      await write(ok, 'POST', `${base}/subjects/${enc(subjectId)}/moderation`, body);
    },
    async decideEvaluationAppeal(id: string, body: DecideAppeal): Promise<void> {
      await write(ok, 'POST', `${base}/appeals/${enc(id)}/decision`, body);
    },
    myEvaluationSubjects(): Promise<MySubject[]> {
      return get(mySubjectSchema.array(), `${base}/my-subjects`);
    },
    evaluationSubject(id: string): Promise<SubjectView> {
      return get(subjectViewSchema, `${base}/subjects/${enc(id)}`);
    },
    evaluationScorecard(id: string): Promise<Scorecard> {
      return get(scorecardSchema, `${base}/subjects/${enc(id)}/scorecard`);
    },
    async uploadEvaluationEvidence(id: string, unitId: string, file: File): Promise<SubjectView> {
      const form = new FormData();
      form.append('unitId', unitId);
      form.append('file', file, file.name);
      const path = `${base}/subjects/${enc(id)}/evidence`;
      return parseWith(subjectViewSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    saveEvaluationSelfScores(id: string, body: SelfScores): Promise<SubjectView> {
      return write(subjectViewSchema, 'PUT', `${base}/subjects/${enc(id)}/self-scores`, body);
    },
    fileEvaluationAppeal(id: string, body: FileAppeal): Promise<SubjectView> {
      return write(subjectViewSchema, 'POST', `${base}/subjects/${enc(id)}/appeals`, body);
    },
    evaluationTasks(): Promise<RaterTask[]> {
      return get(raterTaskSchema.array(), `${base}/tasks`);
    },
    evaluationSheet(subjectId: string): Promise<RaterSheet> {
      return get(raterSheetSchema, `${base}/tasks/${enc(subjectId)}`);
    },
    saveEvaluationSheet(subjectId: string, body: SaveSheet): Promise<RaterSheet> {
      return write(raterSheetSchema, 'PUT', `${base}/tasks/${enc(subjectId)}`, body);
    },
    submitEvaluationSheet(subjectId: string): Promise<RaterSheet> {
      return write(raterSheetSchema, 'POST', `${base}/tasks/${enc(subjectId)}/submit`);
    },
  };
}

/** An evidence file's address (a link the browser opens with the session cookie). */
export const evaluationEvidenceUrl = (subjectId: string, evidenceId: string) =>
  `${base}/subjects/${enc(subjectId)}/evidence/${enc(evidenceId)}`;

/** A campaign's scorecards as a workbook (its owner; downloaded through the API client). */
export const evaluationScorecardsXlsxPath = (campaignId: string) =>
  `${base}/campaigns/${enc(campaignId)}/scorecards.xlsx`;

/** One subject's scorecard as PDF (the same access as the scorecard). */
export const evaluationScorecardPdfPath = (subjectId: string) =>
  `${base}/subjects/${enc(subjectId)}/scorecard.pdf`;
