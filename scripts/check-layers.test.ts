import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from './check-layers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const checker = path.join(here, 'check-layers.mjs');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A throwaway tree of files (root-relative path → content). */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-layers-'));
  dirs.push(root);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

/** A small tree that follows every rule, in the shapes the real code uses. */
const CLEAN: Record<string, string> = {
  'apps/server/src/db/database.ts': `export interface Database { x: number }\n`,
  'apps/server/src/shared/app-error.ts': `export class AppError extends Error {}\n`,
  'apps/server/src/modules/org/index.ts': `export { createOrgService } from './org.service';\n`,
  'apps/server/src/modules/org/org.service.ts': `export function createOrgService() { return {}; }\n`,
  'apps/server/src/modules/people/people.routes.ts': [
    `import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';`,
    `// not this: import { sql } from 'kysely';`,
    `import type { PeopleService } from './people.service';`,
    `export function peopleRoutes(_s: PeopleService): FastifyPluginAsyncZod { return async () => {}; }`,
    '',
  ].join('\n'),
  'apps/server/src/modules/people/people.service.ts': [
    `import { AppError } from '../../shared/app-error';`,
    `import { createOrgService } from '../org';`,
    `import type { OrgService } from '../org/index';`,
    `import {`,
    `  findTeacher,`,
    `  type TeacherRow,`,
    `} from './people.repository';`,
    `export type PeopleService = { a: typeof AppError; b: typeof createOrgService; c: OrgService; d: TeacherRow; e: typeof findTeacher };`,
    '',
  ].join('\n'),
  'apps/server/src/modules/people/people.repository.ts': [
    `import { type Kysely, sql } from 'kysely';`,
    `import type { Database } from '../../db/database';`,
    `export type TeacherRow = { id: string };`,
    `export const findTeacher = (db: Kysely<Database>) => sql\`select 1\`;`,
    '',
  ].join('\n'),
  'packages/core/src/index.ts': `export * from './id-number';\n`,
  'packages/core/src/id-number.ts': `import { x } from './dates';\nexport const y = x;\n`,
  'packages/core/src/dates.ts': `export const x = 1;\n`,
  'packages/contracts/src/index.ts': `import { z } from 'zod';\nexport * from './org';\nexport const s = z.string();\n`,
  'packages/contracts/src/org.ts': `import { z } from 'zod/v4';\nexport const o = z.object({});\n`,
  'apps/web/src/shared/api.ts': `export async function get(url: string) { return fetch(url); }\n`,
  'apps/web/src/features/teachers/teachers-page.tsx': [
    `import type { TeacherRow } from '@yanxun/contracts';`,
    `import { get } from '../../shared/api';`,
    `// components never call fetch( themselves`,
    `const label = 'fetch(';`,
    `export function TeachersPage(_r: TeacherRow) { void get('/x'); return label; }`,
    '',
  ].join('\n'),
};

