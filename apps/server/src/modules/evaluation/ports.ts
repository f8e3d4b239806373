/**
 * What the evaluation module needs from other modules, as narrow interfaces wired in services.ts. None takes the
 * actor: this module decides who may see a campaign, a subject or a sheet.
 */
import type { EvaluationSubjectKind, MetricDefinition } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { FilesService } from '../files';

/** An org node as this module needs it (an owner, a county / school / provider subject). */
export interface EvaluationOrg {
  id: string;
  name: string;
  kind: string;
  path: string;
  county_id: string | null;
  city_id: string | null;
  province_id: string | null;
}

export interface OrgsPort {
  findById(id: string): Promise<EvaluationOrg | undefined>;
  findByIds(ids: string[]): Promise<EvaluationOrg[]>;
}

/** A studio or workshop by id (the communities module): its name, kind and host unit's path (for scope). */
export interface CommunitiesPort {
  cardsOf(
    ids: string[],
  ): Promise<{ id: string; name: string; kind: 'workshop' | 'studio'; orgPath: string }[]>;
}

/** Accounts (the auth module): who may be made a rater, and raters' names for the owner. */
export interface AccountsPort {
  byUsername(
    username: string,
  ): Promise<{ id: string; displayName: string; grants: { role: string; orgPath: string }[] } | undefined>;
  namesOf(ids: string[]): Promise<Map<string, string>>;
}

/** The files store: evidence by content (PDF, images, XLSX, DOCX), within MAX_FILE_MB. */
export type FilesPort = Pick<FilesService, 'storeAnyOf' | 'content' | 'meta' | 'maxBytes'>;

/** What a live metric read for one subject: the numbers in words and either counted deductions or a share. */
export interface MetricReading {
  detail: string;
  /** person-times per reason of the unit's deduction rule (R3-B03) */
  deductions?: { reason: string; count: number }[];
  /** 0–1 of the unit's points (e.g. activities held ÷ planned) */
  share?: number;
  /** the numbers of `detail` by a code, for a page to word it */
  facts?: { code: string; values: Record<string, number> };
}

export interface MetricSubject {
  kind: EvaluationSubjectKind;
  refId: string;
  orgPath: string;
}

/** The registry of metric keys a rubric unit may be bound to, and their values for a subject and year. */
export interface MetricsPort {
  definitions: MetricDefinition[];
  read(key: string, subject: MetricSubject, year: number): Promise<MetricReading | undefined>;
}

export type { Database };
