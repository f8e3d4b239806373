import { z } from 'zod';
import { classSummarySchema } from './classes';
import { planSummarySchema } from './plans';
import { kpiRateSchema, overviewProgrammeSchema } from './reports';

/**
 * The landing page (工作台) of a signed-in account: what its roles give it to watch and to do. Every section is
 * null when the account's roles do not reach it, so each role sees only its own work.
 */

/** What the account should do next; the web words it from the kind, the count and the subject. */
export const HOME_TASK_KINDS = [
  /** the office: plans submitted for its programmes, awaiting review */
  'plan_review',
  /** the office: a provider's shortlist selection submitted, awaiting confirmation (R-004-59) */
  'shortlist_confirm',
  /** the office or a provider: class deadline items overdue (R-004-09…15) */
  'deadline_overdue',
  /** a provider: programmes open for application it has not applied to */
  'programme_open',
  /** a provider: a plan drafted but not submitted */
  'plan_draft',
  /** a provider: a plan returned with comments */
  'plan_returned',
  /** a provider: a shortlist selection open or returned (R-004-59) */
  'shortlist_select',
  /** a provider or trainer: trainees' outcomes waiting for review */
  'outcomes_review',
  /** a provider: a class has ended and no completion (结业) run has judged its trainees */
  'completion_run',
] as const;
export type HomeTaskKind = (typeof HOME_TASK_KINDS)[number];

export const homeTaskSchema = z.object({
  kind: z.enum(HOME_TASK_KINDS),
  /** How many (plans, items, outcomes …). */
  count: z.number().int(),
  /** What it is about (a programme's or class's name); null for a count over several. */
  subject: z.string().nullable(),
  /** The record to open (plan, programme or class id); null for the list. */
  id: z.string().nullable(),
  /** A date that matters (a selection deadline, a class's end), or null. */
  due: z.string().nullable(),
});
export type HomeTask = z.infer<typeof homeTaskSchema>;

/** The year of training at a glance, in the officer's scope (the training overview's figures). */
export const homeTrainingSchema = z.object({
  year: z.number().int().nullable(),
  programmes: z.number().int(),
  /** Started and not yet ended on `asOf`. */
  running: z.number().int(),
  upcoming: z.number().int(),
  finished: z.number().int(),
  seats: z.number().int(),
  seatsUsed: z.number().int(),
  enrolled: z.number().int(),
  arrived: z.number().int(),
  assessed: z.number().int(),
  completed: z.number().int(),
  arrivalRate: kpiRateSchema,
  completionRate: kpiRateSchema,
  /** Over programmes owned in the scope; null when none is. */
  classes: z.number().int().nullable(),
  overdueDeadlines: z.number().int().nullable(),
  /** The running programmes, then the next to start (at most 6). */
  current: z.array(overviewProgrammeSchema),
});
export type HomeTraining = z.infer<typeof homeTrainingSchema>;

export const homeWarningSchema = z.object({
  rule: z.string(),
  examId: z.string(),
  examName: z.string(),
  schoolId: z.string(),
  school: z.string(),
  metric: z.string(),
  /** The indicator, and the line (EW-BELOW) or the previous value (EW-DROP); rates as fractions. */
  value: z.number(),
  reference: z.number(),
  /** EW-DROP: the margin the fall exceeded. */
  margin: z.number().optional(),
  /** The sentence in Chinese; the web writes it from rule, metric and the values. */
  message: z.string(),
});
export type HomeWarning = z.infer<typeof homeWarningSchema>;

/** The newest monitoring cycle's early warnings in the monitoring office's scope (R-002-12). */
export const homeWarningsSchema = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  total: z.number().int(),
  /** The newest exam's first (at most 5). */
  latest: z.array(homeWarningSchema),
});
export type HomeWarnings = z.infer<typeof homeWarningsSchema>;

/** A provider's or trainer's classes: running, next to start, recently ended (at most 8). */
export const homeClassesSchema = z.object({
  total: z.number().int(),
  running: z.number().int(),
  upcoming: z.number().int(),
  items: z.array(classSummarySchema),
});
export type HomeClasses = z.infer<typeof homeClassesSchema>;

export const homeSchema = z.object({
  /** Today in Asia/Shanghai. */
  asOf: z.string(),
  training: homeTrainingSchema.nullable(),
  warnings: homeWarningsSchema.nullable(),
  classes: homeClassesSchema.nullable(),
  /** A provider's own plans, newest first. */
  plans: z.array(planSummarySchema).nullable(),
  tasks: z.array(homeTaskSchema),
});
export type Home = z.infer<typeof homeSchema>;