describe('check-layers', () => {
  it('passes a tree that follows the rules (comments and strings do not count)', () => {
    const result = checkLayers(tree(CLEAN));
    expect(result.files).toBe(Object.keys(CLEAN).length);
    expect(result.violations).toEqual([]);
  });

  const cases: { name: string; file: string; content: string; rule: string; line: number }[] = [
    {
      name: 'a route importing its repository',
      file: 'apps/server/src/modules/people/people.routes.ts',
      content: `import type { X } from './a';\nimport { findTeacher } from './people.repository';\n`,
      rule: 'routes-no-data-access',
      line: 2,
    },
    {
      name: 'a route importing db/',
      file: 'apps/server/src/modules/people/people.routes.ts',
      content: `import type { Database } from '../../db/database';\n`,
      rule: 'routes-no-data-access',
      line: 1,
    },
    {
      name: 'a route using Kysely',
      file: 'apps/server/src/modules/people/people.routes.ts',
      content: `import { sql } from 'kysely';\n`,
      rule: 'routes-no-data-access',
      line: 1,
    },
    {
      name: 'a service importing Fastify (type-only counts)',
      file: 'apps/server/src/modules/people/people.service.ts',
      content: `import type { FastifyRequest } from 'fastify';\n`,
      rule: 'service-no-fastify',
      line: 1,
    },
    {
      name: 'a service importing a Fastify plugin',
      file: 'apps/server/src/modules/people/people.service.ts',
      content: `\n\nimport multipart from '@fastify/multipart';\n`,
      rule: 'service-no-fastify',
      line: 3,
    },
    {
      name: 'a repository importing Fastify',
      file: 'apps/server/src/modules/people/people.repository.ts',
      content: `import type { FastifyInstance } from 'fastify';\n`,
      rule: 'repository-no-fastify',
      line: 1,
    },
    {
      name: 'a repository throwing AppError',
      file: 'apps/server/src/modules/people/people.repository.ts',
      content: `import { AppError } from '../../shared/app-error';\n`,
      rule: 'repository-no-app-error',
      line: 1,
    },
    {
      name: "a repository importing another module's repository",
      file: 'apps/server/src/modules/people/people.repository.ts',
      content: `import { listOrgs } from '../org/org.repository';\n`,
      rule: 'repository-own-module',
      line: 1,
    },
    {
      name: "a service reaching past another module's index",
      file: 'apps/server/src/modules/people/people.service.ts',
      content: `import { createOrgService } from '../org/org.service';\n`,
      rule: 'module-via-index',
      line: 1,
    },
    {
      name: "a nested module file reaching past another module's index (dynamic import)",
      file: 'apps/server/src/modules/people/jobs/sync.ts',
      content: `export const load = () => import('../../org/org.service.ts');\n`,
      rule: 'module-via-index',
      line: 1,
    },
    {
      name: 'core importing the contracts',
      file: 'packages/core/src/rules.ts',
      content: `import type { Me } from '@yanxun/contracts';\n`,
      rule: 'core-pure',
      line: 1,
    },
    {
      name: 'core importing pg',
      file: 'packages/core/src/rules.ts',
      content: `import pg from 'pg';\n`,
      rule: 'core-pure',
      line: 1,
    },
    {
      name: 'core importing React',
      file: 'packages/core/src/rules.ts',
      content: `import { useState } from 'react';\n`,
      rule: 'core-pure',
      line: 1,
    },
    {
      name: 'core importing the app through a relative path',
      file: 'packages/core/src/rules.ts',
      content: `export { loadConfig } from '../../../apps/server/src/config';\n`,
      rule: 'core-pure',
      line: 1,
    },
    {
      name: 'contracts importing something other than zod',
      file: 'packages/contracts/src/org.ts',
      content: `import { z } from 'zod';\nimport dayjs from 'dayjs';\n`,
      rule: 'contracts-zod-only',
      line: 2,
    },
    {
      name: 'contracts importing the core root (the whole domain, bundled into the web)',
      file: 'packages/contracts/src/org.ts',
      content: `import { z } from 'zod';\nimport { LOCATION_TYPE_CODES } from '@yanxun/core/codes';\nimport type { PolicyPack } from '@yanxun/core';\n`,
      rule: 'contracts-zod-only',
      line: 3,
    },
    {
      name: 'the web importing the server',
      file: 'apps/web/src/features/x.tsx',
      content: `import type { Config } from '../../../server/src/config';\n`,
      rule: 'web-no-server',
      line: 1,
    },
    {
      name: 'the web importing packages/core',
      file: 'apps/web/src/features/x.tsx',
      content: `import { maskPhone } from '@yanxun/core';\n`,
      rule: 'web-no-server',
      line: 1,
    },
    {
      name: 'a component calling fetch',
      file: 'apps/web/src/features/teachers/teachers-page.tsx',
      content: `export async function load() {\n  const res = await fetch('/api/v1/teachers');\n  return res;\n}\n`,
      rule: 'web-fetch-in-api-client',
      line: 2,
    },
    {
      name: "a service receiving another module's repository (a type import counts)",
      file: 'apps/server/src/modules/people/people.service.ts',
      content: `import type { OrgRepository } from '../org';\nexport type X = OrgRepository;\n`,
      rule: 'repository-via-port',
      line: 1,
    },
    {
      name: "a use case building another module's repository",
      file: 'apps/server/src/modules/people/roster/list.ts',
      content: `\nimport { createOrgRepository as repo } from '../../org';\nexport const r = repo;\n`,
      rule: 'repository-via-port',
      line: 2,
    },
    {
      name: "a module's index exporting a function that takes the database",
      file: 'apps/server/src/modules/org/index.ts',
      content: `export { createOrgService } from './org.service';\nexport async function orgById(db: unknown, id: string) { return [db, id]; }\n`,
      rule: 'no-db-export',
      line: 2,
    },
    {
      name: 'a source file one line over the limit',
      file: 'packages/core/src/dates.ts',
      content: `export const x = 1;\n${'// …\n'.repeat(500)}`,
      rule: 'file-size',
      line: 501,
    },
    {
      name: 'a component calling window.fetch',
      file: 'apps/web/src/features/teachers/teachers-page.tsx',
      content: `export const load = () => window.fetch('/api/v1/teachers');\n`,
      rule: 'web-fetch-in-api-client',
      line: 1,
    },
  ];

  it.each(cases)('reports $name', ({ file, content, rule, line }) => {
    const result = checkLayers(tree({ ...CLEAN, [file]: content }));
    expect(result.violations).toEqual([expect.objectContaining({ file, line, rule })]);
  });

  it('passes a file at the limit, a long test, a listed data table and a port typed in the needing module', () => {
    const atLimit = `export const x = 1;\n${'// …\n'.repeat(499)}`;
    const result = checkLayers(
      tree({
        ...CLEAN,
        'packages/core/src/dates.ts': atLimit,
        'packages/core/src/dates.test.ts': `${'// …\n'.repeat(900)}`,
        'packages/core/src/programs/henan-2021.ts': `${'// …\n'.repeat(900)}`,
        'apps/server/src/modules/people/ports.ts': `export interface OrgPort { orgById(id: string): Promise<unknown> }\n`,
        'apps/server/src/modules/org/index.ts': `export { createOrgService } from './org.service';\nexport function orgLabel(id: string) { return id; }\n`,
      }),
    );
    expect(atLimit.split('\n').length - 1).toBe(500);
    expect(result.violations).toEqual([]);
  });

  it('reports an import cycle between files, type imports included, once per cycle', () => {
    const result = checkLayers(
      tree({
        ...CLEAN,
        'packages/core/src/dates.ts': `import type { Y } from './id-number';\nexport const x = 1;\nexport type Z = Y;\n`,
      }),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'no-cycle',
        spec: 'packages/core/src/dates.ts → packages/core/src/id-number.ts',
      }),
    ]);
  });

  it('reports a cycle between server modules even when no file cycle exists', () => {
    const result = checkLayers(
      tree({
        ...CLEAN,
        'apps/server/src/modules/org/org.service.ts': `import type { PeopleService } from '../people';\nexport function createOrgService(p?: PeopleService) { return { p }; }\n`,
        'apps/server/src/modules/people/index.ts': `export type { PeopleService } from './people.service';\n`,
      }),
    );
    const cycles = result.violations.filter((v) => v.rule === 'no-cycle');
    expect(cycles).toContainEqual(expect.objectContaining({ spec: 'org ↔ people' }));
  });

  it('exits 1 and lists each violation with file, line and rule', () => {
    const root = tree({
      ...CLEAN,
      'apps/server/src/modules/people/people.routes.ts': `import { sql } from 'kysely';\n`,
      'packages/core/src/dates.ts': `import pg from 'pg';\nexport const x = pg;\n`,
    });
    const run = spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 layering violation(s)');
    expect(run.stderr).toContain('apps/server/src/modules/people/people.routes.ts:1  routes-no-data-access');
    expect(run.stderr).toContain("packages/core/src/dates.ts:1  core-pure  imports 'pg'");
  });

  it('passes on the real repository', () => {
    const result = checkLayers(repoRoot);
    expect(result.files).toBeGreaterThan(50);
    expect(result.violations).toEqual([]);
    const out = execFileSync(process.execPath, [checker], { encoding: 'utf8' });
    expect(out).toMatch(/no layering violations/);
  });
});
