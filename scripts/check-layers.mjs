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
 * - repository-via-port      a file in modules/<a>/ may not import another module's repository (a name ending in
 *                            `Repository`/`Repo`, or `create…Repository`), not even as a type: it declares a port
 *                            in its own ports.ts, and services.ts wires it
 * - no-db-export             a module's index.ts may not export a function whose first parameter is the database
 *                            (`db`): other modules get queries through ports, never the raw database
 * - no-cycle                 no import cycle between source files (type imports count), nor between server modules
 * - file-size                a source file (tests aside) has at most MAX_LINES lines, except the data tables and
 *                            generated types listed in LARGE_FILES with the reason
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
export const MAX_LINES = 500;
/** Files allowed over MAX_LINES: data, not logic. Root-relative path (or prefix ending in '*') → why. */
export const LARGE_FILES = {
  'apps/server/src/db/types.ts': 'the table types of every migration, one interface per table',
  'packages/core/src/programs/henan-2021.ts': 'the built-in policy pack: rule values with their seed lines',
  'apps/web/src/shared/i18n*': 'string tables (zh-CN and en-US)',
};
const isTestFile = (f) =>
  /\.(?:test|spec)\.tsx?$/.test(f) || /(?:^|\/)test\/|\.test-(?:fixture|data)\.tsx?$/.test(f);

/**
 * The modules of packages/core the contracts may import: code lists and domain types, each a file with no import
 * beyond small pure helpers. The web bundles the contracts, so never `@yanxun/core` or `@yanxun/core/exams`
 * (their indexes pull in the whole domain: the Henan pack, pinyin, the exam readers).
 */
