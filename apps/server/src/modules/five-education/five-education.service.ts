import type {
  FiveEduDraw,
  FiveEduEnrolments,
  FiveEduFrameworkCreate,
  FiveEduFrameworkUpdate,
  FiveEduResultsQuery,
  FiveEduRoundCreate,
  FiveEduValues,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { FiveEduContext, FiveEduDeps } from './context';
import { enrolmentsTemplate, uploadEnrolments } from './enrolments-upload';
import {
  createFramework,
  getFramework,
  listFrameworks,
  newFrameworkVersion,
  publishFramework,
  updateFramework,
} from './frameworks';
import { roundResults } from './results';
import { createRound, drawSample, getRound, getSample, listRounds, sampleCsv, setEnrolments } from './rounds';
import { enterValues, uploadValues, valuesTemplate } from './values';

/** 五育 comprehensive evaluation: the use cases bound to the module's context. */
export function createFiveEduService(deps: FiveEduDeps) {
  const { clock, ...rest } = deps;
  const ctx: FiveEduContext = { ...rest, now: clock ?? (() => new Date()) };
  return {
    listFrameworks: (actor: Actor) => listFrameworks(ctx, actor),
    getFramework: (actor: Actor, id: string) => getFramework(ctx, actor, id),
    createFramework: (actor: Actor, req: FiveEduFrameworkCreate) => createFramework(ctx, actor, req),
    updateFramework: (actor: Actor, id: string, req: FiveEduFrameworkUpdate) =>
      updateFramework(ctx, actor, id, req),
    publishFramework: (actor: Actor, id: string) => publishFramework(ctx, actor, id),
    newFrameworkVersion: (actor: Actor, id: string) => newFrameworkVersion(ctx, actor, id),
    listRounds: (actor: Actor) => listRounds(ctx, actor),
    getRound: (actor: Actor, id: string) => getRound(ctx, actor, id),
    createRound: (actor: Actor, req: FiveEduRoundCreate) => createRound(ctx, actor, req),
    setEnrolments: (actor: Actor, id: string, req: FiveEduEnrolments) => setEnrolments(ctx, actor, id, req),
    uploadEnrolments: (actor: Actor, id: string, fileName: string, buf: Buffer) =>
      uploadEnrolments(ctx, actor, id, fileName, buf),
    enrolmentsTemplate: (actor: Actor, id: string) => enrolmentsTemplate(ctx, actor, id),
    drawSample: (actor: Actor, id: string, req: FiveEduDraw) => drawSample(ctx, actor, id, req),
    getSample: (actor: Actor, id: string) => getSample(ctx, actor, id),
    sampleCsv: (actor: Actor, id: string) => sampleCsv(ctx, actor, id),
    enterValues: (actor: Actor, id: string, req: FiveEduValues) => enterValues(ctx, actor, id, req),
    uploadValues: (actor: Actor, id: string, fileName: string, buf: Buffer) =>
      uploadValues(ctx, actor, id, fileName, buf),
    valuesTemplate: (actor: Actor, id: string) => valuesTemplate(ctx, actor, id),
    results: (actor: Actor, id: string, q: FiveEduResultsQuery) => roundResults(ctx, actor, id, q),
  };
}

export type FiveEduService = ReturnType<typeof createFiveEduService>;
