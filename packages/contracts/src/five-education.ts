/**
 * 五育 comprehensive evaluation (CD-24, CD-25, TL-14): a region's framework per year (five dimensions 德智体美劳 with
 * weights summing to 100 %, core elements, monitorable indicators), a monitoring round over a subtree's schools with
 * a reproducible stratified sample, indicator values per school, and scores per school and district with a what-if
 * of the weights and the ±10 % sensitivity. Weights travel as percentages (20 = 20 %).
 */
import { z } from 'zod';

export const FIVE_EDU_DIMENSIONS = ['moral', 'intellectual', 'physical', 'aesthetic', 'labour'] as const;
export const fiveEduDimensionSchema = z.enum(FIVE_EDU_DIMENSIONS);
export type FiveEduDimension = z.infer<typeof fiveEduDimensionSchema>;

export const FIVE_EDU_SOURCES = [
  'sample_survey',
  'school_report',
  'fitness_data',
  'platform',
  'other',
] as const;
export const fiveEduSourceSchema = z.enum(FIVE_EDU_SOURCES);
export type FiveEduSource = z.infer<typeof fiveEduSourceSchema>;

const id = z.string().regex(/^\d{1,18}$/, '应为编号');
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, '编码只能包含字母、数字、点、下划线和连字符，最长 20 位');
const percent = z.number().min(0).max(100);

export const fiveEduWeightsSchema = z.object({
  moral: percent,
  intellectual: percent,
  physical: percent,
  aesthetic: percent,
  labour: percent,
});
export type FiveEduWeights = z.infer<typeof fiveEduWeightsSchema>;

/** How a raw value becomes 0–100: against a target, or between a minimum and a maximum. */
export const fiveEduNormaliseSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('target'), target: z.number().positive().max(1e9) }),
  z.object({
    method: z.literal('min_max'),
    min: z.number().min(-1e9).max(1e9),
    max: z.number().min(-1e9).max(1e9),
  }),
]);
export type FiveEduNormalise = z.infer<typeof fiveEduNormaliseSchema>;

export const fiveEduIndicatorSchema = z.object({
  code,
  name: z.string().trim().min(1).max(100),
  unit: z.string().trim().max(20).default(''),
  direction: z.enum(['higher', 'lower']),
  normalise: fiveEduNormaliseSchema,
  source: fiveEduSourceSchema,
  /** a starter example, not from the source documents */
  example: z.boolean().default(false),
});
export type FiveEduIndicator = z.infer<typeof fiveEduIndicatorSchema>;

export const fiveEduElementSchema = z.object({
  code,
  name: z.string().trim().min(1).max(100),
  indicators: z.array(fiveEduIndicatorSchema).max(50),
});
export type FiveEduElement = z.infer<typeof fiveEduElementSchema>;

export const fiveEduDimensionBodySchema = z.object({
  dimension: fiveEduDimensionSchema,
  elements: z.array(fiveEduElementSchema).max(50),
});

export const fiveEduFrameworkBodySchema = z.object({
  weights: fiveEduWeightsSchema,
  dimensions: z.array(fiveEduDimensionBodySchema).length(5),
});
export type FiveEduFrameworkBody = z.infer<typeof fiveEduFrameworkBodySchema>;

export const fiveEduFrameworkCreateSchema = z.object({
  /** the owner: a city or county bureau */
  orgId: id,
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2).max(100),
  /** absent: the starter framework (five dimensions, labelled example indicators) */
  body: fiveEduFrameworkBodySchema.optional(),
});
export type FiveEduFrameworkCreate = z.input<typeof fiveEduFrameworkCreateSchema>;

export const fiveEduFrameworkUpdateSchema = z.object({
  name: z.string().trim().min(2).max(100),
  body: fiveEduFrameworkBodySchema,
});
export type FiveEduFrameworkUpdate = z.input<typeof fiveEduFrameworkUpdateSchema>;

export const fiveEduFrameworkSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  version: z.number(),
  name: z.string(),
  status: z.enum(['draft', 'published']),
  body: fiveEduFrameworkBodySchema,
  publishedAt: z.string().nullable(),
  elementCount: z.number(),
  indicatorCount: z.number(),
  canManage: z.boolean(),
});
export type FiveEduFramework = z.infer<typeof fiveEduFrameworkSchema>;
export const fiveEduFrameworkListSchema = z.object({ items: z.array(fiveEduFrameworkSchema) });
export type FiveEduFrameworkList = z.infer<typeof fiveEduFrameworkListSchema>;

export const fiveEduRoundCreateSchema = z.object({
  frameworkId: id,
  /** the participating schools: every school under this org */
  orgId: id,
  name: z.string().trim().min(2).max(100),
  /** students' share per stratum (school × grade), percent; default TL-14's 5 % */
  studentPercent: z.number().min(0.1).max(100).default(5),
  /** principals' and teachers' share per school, percent */
  staffPercent: z.number().min(0.1).max(100).default(5),
});
export type FiveEduRoundCreate = z.input<typeof fiveEduRoundCreateSchema>;

export const FIVE_EDU_GRADE_MAX = 12;
/** Students per grade (1–12) of each school: the population of the student draw (no roster is held). */
export const fiveEduEnrolmentsSchema = z.object({
  schools: z
    .array(
      z.object({
        schoolId: id,
        grades: z.record(
          z.string().regex(/^(?:[1-9]|1[0-2])$/, '年级应为 1–12'),
          z.number().int().min(0).max(5000),
        ),
      }),
    )
    .max(5000),
});
export type FiveEduEnrolments = z.infer<typeof fiveEduEnrolmentsSchema>;

