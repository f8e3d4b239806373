/**
 * The imports module: schools and teachers from Excel or CSV (upload → dry run → commit), their jobs and row
 * errors, and exports in the same format. `createImportsService` is what the routes, main.ts and the tests call.
 */
import type { ImportKind } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AuditService } from '../audit';
import { commit } from './commit/commit';
import type { ImportsContext } from './context';
import type { RowReader } from './dry-run/parser';
import { assertMayImport, start } from './dry-run/start';
import { exportSubtree, template } from './export/export';
import { errors, errorsWorkbook, get, list, recoverInterrupted, waitFor } from './jobs/jobs';
import { createImportsRepository } from './jobs/jobs.repository';
import type { ImportOrgs, ImportPeople } from './ports';

export type { ImportOrgs, ImportPeople } from './ports';

export function createImportsService(deps: {
  db: Database;
  orgs: ImportOrgs;
  people: ImportPeople;
  audit: AuditService;
  /** reads an uploaded file's rows (the upload worker pool) */
  readRows: RowReader;
  /** the checks of an upload that need no reading (empty, not a sheet, zip entries, declared sizes and ratios) */
  checkFile?: (buf: Uint8Array, fileName: string) => Promise<void>;
  /** row errors kept per job (all are counted) */
  maxErrorsKept?: number;
  /** a dry run may be committed this long after it finished */
  dryRunMinutes?: number;
  clock?: () => Date;
}) {
  const ctx: ImportsContext = {
    db: deps.db,
    repo: createImportsRepository(deps.db),
    orgs: deps.orgs,
    people: deps.people,
    audit: deps.audit,
    readRows: deps.readRows,
    checkFile: deps.checkFile,
    maxErrorsKept: deps.maxErrorsKept ?? 1000,
    dryRunMinutes: deps.dryRunMinutes ?? 120,
    now: deps.clock ?? (() => new Date()),
    active: new Map(),
  };
  return {
    recoverInterrupted: () => recoverInterrupted(ctx),
    assertMayImport: (actor: Actor, kind: ImportKind) => assertMayImport(actor, kind),
    start: (actor: Actor, kind: ImportKind, fileName: string, buf: Buffer) =>
      start(ctx, actor, kind, fileName, buf),
    get: (actor: Actor, id: string) => get(ctx, actor, id),
    list: (actor: Actor, page: number, pageSize: number) => list(ctx, actor, page, pageSize),
    errors: (actor: Actor, id: string, page: number, pageSize: number) =>
      errors(ctx, actor, id, page, pageSize),
    errorsWorkbook: (actor: Actor, id: string) => errorsWorkbook(ctx, actor, id),
    commit: (actor: Actor, id: string, mode: 'all' | 'valid') => commit(ctx, actor, id, mode),
    template: (actor: Actor, kind: ImportKind) => template(actor, kind),
    export: (actor: Actor, kind: ImportKind, orgId?: string) => exportSubtree(ctx, actor, kind, orgId),
    waitFor: (id: string) => waitFor(ctx, id),
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
