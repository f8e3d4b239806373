/**
 * What an eligibility evaluation works on and returns: the candidate, the programme context, one check per rule
 * (with its values and message) and the result; `hardCheck` builds a check that no override can pass.
 */
import type { BackboneLevel, LocationType } from '../codes';
import type { IntegrityKind, PolicyValue } from './policy-pack';

/** A programme the candidate is enrolled in, with its dates (for the no-overlap rule); not a class roster entry. */
export interface EnrolledProgramme {
  programmeId: string;
  programmeName?: string;
  startDate: string;
  endDate: string;
}

export interface IntegrityRecord {
  id?: string;
  /** Date of the event (no-show, dismissal, non-completion). */
  date: string;
  kind: IntegrityKind;
  /** False once revoked, exempted for special circumstances, or overturned on appeal. */
  standing: boolean;
}

export interface EligibilityCandidate {
  birthDate: string;
  teachingStartDate: string | null;
  /** Year the teacher started teacher-training work (培训工作), if any. */
  trainingStartYear: number | null;
  backbone: BackboneLevel | null;
  rolesHeld: string[];
  title: string | null;
  stage: string | null;
  schoolLocationType: LocationType | null;
  /** Current enrolments in other programmes. */
  enrolments: EnrolledProgramme[];
  integrityRecords: IntegrityRecord[];
  /** Attestation codes the nominating unit has confirmed (health, target group …). */
  attestations?: string[];
  /** Priority flag codes (R-004-67 …). */
  flags?: string[];
}

export interface EligibilityOverride {
  ruleId: string;
  reason: string;
  by?: string;
}

export interface EligibilityContext {
  /** The date ages and years are computed on (`resolveReferenceDate(pack, programme)`). */
  referenceDate: string;
  /** The programme (class) the nomination is for: the ban and overlap are judged on its dates. */
  programme: { id: string; startDate: string; endDate: string };
  /** Track of the project type; its first track when absent. */
  trackCode?: string;
  overrides?: EligibilityOverride[];
}

export type CheckValue = string | number | boolean | null;

/** What a check is about, whatever rule ID the pack gives it: the web words the check from it and the values. */
export type EligibilityCheckCode =
  | 'age'
  | 'training_years'
  | 'teaching_years'
  | 'location_type'
  | 'backbone'
  | 'role'
  | 'title'
  | 'stage'
  | 'attestation'
  | 'integrity'
  | 'overlap';

export interface EligibilityCheck {
  code: EligibilityCheckCode;
  ruleId: string;
  label: string;
  passed: boolean;
  soft: boolean;
  values: Record<string, CheckValue>;
  message: string;
  /** Present when a failed soft check was passed by an override. */
  override?: { reason: string; by: string | null };
}

export interface EligibilityResult {
  projectTypeCode: string;
  trackCode: string;
  referenceDate: string;
  /** Every check passed (soft ones possibly by override). */
  eligible: boolean;
  /** Only soft checks failed: eligible once an override with a reason is recorded. */
  needsOverride: boolean;
  checks: EligibilityCheck[];
  /** Priority flags the candidate holds (never a reason to refuse). */
  priorities: Array<{ ruleId: string; code: string; label: string }>;
}

export function hardCheck(
  code: EligibilityCheckCode,
  rule: PolicyValue<unknown>,
  label: string,
  passed: boolean,
  values: Record<string, CheckValue>,
  message: string,
): EligibilityCheck {
  return { code, ruleId: rule.ruleId, label, passed, soft: false, values, message };
}
