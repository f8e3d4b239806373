import type {
  AssessSemester,
  DecideSchoolPlan,
  DrawSpotCheck,
  RecordInput,
  RecordSpotCheck,
  SubmitSchoolPlan,
  TrainingBudgetInput,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { exportArchive } from './archive-export';
import type { SchoolResearchContext, SchoolResearchDeps } from './context';
import { decidePlan, listPlans, submitPlan } from './plans';
import { certifyRecord, createRecord, updateRecord } from './records';
import { assessSemester, schoolYearView } from './school-year';
import { drawSpotCheck, listSpotChecks, recordSpotCheck } from './spot-checks';
import {
  countyTrainingBudgets,
  listTrainingBudgets,
  saveTrainingBudget,
  schoolTrainingBudget,
  trainingBudgetOf,
} from './training-budgets';

/** 校本研修: plans and their review, records and certified 学时, assessments, spot checks, the archive, the training budget. */
export function createSchoolResearchService(deps: SchoolResearchDeps) {
  const { clock, ...rest } = deps;
  const ctx: SchoolResearchContext = { ...rest, now: clock ?? (() => new Date()) };
  return {
    listPlans: (actor: Actor, q: { schoolYear?: string | undefined }) => listPlans(ctx, actor, q),
    schoolYear: (actor: Actor, schoolId: string, schoolYear?: string) =>
      schoolYearView(ctx, actor, schoolId, schoolYear),
    submitPlan: (actor: Actor, schoolId: string, req: SubmitSchoolPlan) =>
      submitPlan(ctx, actor, schoolId, req),
    decidePlan: (actor: Actor, planId: string, req: DecideSchoolPlan) => decidePlan(ctx, actor, planId, req),
    createRecord: (actor: Actor, schoolId: string, req: RecordInput) =>
      createRecord(ctx, actor, schoolId, req),
    updateRecord: (actor: Actor, recordId: string, req: RecordInput) =>
      updateRecord(ctx, actor, recordId, req),
    certifyRecord: (actor: Actor, recordId: string) => certifyRecord(ctx, actor, recordId),
    assessSemester: (actor: Actor, schoolId: string, req: AssessSemester) =>
      assessSemester(ctx, actor, schoolId, req),
    exportArchive: (actor: Actor, schoolId: string, schoolYear?: string) =>
      exportArchive(ctx, actor, schoolId, schoolYear),
    drawSpotCheck: (actor: Actor, req: DrawSpotCheck) => drawSpotCheck(ctx, actor, req),
    listSpotChecks: (actor: Actor, q: { countyId: string; schoolYear: string }) =>
      listSpotChecks(ctx, actor, q),
    recordSpotCheck: (actor: Actor, drawId: string, schoolId: string, req: RecordSpotCheck) =>
      recordSpotCheck(ctx, actor, drawId, schoolId, req),
    schoolTrainingBudget: (actor: Actor, schoolId: string, year: number) =>
      schoolTrainingBudget(ctx, actor, schoolId, year),
    saveTrainingBudget: (actor: Actor, schoolId: string, year: number, req: TrainingBudgetInput) =>
      saveTrainingBudget(ctx, actor, schoolId, year, req),
    listTrainingBudgets: (actor: Actor, year: number) => listTrainingBudgets(ctx, actor, year),
    /** Actor-less, for the evaluation module's live item (R3-B09): that module authorizes. */
    trainingBudgetOf: (schoolId: string, year: number) => trainingBudgetOf(ctx, schoolId, year),
    countyTrainingBudgets: (countyPath: string, year: number) => countyTrainingBudgets(ctx, countyPath, year),
  };
}

export type SchoolResearchService = ReturnType<typeof createSchoolResearchService>;
