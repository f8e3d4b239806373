/** 校本研修: plans and their review, records and certified 学时, assessments, spot checks, the archive, 教师培训经费. */
import {
  type AssessSemester,
  type CertifyResult,
  certifyResultSchema,
  type DecideSchoolPlan,
  type DrawSpotCheck,
  type RecordInput,
  type RecordSpotCheck,
  type SchoolPlanList,
  type SchoolPlanVersion,
  type SchoolResearchRecord,
  type SchoolResearchYear,
  type SchoolTrainingBudget,
  type SpotCheck,
  type SubmitSchoolPlan,
  schoolPlanListSchema,
  schoolPlanVersionSchema,
  schoolResearchRecordSchema,
  schoolResearchYearSchema,
  schoolTrainingBudgetSchema,
  semesterAssessmentSchema,
  spotCheckSchema,
  type TrainingBudget,
  type TrainingBudgetInput,
  type TrainingBudgetList,
  trainingBudgetListSchema,
  trainingBudgetSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const SR = '/api/v1/school-research';
const id = encodeURIComponent;

/** The path of a school's archive as .xlsx (for `useDownload`). */
export const schoolResearchArchivePath = (schoolId: string) => `${SR}/schools/${id(schoolId)}/archive.xlsx`;

export function schoolResearchApi({ get, json }: Transport) {
  return {
    schoolPlans(schoolYear?: string): Promise<SchoolPlanList> {
      return get(schoolPlanListSchema, `${SR}/plans`, schoolYear ? { schoolYear } : {});
    },
    schoolResearchYear(schoolId: string, schoolYear?: string): Promise<SchoolResearchYear> {
      return get(schoolResearchYearSchema, `${SR}/schools/${id(schoolId)}`, schoolYear ? { schoolYear } : {});
    },
    async submitSchoolPlan(schoolId: string, body: SubmitSchoolPlan): Promise<SchoolPlanVersion> {
      const path = `${SR}/schools/${id(schoolId)}/plans`;
      return parseWith(schoolPlanVersionSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async decideSchoolPlan(planId: string, body: DecideSchoolPlan): Promise<SchoolPlanVersion> {
      const path = `${SR}/plans/${id(planId)}/decision`;
      return parseWith(schoolPlanVersionSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async createSchoolRecord(schoolId: string, body: RecordInput): Promise<SchoolResearchRecord> {
      const path = `${SR}/schools/${id(schoolId)}/records`;
      return parseWith(schoolResearchRecordSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async updateSchoolRecord(recordId: string, body: RecordInput): Promise<SchoolResearchRecord> {
      const path = `${SR}/records/${id(recordId)}`;
      return parseWith(schoolResearchRecordSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    async certifySchoolRecord(recordId: string): Promise<CertifyResult> {
      const path = `${SR}/records/${id(recordId)}/certify`;
      return parseWith(certifyResultSchema, await json('POST', path), `POST ${path}`);
    },
    async assessSchoolSemester(schoolId: string, body: AssessSemester) {
      const path = `${SR}/schools/${id(schoolId)}/assessments`;
      return parseWith(semesterAssessmentSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    spotChecks(countyId: string, schoolYear: string): Promise<SpotCheck[]> {
      return get(spotCheckSchema.array(), `${SR}/spot-checks`, { countyId, schoolYear });
    },
    async drawSpotCheck(body: DrawSpotCheck): Promise<SpotCheck> {
      const path = `${SR}/spot-checks`;
      return parseWith(spotCheckSchema, await json('POST', path, { json: body }), `POST ${path}`);
    },
    async recordSpotCheck(drawId: string, schoolId: string, body: RecordSpotCheck): Promise<SpotCheck> {
      const path = `${SR}/spot-checks/${id(drawId)}/schools/${id(schoolId)}`;
      return parseWith(spotCheckSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    schoolTrainingBudget(schoolId: string, year: number): Promise<SchoolTrainingBudget> {
      return get(schoolTrainingBudgetSchema, `${SR}/schools/${id(schoolId)}/training-budgets/${year}`);
    },
    async saveTrainingBudget(
      schoolId: string,
      year: number,
      body: TrainingBudgetInput,
    ): Promise<TrainingBudget> {
      const path = `${SR}/schools/${id(schoolId)}/training-budgets/${year}`;
      return parseWith(trainingBudgetSchema, await json('PUT', path, { json: body }), `PUT ${path}`);
    },
    trainingBudgets(year: number): Promise<TrainingBudgetList> {
      return get(trainingBudgetListSchema, `${SR}/training-budgets`, { year: String(year) });
    },
  };
}
