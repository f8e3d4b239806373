import {
  schoolTrainingBudgetSchema,
  trainingBudgetInputSchema,
  trainingBudgetListSchema,
  trainingBudgetSchema,
  trainingBudgetYearSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { SchoolResearchService } from './school-research.service';

const tags = ['school-research'];
const yearParams = z.object({ schoolId: z.string().max(20), year: trainingBudgetYearSchema });

/** 学校教师培训经费 (R3-B09): one-line handlers over the service, registered with the 校本研修 routes. */
export function trainingBudgetRoutes(s: SchoolResearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/school-research/training-budgets',
      {
        schema: {
          tags,
          summary: '学校教师培训经费列表 The year’s records of the schools in scope, with R3-B09’s flags',
          querystring: z.object({ year: trainingBudgetYearSchema }),
          response: { 200: trainingBudgetListSchema },
        },
      },
      async (req) => s.listTrainingBudgets(actorOf(req), req.query.year),
    );
    app.get(
      '/school-research/schools/:schoolId/training-budgets/:year',
      {
        schema: {
          tags,
          summary: '学校教师培训经费 A school’s record of a year (or none), ratios and findings (R3-B09)',
          params: yearParams,
          response: { 200: schoolTrainingBudgetSchema },
        },
      },
      async (req) => s.schoolTrainingBudget(actorOf(req), req.params.schoolId, req.params.year),
    );
    app.put(
      '/school-research/schools/:schoolId/training-budgets/:year',
      {
        schema: {
          tags,
          summary:
            '填报或更正教师培训经费 Enter (the school) or correct (the county) the year’s record, audited',
          params: yearParams,
          body: trainingBudgetInputSchema,
          response: { 200: trainingBudgetSchema },
        },
      },
      async (req) => s.saveTrainingBudget(actorOf(req), req.params.schoolId, req.params.year, req.body),
    );
  };
}
