import type {
  CreateXapiPlatformRequest,
  ExternalSystem,
  ResolveQueueRequest,
  RevokeXapiPlatformRequest,
} from '@yanxun/contracts';
import { DEFAULT_HOUR_RULES } from '@yanxun/core';
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import type { SheetRow } from '../../../shared/sheets/xlsx';
import type { AuditService } from '../../audit';
import type { LedgerRepository } from '../ledger.repository';
import type { ExternalContext } from './context';
import { createExternalRepository } from './external.repository';
import { commitBatch, dryRun, getBatch } from './import';
import { listPlatforms, revokePlatform } from './platforms';
import type { OrgPaths, TeacherIdNumbers } from './ports';
import { listQueue, resolveQueued } from './queue';
import { createRevisionsRepository } from './revisions.repository';
import { authenticatePlatform, createPlatform, postStatements } from './xapi';

export interface ExternalHoursDeps {
  db: Database;
  ledger: LedgerRepository;
  teachers: TeacherIdNumbers;
  orgs: OrgPaths;
  audit: AuditService;
  readRows: ExternalContext['readRows'];
  checkFile?: ((buf: Uint8Array, fileName: string) => Promise<void>) | undefined;
  /** the 学时 rules in force for a unit (the programs module's packs); core's defaults without one */
  rulesFor?: ExternalContext['rulesFor'];
  dryRunMinutes?: number | undefined;
  clock?: (() => Date) | undefined;
}

/**
 * 学时 from other platforms: CSV/Excel imports (dry run, commit), the review queue, and xAPI statements from
 * registered platforms. Writes the ledger through its repository, inside the hours module.
 */
export function createExternalHoursService(deps: ExternalHoursDeps) {
  const ctx: ExternalContext = {
    db: deps.db,
    ledger: deps.ledger,
    revisions: createRevisionsRepository(deps.db),
    repo: createExternalRepository(deps.db),
    teachers: deps.teachers,
    orgs: deps.orgs,
    audit: deps.audit,
    readRows: deps.readRows,
    checkFile: deps.checkFile,
    rulesFor: deps.rulesFor ?? (async () => DEFAULT_HOUR_RULES),
    dryRunMinutes: deps.dryRunMinutes ?? 60,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    dryRun: (actor: Actor, system: ExternalSystem, fileName: string, buf: Buffer) =>
      dryRun(ctx, actor, system, fileName, buf),
    getBatch: (actor: Actor, id: string) => getBatch(ctx, actor, id),
    commit: (actor: Actor, id: string) => commitBatch(ctx, actor, id),
    listQueue: (actor: Actor) => listQueue(ctx, actor),
    resolveQueued: (actor: Actor, id: string, req: ResolveQueueRequest) => resolveQueued(ctx, actor, id, req),
    createPlatform: (actor: Actor, req: CreateXapiPlatformRequest) => createPlatform(ctx, actor, req),
    listPlatforms: (actor: Actor) => listPlatforms(ctx, actor),
    revokePlatform: (actor: Actor, id: string, req: RevokeXapiPlatformRequest) =>
      revokePlatform(ctx, actor, id, req),
    authenticatePlatform: (header: string | undefined) => authenticatePlatform(ctx, header),
    postStatements: (platform: Awaited<ReturnType<typeof authenticatePlatform>>, body: unknown) =>
      postStatements(ctx, platform, body),
  };
}

export type ExternalHoursService = ReturnType<typeof createExternalHoursService>;
export type { ExternalTeacher, OrgPaths, TeacherIdNumbers } from './ports';
export type { SheetRow };
