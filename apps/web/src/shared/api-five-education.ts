/** 五育 comprehensive evaluation: frameworks, rounds, the sample, indicator values, results. */
import {
  type FiveEduDraw,
  type FiveEduEnrolments,
  type FiveEduFramework,
  type FiveEduFrameworkCreate,
  type FiveEduFrameworkList,
  type FiveEduFrameworkUpdate,
  type FiveEduResults,
  type FiveEduRoundCreate,
  type FiveEduRoundDetail,
  type FiveEduRoundList,
  type FiveEduSample,
  type FiveEduUploadResult,
  type FiveEduValues,
  type FiveEduWeights,
  fiveEduFrameworkListSchema,
  fiveEduFrameworkSchema,
  fiveEduResultsSchema,
  fiveEduRoundDetailSchema,
  fiveEduRoundListSchema,
  fiveEduSampleSchema,
  fiveEduUploadResultSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const P = '/api/v1/five-edu';
const id = encodeURIComponent;

export function fiveEducationApi({ get, json, write }: Transport) {
  return {
    fiveEduFrameworks(): Promise<FiveEduFrameworkList> {
      return get(fiveEduFrameworkListSchema, `${P}/frameworks`);
    },
    fiveEduFramework(frameworkId: string): Promise<FiveEduFramework> {
      return get(fiveEduFrameworkSchema, `${P}/frameworks/${id(frameworkId)}`);
    },
    createFiveEduFramework(body: FiveEduFrameworkCreate): Promise<FiveEduFramework> {
      return write(fiveEduFrameworkSchema, 'POST', `${P}/frameworks`, body);
    },
    updateFiveEduFramework(frameworkId: string, body: FiveEduFrameworkUpdate): Promise<FiveEduFramework> {
      return write(fiveEduFrameworkSchema, 'PUT', `${P}/frameworks/${id(frameworkId)}`, body);
    },
    publishFiveEduFramework(frameworkId: string): Promise<FiveEduFramework> {
      return write(fiveEduFrameworkSchema, 'POST', `${P}/frameworks/${id(frameworkId)}/publish`);
    },
    newFiveEduFrameworkVersion(frameworkId: string): Promise<FiveEduFramework> {
      return write(fiveEduFrameworkSchema, 'POST', `${P}/frameworks/${id(frameworkId)}/versions`);
    },
    fiveEduRounds(): Promise<FiveEduRoundList> {
      return get(fiveEduRoundListSchema, `${P}/rounds`);
    },
    fiveEduRound(roundId: string): Promise<FiveEduRoundDetail> {
      return get(fiveEduRoundDetailSchema, `${P}/rounds/${id(roundId)}`);
    },
    createFiveEduRound(body: FiveEduRoundCreate): Promise<FiveEduRoundDetail> {
      return write(fiveEduRoundDetailSchema, 'POST', `${P}/rounds`, body);
    },
    setFiveEduEnrolments(roundId: string, body: FiveEduEnrolments): Promise<FiveEduRoundDetail> {
      return write(fiveEduRoundDetailSchema, 'PUT', `${P}/rounds/${id(roundId)}/enrolments`, body);
    },
    async uploadFiveEduEnrolments(roundId: string, file: File): Promise<FiveEduUploadResult> {
      const form = new FormData();
      form.append('file', file, file.name);
      const path = `${P}/rounds/${id(roundId)}/enrolments/upload`;
      return parseWith(fiveEduUploadResultSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    drawFiveEduSample(roundId: string, body: FiveEduDraw): Promise<FiveEduSample> {
      return write(fiveEduSampleSchema, 'POST', `${P}/rounds/${id(roundId)}/draw`, body);
    },
    fiveEduSample(roundId: string): Promise<FiveEduSample> {
      return get(fiveEduSampleSchema, `${P}/rounds/${id(roundId)}/sample`);
    },
    enterFiveEduValues(roundId: string, body: FiveEduValues): Promise<FiveEduUploadResult> {
      return write(fiveEduUploadResultSchema, 'PUT', `${P}/rounds/${id(roundId)}/values`, body);
    },
    async uploadFiveEduValues(roundId: string, file: File): Promise<FiveEduUploadResult> {
      const form = new FormData();
      form.append('file', file, file.name);
      const path = `${P}/rounds/${id(roundId)}/values/upload`;
      return parseWith(fiveEduUploadResultSchema, await json('POST', path, { form }), `POST ${path}`);
    },
    /** Scores; weights given are a what-if, never saved. */
    fiveEduResults(roundId: string, weights?: FiveEduWeights): Promise<FiveEduResults> {
      return get(fiveEduResultsSchema, `${P}/rounds/${id(roundId)}/results`, weights ? { ...weights } : {});
    },
  };
}

/** Paths of the round's downloads (through `useDownload`). */
export const fiveEduSampleCsvPath = (roundId: string) => `${P}/rounds/${id(roundId)}/sample.csv`;
export const fiveEduTemplatePath = (roundId: string) => `${P}/rounds/${id(roundId)}/values/template`;
export const fiveEduEnrolmentsTemplatePath = (roundId: string) =>
  `${P}/rounds/${id(roundId)}/enrolments/template`;
