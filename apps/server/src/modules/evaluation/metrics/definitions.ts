/**
 * The registry's metric keys, what each reads (the sources wired in services-evaluation.ts from the modules that
 * hold the data, each an actor-less query: this module authorizes) and how a reading becomes points
 * (Y-EVAL-LIVE-SHARE: a count or rate short of its threshold earns its share of the unit's points, proportionally,
 * at most 1; R3-B03's person-times are deductions).
 */
import type { MetricDefinition } from '@yanxun/contracts';
import type { TrainingBudgetAmounts, TrainingBudgetStanding } from '@yanxun/core';

export interface SelectionCounts {
  programmes: number;
  /** Seats allotted to the county over the programmes, and trainees selected for them (R3-B02's rates). */
  seats: number;
  selected: number;
  underReported: number;
  missed: number;
  notCompleted: number;
  ineligible: number;
}

export interface TrainerTeam {
  /** The day the team is counted on: the year's last day, or today in the current year. */
  asOf: string;
  size: number;
  active: number;
  teamMin: number;
  activeShareMin: number;
}

export interface StudioLed {
  id: string;
  name: string;
  kind: string;
  led: number;
}

/** R3-B09: a school's training-budget record of a (budget = calendar) year with its standing (core's types). */
export type SchoolTrainingBudget = TrainingBudgetAmounts &
  Pick<TrainingBudgetStanding, 'budgetShare' | 'useShare' | 'budgetMet' | 'useMet' | 'shareMin' | 'useMin'>;

/** What the registry reads. */
export interface MetricSources {
  /** R3-B02/B03: a county's seats, selections and person-times over the programmes of a year that reach it. */
  selectionCounts(county: { id: string; path: string }, year: number): Promise<SelectionCounts>;
  /** R3-G17: a studio's or workshop's sessions planned and activities held in [from, to). */
  communityActivities(
    communityId: string,
    from: string,
    to: string,
  ): Promise<{ planned: number; held: number }>;
  /** R3-P01/P02: a county's trainer team in a year. */
  trainerTeam(county: { id: string; path: string }, year: number): Promise<TrainerTeam>;
  /** R3-B01/B07: the 三名 studios under a county set up by the year's end, each with its teachers led. */
  threeNameStudios(path: string, year: number): Promise<{ studios: StudioLed[]; ledMin: number }>;
  /** R3-B07: one studio's teachers led in a year; undefined for an unknown studio. */
  studioReach(studioId: string, year: number): Promise<{ led: number; ledMin: number } | undefined>;
  /** R3-B01: teachers with a 骨干 level on record under a county, still on the staff. */
  backboneCount(path: string): Promise<number>;
  /** R3-B09: a school's training-budget record of the year; undefined when none was entered. */
  schoolTrainingBudget(schoolId: string, year: number): Promise<SchoolTrainingBudget | undefined>;
  /** R3-B09: a county's schools, those that entered the year's record and those meeting both conditions. */
  countyTrainingBudgets(
    path: string,
    year: number,
  ): Promise<{ schools: number; entered: number; metBoth: number }>;
}

export const METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    key: 'selection_quality_deduction',
    label: '遴选质量扣分（少报、缺培、未结业、不符合遴选条件）',
    subjectKinds: ['county'],
    ruleId: 'R3-B03',
  },
  {
    key: 'selection_rates',
    label: '选送率、参训率、结业率（目标均为 100%）',
    subjectKinds: ['county'],
    ruleId: 'R3-B02',
  },
  {
    key: 'trainer_team',
    label: '县级教师培训师队伍（不少于 50 人，发挥作用比例不低于 90%）',
    subjectKinds: ['county'],
    ruleId: 'R3-P01, R3-P02',
  },
  {
    key: 'trainer_team_size',
    label: '县级教师培训师队伍人数（不少于 50 人）',
    subjectKinds: ['county'],
    ruleId: 'R3-P01',
  },
  {
    key: 'trainer_active_share',
    label: '培训师参与项目发挥作用的比例（不低于 90%）',
    subjectKinds: ['county'],
    ruleId: 'R3-P02',
  },
  {
    key: 'studio_ratio',
    label: '“三名”工作室数与参训骨干人数之比（不低于 10%）',
    subjectKinds: ['county'],
    ruleId: 'R3-B01',
  },
  {
    key: 'studio_reach',
    label: '工作室年度引领教师（每个工作室至少 5 名）',
    subjectKinds: ['county', 'studio'],
    ruleId: 'R3-B07',
  },
  {
    key: 'workshop_activities',
    label: '年度研修活动开展（已开展 ÷ 计划）',
    subjectKinds: ['workshop', 'studio'],
    ruleId: 'R3-G17',
  },
  {
    key: 'school_training_budget',
    label: '教师培训经费（不低于公用经费预算总额的 5%，使用率不低于 90%）',
    subjectKinds: ['school', 'county'],
    ruleId: 'R3-B09',
  },
];
