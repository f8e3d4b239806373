#!/usr/bin/env node
/**
 * The layering rules of docs/ARCHITECTURE.md and STYLE.md, checked on the imports of every TypeScript file
 * under apps/ and packages/ (plain Node, no dependencies). `npm run check` runs it; it exits 1 with one line
 * per violation:
 *
 *   apps/server/src/modules/org/org.routes.ts:3  routes-no-data-access  imports './org.repository' …
 *
 * Usage: node scripts/check-layers.mjs [root]   (root defaults to the repository)
 *
 * Rules (ids as printed):
 * - routes-no-data-access    `*.routes.ts` may not import a `*.repository*` file, `db/`, or kysely
 * - service-no-fastify       `*.service.ts` may not import fastify (fastify, fastify/*, @fastify/*, fastify-*)
 * - repository-no-fastify    `*.repository.ts` may not import fastify
 * - repository-no-app-error  `*.repository.ts` may not import shared/app-error (repositories return rows or
 *                            undefined, never HTTP errors)
 * - repository-own-module    `*.repository.ts` may not import files of another module
 * - module-via-index         a file in apps/server/src/modules/<a>/ reaches another module <b> only through
 *                            `../<b>` or `../<b>/index`
 * - core-pure                packages/core may not import @yanxun/contracts, apps/, fastify, kysely, pg, react
 * - contracts-zod-only       packages/contracts may import only zod, its own files and the subpaths of
 *                            @yanxun/core in CORE_FOR_CONTRACTS (core's pure code lists and domain types,
 *                            which the contracts build their enums on and re-export; never the core root)
 * - web-no-server            apps/web/src may not import apps/server or @yanxun/core
 * - web-fetch-in-api-client  in apps/web/src only shared/api* may call fetch(
 *
 * Type-only imports count: a type import still ties the layers together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCAN_DIRS = ['apps', 'packages'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', 'data', 'test-results']);
const TS_FILE = /\.(?:ts|tsx|mts|cts)$/;
const MODULES_DIR = 'apps/server/src/modules/';

/**
 * The modules of packages/core the contracts may import: code lists and domain types, each a file with no import
 * beyond small pure helpers. The web bundles the contracts, so never `@yanxun/core` or `@yanxun/core/exams`
 * (their indexes pull in the whole domain: the Henan pack, pinyin, the exam readers).
 */
export const CORE_FOR_CONTRACTS = new Set([
  '@yanxun/core/codes',
  '@yanxun/core/import-columns',
  '@yanxun/core/classes/class-rules',
  '@yanxun/core/exams/audience',
  '@yanxun/core/exams/model',
  '@yanxun/core/exams/release',
  '@yanxun/core/programs/funding',
  '@yanxun/core/programs/kpi',
  '@yanxun/core/programs/plan-checks',
  '@yanxun/core/programs/policy-pack',
]);

/** Every TypeScript file under root/apps and root/packages, as root-relative POSIX paths, sorted. */
export function listSourceFiles(root) {
  const out = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(child);
      } else if (e.isFile() && TS_FILE.test(e.name) && !e.name.endsWith('.d.ts')) {
        out.push(child);
      }
    }
  };
  for (const dir of SCAN_DIRS) walk(dir);
  return out.sort();
}

/**
 * Blank out comments (and, with `strings: true`, the insides of string and template literals) while keeping
 * every offset and newline, so a match index still gives the right line number.
 */
export function blankComments(src, { strings = false } = {}) {
  const out = src.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      // A quote or apostrophe string ends at its closing quote or at the end of the line (so a stray quote,
      // e.g. in a regex literal, cannot swallow the file); a template literal may span lines.
      let j = i + 1;
      while (j < src.length && src[j] !== c && (c === '`' || src[j] !== '\n')) j += src[j] === '\\' ? 2 : 1;
      if (strings) blank(i + 1, Math.min(j, src.length));
      i = j + 1;
    } else {
      i += 1;
    }
  }
  return out.join('');
}

function lineAt(src, index) {
  let line = 1;
  for (let k = 0; k < index && k < src.length; k++) if (src.charCodeAt(k) === 10) line += 1;
  return line;
}

