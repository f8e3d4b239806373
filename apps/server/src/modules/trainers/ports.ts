/**
 * What the trainer pool needs from other modules, declared here and wired in services.ts. No port takes an actor:
 * this module decides who may act on a record from the pool's and the school's paths.
 */
import type { CommunityRules } from '@yanxun/core';
import type { Database } from '../../db/database';

/** A teacher as eligibility reads them (the people module's `trainerFactsOf`). */
export interface TrainerTeacherFacts {
  id: string;
  name: string;
  birthDate: string;
  /** a `TITLES` code ('senior' 高级教师 …) or null */
  title: string | null;
  schoolId: string;
  schoolName: string;
  orgPath: string;
  countyId: string;
}

export interface TrainerPeoplePort {
  /** Unknown ids are left out. */
  trainerFactsOf(teacherIds: string[]): Promise<TrainerTeacherFacts[]>;
}

/** An org node as the pool reads it. */
export interface TrainerOrg {
  id: string;
  name: string;
  kind: string;
  path: string;
  county_id: string | null;
  city_id: string | null;
  province_id: string | null;
}

/** The org module: nodes by id, the chain above a path, a node's children (to find the counties under a city). */
export interface TrainerOrgsPort {
  findById(id: string): Promise<TrainerOrg | undefined>;
  findByIds(ids: string[]): Promise<TrainerOrg[]>;
  ancestorsOf(path: string): Promise<TrainerOrg[]>;
  childrenOf(id: string): Promise<TrainerOrg[]>;
}

/** A programme or class a trainer is assigned to: its title and first day (the year it counts for, R3-P02). */
export interface AssignmentTarget {
  id: string;
  title: string;
  startDate: string;
}

/** The programs and classes modules: does the programme / class exist, and what is it. */
export interface AssignmentTargetsPort {
  programme(id: string): Promise<AssignmentTarget | undefined>;
  class(id: string): Promise<AssignmentTarget | undefined>;
}

/** The `communities` rules of the policy pack in force for a unit on a day (core's defaults without one). */
export type CommunityRulesIn = (orgPath: string, on: string, trx?: Database) => Promise<CommunityRules>;
/** The same for many units at once (every county of a standing), by path, in one read of the packs. */
export type CommunityRulesAt = (
  orgPaths: string[],
  on: string,
) => Promise<ReadonlyMap<string, CommunityRules>>;
