/** Studios and workshops (工作室, 工作坊): registry, roster, registration, plan, activities, monthly review, my own. */
import {
  type Activity,
  type ActivityInput,
  type AttendanceRow,
  activitySchema,
  attendanceRowSchema,
  type CommunityDetail,
  type CommunityListQuery,
  type CommunityReview,
  type CommunitySummary,
  type CreateCommunity,
  communityDetailSchema,
  communitySummarySchema,
  feedbackResultSchema,
  type MyCommunity,
  myCommunitySchema,
  type PlanInput,
  type PlanView,
  planViewSchema,
  type ReviewQuery,
  type RosterChange,
  reviewSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

const base = (id: string) => `/api/v1/communities/${encodeURIComponent(id)}`;

export function communitiesApi({ get, json, write }: Transport) {
  return {
    communities(query: CommunityListQuery = {}): Promise<CommunitySummary[]> {
      return get(communitySummarySchema.array(), '/api/v1/communities', query);
    },
    createCommunity(body: CreateCommunity): Promise<CommunityDetail> {
      return write(communityDetailSchema, 'POST', '/api/v1/communities', body);
    },
    community(id: string): Promise<CommunityDetail> {
      return get(communityDetailSchema, base(id));
    },
    changeRoster(id: string, body: RosterChange): Promise<CommunityDetail> {
      return write(communityDetailSchema, 'POST', `${base(id)}/roster`, body);
    },
    registerCommunity(id: string): Promise<CommunityDetail> {
      return write(communityDetailSchema, 'POST', `${base(id)}/register`, {});
    },
    communityPlan(id: string, schoolYear: string): Promise<PlanView> {
      return get(planViewSchema, `${base(id)}/plans/${encodeURIComponent(schoolYear)}`);
    },
    saveCommunityPlan(id: string, schoolYear: string, body: PlanInput): Promise<PlanView> {
      return write(planViewSchema, 'PUT', `${base(id)}/plans/${encodeURIComponent(schoolYear)}`, body);
    },
    communityActivities(id: string): Promise<Activity[]> {
      return get(activitySchema.array(), `${base(id)}/activities`);
    },
    createCommunityActivity(id: string, body: ActivityInput): Promise<Activity> {
      return write(activitySchema, 'POST', `${base(id)}/activities`, body);
    },
    activityAttendance(id: string, activityId: string): Promise<AttendanceRow[]> {
      return get(
        attendanceRowSchema.array(),
        `${base(id)}/activities/${encodeURIComponent(activityId)}/attendance`,
      );
    },
    recordActivityAttendance(id: string, activityId: string, attended: string[]): Promise<AttendanceRow[]> {
      return write(
        attendanceRowSchema.array(),
        'PUT',
        `${base(id)}/activities/${encodeURIComponent(activityId)}/attendance`,
        { attended },
      );
    },
    /** Y-COMM-ACTIVITY-FILES: one photo or file added to an open activity. */
    async uploadActivityFile(id: string, activityId: string, file: File): Promise<Activity> {
      const form = new FormData();
      form.append('file', file, file.name);
      const path = `${base(id)}/activities/${encodeURIComponent(activityId)}/files`;
      return parseWith(activitySchema, await json('POST', path, { form }), `POST ${path}`);
    },
    removeActivityFile(id: string, activityId: string, fileId: string): Promise<Activity> {
      const path = `${base(id)}/activities/${encodeURIComponent(activityId)}/files/${encodeURIComponent(fileId)}`;
      return write(activitySchema, 'DELETE', path);
    },
    closeCommunityActivity(id: string, activityId: string): Promise<Activity> {
      return write(activitySchema, 'POST', `${base(id)}/activities/${encodeURIComponent(activityId)}/close`);
    },
    communityReview(query: ReviewQuery): Promise<CommunityReview> {
      return get(reviewSchema, '/api/v1/communities/review', query);
    },
    communityFeedback(
      id: string,
      month: string,
      feedback: string,
    ): Promise<{ month: string; feedback: string }> {
      return write(feedbackResultSchema, 'POST', `${base(id)}/review-feedback`, {
        month,
        feedback,
      });
    },
    /** R3-W15: record (or withdraw) a workshop's 优秀工作坊 title of a year. */
    recordCommunityTitle(id: string, year: number, awarded: boolean): Promise<CommunityDetail> {
      return write(communityDetailSchema, 'POST', `${base(id)}/titles`, { year, awarded });
    },
    myCommunities(): Promise<MyCommunity[]> {
      return get(myCommunitySchema.array(), '/api/v1/me/communities');
    },
  };
}
