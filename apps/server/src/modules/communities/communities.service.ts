import type {
  ActivityInput,
  AttendanceInput,
  CommunityListQuery,
  CreateCommunity,
  FeedbackInput,
  PlanInput,
  RegisterCommunity,
  ReviewQuery,
  TitleInput,
} from '@yanxun/contracts';
import type { MemberRole } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import type { Upload } from '../files';
import { attendanceOf, closeActivity, createActivity, listActivities, recordAttendance } from './activities';
import { activityFile, addActivityFile, removeActivityFile } from './activity-files';
import { activityCountsOf, communityRefsOf, studioReachOf, threeNameStudiosOf } from './community-refs';
import { type CommunitiesDeps, communitiesContext } from './context';
import { isWorkshopMember, membershipsOf, myCommunities, studioRolesOf } from './mine';
import { getPlan, savePlan } from './plans';
import { changeRoster, createCommunity, getCommunity, listCommunities, registerCommunity } from './registry';
import { recordFeedback, reviewMonth } from './review';
import { recordTitle } from './titles';

/** Studios and workshops: the use cases bound to the module's context. */
export function createCommunitiesService(deps: CommunitiesDeps) {
  const ctx = communitiesContext(deps);
  return {
    list: (actor: Actor, query: CommunityListQuery) => listCommunities(ctx, actor, query),
    create: (actor: Actor, req: CreateCommunity) => createCommunity(ctx, actor, req),
    get: (actor: Actor, id: string) => getCommunity(ctx, actor, id),
    changeRoster: (
      actor: Actor,
      id: string,
      req: { reason: string; add: { teacherId: string; role: MemberRole }[]; end: string[] },
    ) => changeRoster(ctx, actor, id, req),
    register: (actor: Actor, id: string, req: RegisterCommunity) => registerCommunity(ctx, actor, id, req),
    plan: (actor: Actor, id: string, schoolYear: string) => getPlan(ctx, actor, id, schoolYear),
    savePlan: (actor: Actor, id: string, schoolYear: string, req: PlanInput) =>
      savePlan(ctx, actor, id, schoolYear, req),
    activities: (actor: Actor, id: string) => listActivities(ctx, actor, id),
    createActivity: (actor: Actor, id: string, req: ActivityInput) => createActivity(ctx, actor, id, req),
    attendance: (actor: Actor, id: string, activityId: string) => attendanceOf(ctx, actor, id, activityId),
    recordAttendance: (actor: Actor, id: string, activityId: string, req: AttendanceInput) =>
      recordAttendance(ctx, actor, id, activityId, req),
    closeActivity: (actor: Actor, id: string, activityId: string) =>
      closeActivity(ctx, actor, id, activityId),
    /** An activity's photos and files (Y-COMM-ACTIVITY-FILES). */
    maxFileBytes: deps.files.maxBytes,
    addActivityFile: (actor: Actor, id: string, activityId: string, upload: Upload) =>
      addActivityFile(ctx, actor, id, activityId, upload),
    removeActivityFile: (actor: Actor, id: string, activityId: string, fileId: string) =>
      removeActivityFile(ctx, actor, id, activityId, fileId),
    activityFile: (actor: Actor, id: string, activityId: string, fileId: string) =>
      activityFile(ctx, actor, id, activityId, fileId),
    review: (actor: Actor, query: ReviewQuery) => reviewMonth(ctx, actor, query),
    feedback: (actor: Actor, id: string, req: FeedbackInput) => recordFeedback(ctx, actor, id, req),
    mine: (actor: Actor) => myCommunities(ctx, actor),
    /** A community's title of a year (优秀工作坊 R3-W15, 优秀工作室 R3-G18); the annual selection passes source
     * 'selection', and withdraws only what it recorded. */
    recordTitle: (actor: Actor, id: string, req: TitleInput, source?: 'bureau' | 'selection') =>
      recordTitle(ctx, actor, id, req, source),
    /** For the growth archive's port: a teacher's studio and workshop roles. */
    studioRolesOf: (teacherId: string) => studioRolesOf(ctx, teacherId),
    /** For the evaluation's honours: a teacher's memberships by community id and days, no actor. */
    membershipsOf: (teacherId: string) => membershipsOf(ctx, teacherId),
    /** A member of a 教师工作坊 today (R3-W12's priority on nominations). */
    isWorkshopMember: (teacherId: string) => isWorkshopMember(ctx, teacherId),
    /** For the pairings' port: communities by id (kind, level, host unit), no actor (the caller authorizes). */
    refsOf: (ids: string[]) => communityRefsOf(ctx, ids),
    /** For the evaluation's live item: activities planned and held between two days, no actor. */
    activityCounts: (id: string, from: string, to: string) => activityCountsOf(ctx, id, from, to),
    /** For the evaluation's live items: a studio's teachers led in a year (R3-B07), no actor. */
    studioReach: (id: string, year: number) => studioReachOf(ctx, id, year),
    /** For the evaluation's live items: a county's 三名 studios with their reach (R3-B01, R3-B07), no actor. */
    threeNameStudios: (path: string, year: number) => threeNameStudiosOf(ctx, path, year),
  };
}

export type CommunitiesService = ReturnType<typeof createCommunitiesService>;