const STATIC_IMPORT =
  /(?:^|[;\n}])[ \t]*(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s*)?(['"])([^'"\n]+)\1/g;
const DYNAMIC_IMPORT = /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** The module specifiers a file imports or re-exports, with their line numbers. */
export function importsOf(src) {
  const code = blankComments(src);
  const found = [];
  for (const re of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m !== null; m = re.exec(code)) {
      const spec = m[2] ?? '';
      found.push({ spec, line: lineAt(code, m.index + m[0].indexOf(m[1] + spec)) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Lines where a file calls the global fetch (`fetch(`, `window.fetch(`, `globalThis.fetch(`, `self.fetch(`). */
export function fetchCallsOf(src) {
  const code = blankComments(src, { strings: true });
  const lines = [];
  const re = /(^|[^\w$.]|\b(?:window|globalThis|self)\s*\.)\s*fetch\s*\(/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) lines.push(lineAt(code, m.index + m[0].length));
  return lines;
}

/** `@scope/name/x` → `@scope/name`, `name/x` → `name`; undefined for relative specifiers. */
function packageOf(spec) {
  if (spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A relative specifier resolved to a root-relative POSIX path (no extension added); undefined otherwise. */
function resolveRelative(file, spec) {
  if (!spec.startsWith('.')) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}

const stripExt = (p) => p.replace(/\.(?:ts|tsx|mts|cts|js|mjs|cjs|jsx)$/, '');
const isFastify = (pkg) =>
  pkg === 'fastify' || pkg?.startsWith('@fastify/') || pkg?.startsWith('fastify-') === true;
const moduleOf = (p) => (p?.startsWith(MODULES_DIR) ? p.slice(MODULES_DIR.length).split('/')[0] : undefined);
const within = (p, dir) => p !== undefined && (p === dir || p.startsWith(`${dir}/`));

/** The violations of one import in one file: [{ rule, message }]. */
export function judgeImport(file, spec) {
  const out = [];
  const pkg = packageOf(spec);
  const target = resolveRelative(file, spec);
  const base = path.posix.basename(file);
  const add = (rule, message) => out.push({ rule, message });

  if (/\.routes\.tsx?$/.test(base)) {
    const last = path.posix.basename(spec);
    if (/\.repository/.test(last)) add('routes-no-data-access', 'a route may not import a repository');
    else if (pkg === 'kysely') add('routes-no-data-access', 'a route may not use Kysely');
    else if (/(^|\/)db(\/|$)/.test(target ?? '') || /(^|\/)db(\/|$)/.test(spec))
      add('routes-no-data-access', 'a route may not import db/');
  }
  if (/\.service\.tsx?$/.test(base) && isFastify(pkg)) {
    add('service-no-fastify', 'a service may not depend on Fastify');
  }
  if (/\.repository\.tsx?$/.test(base)) {
    if (isFastify(pkg)) add('repository-no-fastify', 'a repository may not depend on Fastify');
    if (target && /(^|\/)shared\/app-error$/.test(stripExt(target)))
      add('repository-no-app-error', 'a repository returns rows or undefined, never AppError');
    const own = moduleOf(file);
    const other = moduleOf(target);
    if (own && other && other !== own)
      add('repository-own-module', `a repository may not import module '${other}'`);
  }
  const fromModule = moduleOf(file);
  const toModule = moduleOf(target);
  const reported = out.some((v) => v.rule === 'repository-own-module');
  if (fromModule && toModule && toModule !== fromModule && target && !reported) {
    const rest = stripExt(target).slice(`${MODULES_DIR}${toModule}`.length);
    if (rest !== '' && rest !== '/index')
      add('module-via-index', `reach module '${toModule}' through '../${toModule}' (its index.ts)`);
  }
  if (file.startsWith('packages/core/')) {
    const banned = [
      '@yanxun/contracts',
      '@yanxun/server',
      '@yanxun/web',
      'kysely',
      'pg',
      'react',
      'react-dom',
    ];
    if (banned.includes(pkg ?? '') || isFastify(pkg))
      add('core-pure', `packages/core may not import '${pkg}'`);
    else if (within(target, 'apps') || within(target, 'packages/contracts'))
      add('core-pure', 'packages/core may not import the app or the contracts');
  }
  if (file.startsWith('packages/contracts/')) {
    const ok =
      pkg === 'zod' ||
      pkg === '@yanxun/contracts' ||
      within(target, 'packages/contracts') ||
      CORE_FOR_CONTRACTS.has(spec);
    if (!ok)
      add(
        'contracts-zod-only',
        'packages/contracts may import only zod, its own files and the core subpaths of CORE_FOR_CONTRACTS',
      );
  }
  if (file.startsWith('apps/web/src/')) {
    if (pkg === '@yanxun/server' || pkg === '@yanxun/core' || within(target, 'apps/server'))
      add('web-no-server', 'the web app may not import the server or packages/core');
    else if (within(target, 'packages/core'))
      add('web-no-server', 'the web app may not import packages/core');
  }
  return out;
}

/** Check every TypeScript file under root; returns { files, violations } with violations sorted by file and line. */
export function checkLayers(root) {
  const files = listSourceFiles(root);
  const violations = [];
  for (const file of files) {
    const src = fs.readFileSync(path.join(root, file), 'utf8');
    for (const { spec, line } of importsOf(src)) {
      for (const v of judgeImport(file, spec)) violations.push({ file, line, spec, ...v });
    }
    if (file.startsWith('apps/web/src/') && !file.startsWith('apps/web/src/shared/api')) {
      for (const line of fetchCallsOf(src)) {
        violations.push({
          file,
          line,
          spec: 'fetch(',
          rule: 'web-fetch-in-api-client',
          message: 'only apps/web/src/shared/api* may call fetch; use the API client',
        });
      }
    }
  }
  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files: files.length, violations };
}

export function formatViolation(v) {
  const what = v.spec === 'fetch(' ? 'calls fetch(' : `imports '${v.spec}'`;
  return `  ${v.file}:${v.line}  ${v.rule}  ${what}: ${v.message}`;
}

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(process.argv[2] ?? path.join(here, '..'));
  const { files, violations } = checkLayers(root);
  if (files === 0) {
    console.error(`check-layers: no TypeScript files under ${root}/{apps,packages}`);
    process.exit(2);
  }
  if (violations.length > 0) {
    console.error(`check-layers: ${violations.length} layering violation(s) in ${files} files:`);
    for (const v of violations) console.error(formatViolation(v));
    console.error('The rules: scripts/check-layers.mjs (header) and docs/ARCHITECTURE.md.');
    process.exit(1);
  }
  console.log(`check-layers: ${files} files, no layering violations`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
