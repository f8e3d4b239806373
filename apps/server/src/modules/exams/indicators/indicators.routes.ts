/** Routes of indicator systems per 学段 × 学科 (R-002-11). */
import { indicatorSystemSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { Bound } from '../context';
import type { listIndicators, putIndicators } from './indicators.service';

export interface IndicatorsApi {
  listIndicators: Bound<typeof listIndicators>;
  putIndicators: Bound<typeof putIndicators>;
}

export function indicatorsRoutes(exams: IndicatorsApi): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
    app.get(
      '/exam-indicators',
      {
        schema: {
          tags,
          summary: '质量指标体系 Indicator systems',
          querystring: z.object({ ownerOrgId: z.string().max(20) }),
        },
      },
      async (req) => exams.listIndicators(actorOf(req), req.query.ownerOrgId),
    );
    app.put(
      '/exam-indicators',
      { schema: { tags, summary: '保存指标体系 Save an indicator system', body: indicatorSystemSchema } },
      async (req) => exams.putIndicators(actorOf(req), req.body),
    );
  };
}