export const CORE_FOR_CONTRACTS = new Set([
  '@yanxun/core/codes',
  '@yanxun/core/import-columns',
  '@yanxun/core/row-rules',
  '@yanxun/core/classes/class-rules',
  '@yanxun/core/exams/audience',
  '@yanxun/core/exams/model',
  '@yanxun/core/exams/release',
  '@yanxun/core/hours/types',
  '@yanxun/core/programs/funding',
  '@yanxun/core/programs/kpi',
  '@yanxun/core/programs/plan-checks',
  '@yanxun/core/programs/policy-pack',
  '@yanxun/core/communities/types',
  '@yanxun/core/evaluation/check',
  '@yanxun/core/evaluation/clone',
  '@yanxun/core/evaluation/types',
  '@yanxun/core/evaluation/units',
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
  /(?:^|[;\n}])[ \t]*(?:import|export)\s+(type\s+)?(?:([^'"`;]*?)\s+from\s*)?(['"])([^'"\n]+)\3/g;
const DYNAMIC_IMPORT = /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/**
 * The module specifiers a file imports or re-exports, with their line numbers and the names imported (`names`:
 * local names of a static import's clause; empty for side-effect and dynamic imports).
 */
export function importsOf(src) {
  const code = blankComments(src);
  const found = [];
  STATIC_IMPORT.lastIndex = 0;
  for (let m = STATIC_IMPORT.exec(code); m !== null; m = STATIC_IMPORT.exec(code)) {
    const spec = m[4] ?? '';
    const clause = m[2] ?? '';
    const names = [...clause.replace(/\bas\s+\w+/g, '').matchAll(/[A-Za-z_$][\w$]*/g)]
      .map((n) => n[0])
      .filter((n) => n !== 'type' && n !== 'from');
    found.push({ spec, names, line: lineAt(code, m.index + m[0].indexOf(m[3] + spec)) });
  }
  DYNAMIC_IMPORT.lastIndex = 0;
  for (let m = DYNAMIC_IMPORT.exec(code); m !== null; m = DYNAMIC_IMPORT.exec(code)) {
    const spec = m[2] ?? '';
    found.push({ spec, names: [], line: lineAt(code, m.index + m[0].indexOf(m[1] + spec)) });
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

const REPOSITORY_NAME = /(?:Repository|Repo)$|^create\w*Repository$/;

/** The violations of one import in one file: [{ rule, message }]. */
export function judgeImport(file, spec, names = []) {
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
    const repos = names.filter((n) => REPOSITORY_NAME.test(n));
    if (repos.length > 0 && !isTestFile(file))
      add(
        'repository-via-port',
        `'${repos.join("', '")}' belongs to module '${toModule}': declare a port in ports.ts, wire it in services.ts`,
      );
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
    for (const { spec, line, names } of importsOf(src)) {
      for (const v of judgeImport(file, spec, names)) violations.push({ file, line, spec, ...v });
    }
    violations.push(...judgeFile(file, src));
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
  violations.push(...findCycles(root, files));
  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files: files.length, violations };
}

const isLargeAllowed = (file) =>
  Object.keys(LARGE_FILES).some((k) => (k.endsWith('*') ? file.startsWith(k.slice(0, -1)) : file === k));

/** Whole-file rules: file-size, and no-db-export for a module's index.ts. */
export function judgeFile(file, src) {
  const out = [];
  if (!isTestFile(file) && !isLargeAllowed(file)) {
    const lines = src.split('\n').length - (src.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES)
      out.push({
        file,
        line: MAX_LINES + 1,
        spec: `${lines} lines`,
        rule: 'file-size',
        message: `over ${MAX_LINES} lines: split it by use case (or list a data table in LARGE_FILES)`,
      });
  }
  const mod = moduleOf(file);
  if (mod && file === `${MODULES_DIR}${mod}/index.ts`) {
    const code = blankComments(src, { strings: true });
    const re = /export\s+(?:async\s+)?function\s+([\w$]+)\s*(?:<[^>]*>)?\s*\(\s*(db|trx|database)\b/g;
    for (let m = re.exec(code); m !== null; m = re.exec(code))
      out.push({
        file,
        line: lineAt(code, m.index),
        spec: m[1],
        rule: 'no-db-export',
        message: `'${m[1]}' takes the database: offer it as a query of the module's service, reached by a port`,
      });
  }
  return out;
}

const EXTS = ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'];

/** The source file a relative specifier (or a workspace package) names, or undefined. */
function resolveFile(file, spec, known) {
  let base = resolveRelative(file, spec);
  if (base === undefined) {
    const m = /^@yanxun\/(core|contracts)(\/.*)?$/.exec(spec);
    if (!m) return undefined;
    base = `packages/${m[1]}/src${m[2] ?? '/index'}`;
  }
  const bare = stripExt(base);
  if (known.has(base)) return base;
  for (const ext of EXTS) if (known.has(bare + ext)) return bare + ext;
  return undefined;
}

/** Strongly connected components (Tarjan, iterative) of a graph given as Map<node, Set<node>>. */
export function stronglyConnected(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const out = [];
  for (const root of graph.keys()) {
    if (idx.has(root)) continue;
    const work = [[root, [...(graph.get(root) ?? [])], 0]];
    idx.set(root, index);
    low.set(root, index);
    index += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, next] = frame;
      if (frame[2] < next.length) {
        const w = next[frame[2]];
        frame[2] += 1;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index);
          index += 1;
          stack.push(w);
          onStack.add(w);
          work.push([w, [...(graph.get(w) ?? [])], 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === idx.get(v)) {
        const comp = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || graph.get(v)?.has(v)) out.push(comp.sort());
      }
    }
  }
  return out;
}

/** no-cycle: import cycles between source files (tests aside) and between server modules. */
export function findCycles(root, files) {
  const sources = files.filter((f) => !isTestFile(f));
  const known = new Set(sources);
  const fileGraph = new Map();
  const moduleGraph = new Map();
  const firstLine = new Map();
  for (const file of sources) {
    const edges = new Set();
    fileGraph.set(file, edges);
    const src = fs.readFileSync(path.join(root, file), 'utf8');
    for (const { spec, line } of importsOf(src)) {
      const to = resolveFile(file, spec, known);
      if (!to) continue;
      edges.add(to);
      if (!firstLine.has(`${file}>${to}`)) firstLine.set(`${file}>${to}`, line);
      const a = moduleOf(file);
      const b = moduleOf(to);
      if (a && b && a !== b) {
        if (!moduleGraph.has(a)) moduleGraph.set(a, new Set());
        moduleGraph.get(a).add(b);
        if (!firstLine.has(`${a}>${b}`)) firstLine.set(`${a}>${b}`, { file, line });
      }
    }
  }
  const out = [];
  for (const comp of stronglyConnected(fileGraph)) {
    const [file] = comp;
    const to = comp.find((c) => fileGraph.get(file).has(c)) ?? comp[1];
    out.push({
      file,
      line: firstLine.get(`${file}>${to}`) ?? 1,
      spec: comp.join(' → '),
      rule: 'no-cycle',
      message: `these ${comp.length} files import each other in a cycle`,
    });
  }
  for (const comp of stronglyConnected(moduleGraph)) {
    const [a] = comp;
    const b = comp.find((c) => moduleGraph.get(a)?.has(c)) ?? comp[1];
    const at = firstLine.get(`${a}>${b}`) ?? { file: `${MODULES_DIR}${a}/index.ts`, line: 1 };
    out.push({
      file: at.file,
      line: at.line,
      spec: comp.join(' ↔ '),
      rule: 'no-cycle',
      message: `modules ${comp.join(', ')} depend on each other: one of them should declare a port`,
    });
  }
  return out;
}

export function formatViolation(v) {
  const what =
    v.spec === 'fetch('
      ? 'calls fetch('
      : v.rule === 'file-size' || v.rule === 'no-cycle' || v.rule === 'no-db-export'
        ? v.spec
        : `imports '${v.spec}'`;
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
