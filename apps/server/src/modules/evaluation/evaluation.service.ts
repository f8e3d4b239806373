import type {
  AdvanceCampaign,
  AssignRaters,
  CloneRubric,
  CreateCampaign,
  DecideAppeal,
  FileAppeal,
  Moderate,
  SaveRubric,
  SaveSheet,
  SelfScores,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { Upload } from '../files';
import { advanceCampaign, assignRaters, createCampaign, listCampaigns } from './campaigns';
import type { EvaluationContext, EvaluationDeps } from './context';
import { myTasks, raterSheet, saveSheet, submitSheet } from './rating';
import { campaignDetail, decideAppeal, moderate, ranking } from './results';
import { cloneRubric, getRubric, listMetrics, listRubrics, rubricVersions, saveRubric } from './rubrics';
import { campaignScorecards, scorecard } from './scorecard';
import { scorecardPdf } from './scorecard-pdf';
import { exportCampaignScorecards } from './scorecard-workbook';
import { createSelectionsService } from './selections.service';
import {
  evidenceFile,
  fileAppeal,
  mySubjects,
  saveSelfScores,
  subjectView,
  uploadEvidence,
} from './subject-side';

/**
 * Evaluation (评价): the rubric library, campaigns, the subject's evidence and self-evaluation, raters' sheets,
 * moderation, appeals and the scorecard. Each method is a use case bound to the context.
 */
export function createEvaluationService(deps: EvaluationDeps) {
  const { clock, ...rest } = deps;
  const ctx: EvaluationContext = { ...rest, now: clock ?? (() => new Date()) };
  return {
    /** The largest evidence file, in bytes (the upload stream stops there). */
    maxFileBytes: deps.files.maxBytes,
    listRubrics: (actor: Actor) => listRubrics(ctx, actor),
    getRubric: (actor: Actor, ref: string) => getRubric(ctx, actor, ref),
    rubricVersions: (actor: Actor, ref: string) => rubricVersions(ctx, actor, ref),
    saveRubric: (actor: Actor, input: SaveRubric) => saveRubric(ctx, actor, input),
    cloneRubric: (actor: Actor, input: CloneRubric) => cloneRubric(ctx, actor, input),
    listMetrics: (actor: Actor) => listMetrics(ctx, actor),
    listCampaigns: (actor: Actor) => listCampaigns(ctx, actor),
    createCampaign: async (actor: Actor, input: CreateCampaign) =>
      campaignDetail(ctx, actor, (await createCampaign(ctx, actor, input)).id),
    campaign: (actor: Actor, id: string) => campaignDetail(ctx, actor, id),
    assignRaters: async (actor: Actor, id: string, input: AssignRaters) => {
      await assignRaters(ctx, actor, id, input);
      return campaignDetail(ctx, actor, id);
    },
    advance: async (actor: Actor, id: string, input: AdvanceCampaign) => {
      await advanceCampaign(ctx, actor, id, input);
      return campaignDetail(ctx, actor, id);
    },
    moderate: (actor: Actor, subjectId: string, input: Moderate) => moderate(ctx, actor, subjectId, input),
    decideAppeal: (actor: Actor, id: string, input: DecideAppeal) => decideAppeal(ctx, actor, id, input),
    ranking: (actor: Actor, id: string) => ranking(ctx, actor, id),
    scorecard: (actor: Actor, subjectId: string) => scorecard(ctx, actor, subjectId),
    /** Every scorecard of a campaign for its owner, each table read once (what an export reads). */
    campaignScorecards: (actor: Actor, id: string) => campaignScorecards(ctx, actor, id),
    exportScorecards: (actor: Actor, id: string) => exportCampaignScorecards(ctx, actor, id),
    scorecardPdf: (actor: Actor, subjectId: string) => scorecardPdf(ctx, actor, subjectId),
    mySubjects: (actor: Actor) => mySubjects(ctx, actor),
    subject: (actor: Actor, id: string) => subjectView(ctx, actor, id),
    uploadEvidence: (actor: Actor, id: string, unitId: string | undefined, upload: Upload) =>
      uploadEvidence(ctx, actor, id, unitId, upload),
    evidenceFile: (actor: Actor, subjectId: string, evidenceId: string) =>
      evidenceFile(ctx, actor, subjectId, evidenceId),
    saveSelfScores: (actor: Actor, id: string, input: SelfScores) => saveSelfScores(ctx, actor, id, input),
    fileAppeal: (actor: Actor, id: string, input: FileAppeal) => fileAppeal(ctx, actor, id, input),
    myTasks: (actor: Actor) => myTasks(ctx, actor),
    sheet: (actor: Actor, subjectId: string) => raterSheet(ctx, actor, subjectId),
    saveSheet: (actor: Actor, subjectId: string, input: SaveSheet) => saveSheet(ctx, actor, subjectId, input),
    submitSheet: (actor: Actor, subjectId: string) => submitSheet(ctx, actor, subjectId),
    /** annual selections (评优评先) and certificates of honour: selections.service.ts */
    selections: createSelectionsService(ctx),
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