export const fiveEduDrawSchema = z.object({
  /** absent: a new seed is chosen and stored */
  seed: z.string().trim().min(1).max(64).optional(),
});
export type FiveEduDraw = z.infer<typeof fiveEduDrawSchema>;

export const fiveEduValuesSchema = z.object({
  values: z
    .array(
      z.object({
        schoolId: id,
        indicatorCode: code,
        value: z.number().min(-1e9).max(1e9).nullable(),
      }),
    )
    .min(1)
    .max(20000),
});
export type FiveEduValues = z.infer<typeof fiveEduValuesSchema>;

export const fiveEduRoundSchoolSchema = z.object({
  id: z.string(),
  name: z.string(),
  countyId: z.string().nullable(),
  countyName: z.string(),
  students: z.number(),
  grades: z.record(z.string(), z.number()),
  valuesEntered: z.number(),
  sampledStudents: z.number(),
  sampledStaff: z.number(),
});

export const fiveEduRoundSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  frameworkVersion: z.number(),
  studentPercent: z.number(),
  staffPercent: z.number(),
  seed: z.string().nullable(),
  drawnAt: z.string().nullable(),
  indicatorCount: z.number(),
  schoolCount: z.number(),
  canManage: z.boolean(),
});
export type FiveEduRound = z.infer<typeof fiveEduRoundSchema>;
export const fiveEduRoundListSchema = z.object({ items: z.array(fiveEduRoundSchema) });
export type FiveEduRoundList = z.infer<typeof fiveEduRoundListSchema>;
export const fiveEduRoundDetailSchema = fiveEduRoundSchema.extend({
  schools: z.array(fiveEduRoundSchoolSchema),
  indicators: z.array(
    z.object({ code: z.string(), name: z.string(), unit: z.string(), example: z.boolean() }),
  ),
});
export type FiveEduRoundDetail = z.infer<typeof fiveEduRoundDetailSchema>;

export const fiveEduSampleSchema = z.object({
  seed: z.string().nullable(),
  rule: z.string(),
  students: z.object({
    population: z.number(),
    count: z.number(),
    strata: z.array(
      z.object({
        schoolId: z.string(),
        schoolName: z.string(),
        grade: z.number(),
        population: z.number(),
        count: z.number(),
        /** positions on the school's own grade list (sorted by 学籍号), 1-based */
        picks: z.array(z.number()),
      }),
    ),
  }),
  staff: z.object({
    population: z.number(),
    count: z.number(),
    picks: z.array(
      z.object({ schoolId: z.string(), schoolName: z.string(), teacherId: z.string(), name: z.string() }),
    ),
  }),
});
export type FiveEduSample = z.infer<typeof fiveEduSampleSchema>;

export const fiveEduResultsQuerySchema = z.object({
  moral: z.coerce.number().optional(),
  intellectual: z.coerce.number().optional(),
  physical: z.coerce.number().optional(),
  aesthetic: z.coerce.number().optional(),
  labour: z.coerce.number().optional(),
});
export type FiveEduResultsQuery = z.infer<typeof fiveEduResultsQuerySchema>;

const dimensionScores = z.object({
  moral: z.number().nullable(),
  intellectual: z.number().nullable(),
  physical: z.number().nullable(),
  aesthetic: z.number().nullable(),
  labour: z.number().nullable(),
});

const bandSchema = z.object({ code: z.string(), label: z.string() });

export const fiveEduSchoolResultSchema = z.object({
  schoolId: z.string(),
  name: z.string(),
  countyId: z.string().nullable(),
  countyName: z.string(),
  dimensions: dimensionScores,
  /** null while a dimension has no value */
  score: z.number().nullable(),
  band: bandSchema.nullable(),
  how: z.string(),
  missing: z.array(z.string()),
  /** Y-EVAL-SENSITIVITY: each dimension moved ±10 points, the band after */
  sensitivity: z.array(
    z.object({
      dimension: fiveEduDimensionSchema,
      upWeight: z.number(),
      upScore: z.number(),
      upBand: bandSchema,
      downWeight: z.number(),
      downScore: z.number(),
      downBand: bandSchema,
      changesBand: z.boolean(),
    }),
  ),
  bandMayChange: z.boolean(),
  elements: z.array(
    z.object({
      dimension: fiveEduDimensionSchema,
      code: z.string(),
      name: z.string(),
      score: z.number().nullable(),
    }),
  ),
});
export type FiveEduSchoolResult = z.infer<typeof fiveEduSchoolResultSchema>;

export const fiveEduResultsSchema = z.object({
  weights: fiveEduWeightsSchema,
  savedWeights: fiveEduWeightsSchema,
  rule: z.string(),
  schools: z.array(fiveEduSchoolResultSchema),
  districts: z.array(
    z.object({
      countyId: z.string().nullable(),
      name: z.string(),
      schools: z.number(),
      scored: z.number(),
      dimensions: dimensionScores,
      score: z.number().nullable(),
      band: bandSchema.nullable(),
    }),
  ),
});
export type FiveEduResults = z.infer<typeof fiveEduResultsSchema>;

export const fiveEduUploadResultSchema = z.object({ rows: z.number(), values: z.number() });
export type FiveEduUploadResult = z.infer<typeof fiveEduUploadResultSchema>;
