/**
 * Grouping plan for the what-if preview at province scale. Teachers are grouped (in SQL) by the attributes the
 * rules of the compared tracks read, each reduced to a class that no rule can tell apart; `evaluateEligibility`
 * then runs once per class with a member as representative, and its result counts for the whole class. The
 * rules' semantics stay in `evaluateEligibility`: this file only says which attributes matter and where the
 * year boundaries fall, the boundaries computed with the same `fullYearsBetween` the rules use.
 */
import { fullYearsBetween, parseIsoDate } from '../dates';
import { addDays, addYears, type ProjectTrack } from './policy-pack';

/** A date attribute reduced to whole years on a reference date, clamped to [lo, lo + cuts.length]. */
export interface YearClasses {
  /** Class of a date later than every cut (the fewest years). */
  lo: number;
  /** Ascending years lo+1, lo+2, …: cuts[i] is the latest date with at least lo+1+i full years. */
  cuts: string[];
}

export interface GroupingPlan {
  /** Per reference date: class = lo + number of cuts the birth date is on or before. Null: no rule reads it. */
  age: YearClasses[] | null;
  /** The same for the teaching start date (教龄); a missing date is its own class. */
  teaching: YearClasses[] | null;
  /** Per reference date: clamp(refYear − trainingStartYear, lo, hi); a missing year is its own class. */
  training: Array<{ refYear: number; lo: number; hi: number }> | null;
  location: boolean;
  backbone: boolean;
  roles: boolean;
  title: boolean;
  stage: boolean;
}

/** The latest date `d` with `fullYearsBetween(d, ref) >= years` (the function is non-increasing in `d`). */
export function latestDateWithFullYears(ref: string, years: number): string {
  let d = addYears(ref, -years);
  for (let i = 0; i < 400 && fullYearsBetween(d, ref) < years; i++) d = addDays(d, -1);
  for (let i = 0; i < 400 && fullYearsBetween(addDays(d, 1), ref) >= years; i++) d = addDays(d, 1);
  return d;
}

function yearClasses(refs: string[], thresholds: number[]): YearClasses[] | null {
  if (thresholds.length === 0) return null;
  // below the smallest threshold and above the largest, no comparison changes any more
  const lo = Math.min(...thresholds) - 1;
  const hi = Math.max(...thresholds) + 1;
  return refs.map((ref) => {
    const cuts: string[] = [];
    for (let k = lo + 1; k <= hi; k++) cuts.push(latestDateWithFullYears(ref, k));
    return { lo, cuts };
  });
}

/**
 * Which teacher attributes the eligibility rules of `tracks` read, and the classes numeric ones reduce to on
 * each reference date. Integrity records, enrolments and attestations are not grouped: the caller evaluates
 * teachers with records one by one, and the preview treats attestations as confirmed and ignores enrolments.
 */
export function planEligibilityGrouping(tracks: ProjectTrack[], refs: string[]): GroupingPlan {
  for (const r of refs) {
    if (!parseIsoDate(r)) throw new RangeError(`reference date is not a YYYY-MM-DD calendar date: ${r}`);
  }
  const ageT: number[] = [];
  const teachT: number[] = [];
  const trainT: number[] = [];
  const plan: GroupingPlan = {
    age: null,
    teaching: null,
    training: null,
    location: false,
    backbone: false,
    roles: false,
    title: false,
    stage: false,
  };
  for (const t of tracks) {
    const e = t.eligibility;
    if (e.age?.min) ageT.push(e.age.min.value);
    if (e.age?.max) ageT.push(e.age.max.value);
    if (e.minTeachingYears) teachT.push(e.minTeachingYears.value);
    if (e.minTrainingWorkYears) trainT.push(e.minTrainingWorkYears.value);
    if (e.schoolLocationTypes) plan.location = true;
    if (e.backboneLevels || e.roles) plan.backbone = true;
    if (e.roles) plan.roles = true;
    if (e.titles) plan.title = true;
    if (e.stages) plan.stage = true;
  }
  plan.age = yearClasses(refs, ageT);
  plan.teaching = yearClasses(refs, teachT);
  if (trainT.length > 0) {
    // one more class above: the 'full_years_only' reading counts one year less than the difference
    const lo = Math.min(...trainT) - 1;
    const hi = Math.max(...trainT) + 1;
    plan.training = refs.map((r) => ({ refYear: parseIsoDate(r)?.year ?? 0, lo, hi }));
  }
  return plan;
}

/** Class of a date under `YearClasses` (what the SQL computes), for tests and the per-teacher check. */
export function yearClassOf(c: YearClasses, date: string): number {
  return c.lo + c.cuts.filter((cut) => date <= cut).length;
}
