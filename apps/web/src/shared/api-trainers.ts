/** 培训者团队: the teacher's own record and application, the pool's list, decisions and the county standing. */
import {
  type ApplyTrainer,
  type AppointTrainer,
  type ApproveTrainer,
  type AssessTrainer,
  type AssignTrainer,
  type MyTrainer,
  myTrainerSchema,
  type RecommendTrainer,
  type RevokeTrainer,
  type TrainerDetail,
  type TrainerListQuery,
  type TrainerPage,
  type TrainerStanding,
  type TrainerStandingQuery,
  trainerDetailSchema,
  trainerPageSchema,
  trainerStandingSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

export function trainersApi({ get, json }: Transport) {
  const post = async (path: string, body: unknown): Promise<TrainerDetail> =>
    parseWith(trainerDetailSchema, await json('POST', path, { json: body }), `POST ${path}`);
  const one = (id: string, what: string) => `/api/v1/trainers/${encodeURIComponent(id)}/${what}`;
  return {
    myTrainer(): Promise<MyTrainer> {
      return get(myTrainerSchema, '/api/v1/me/trainer');
    },
    applyTrainer(body: ApplyTrainer): Promise<TrainerDetail> {
      return post('/api/v1/me/trainer/applications', body);
    },
    trainers(query: TrainerListQuery = {}): Promise<TrainerPage> {
      return get(trainerPageSchema, '/api/v1/trainers', query);
    },
    trainer(id: string): Promise<TrainerDetail> {
      return get(trainerDetailSchema, `/api/v1/trainers/${encodeURIComponent(id)}`);
    },
    trainerStanding(query: TrainerStandingQuery = {}): Promise<TrainerStanding> {
      return get(trainerStandingSchema, '/api/v1/trainers/standing', query);
    },
    recommendTrainer(id: string, body: RecommendTrainer): Promise<TrainerDetail> {
      return post(one(id, 'recommendation'), body);
    },
    decideTrainer(id: string, body: ApproveTrainer): Promise<TrainerDetail> {
      return post(one(id, 'decision'), body);
    },
    appointTrainer(body: AppointTrainer): Promise<TrainerDetail> {
      return post('/api/v1/trainers/appointments', body);
    },
    assessTrainer(id: string, body: AssessTrainer): Promise<TrainerDetail> {
      return post(one(id, 'assessments'), body);
    },
    revokeTrainer(id: string, body: RevokeTrainer): Promise<TrainerDetail> {
      return post(one(id, 'revocation'), body);
    },
    assignTrainer(id: string, body: AssignTrainer): Promise<TrainerDetail> {
      return post(one(id, 'assignments'), body);
    },
  };
}
