// The `yanxun exam …` commands without tsx: loading TypeScript through tsx costs ~0.25 s of start-up (its module
// hooks run in a worker thread), more than reading and validating a 100,000-student score sheet. So the exam entry
// (src/exam-cli.ts with everything it imports: packages/core and the npm packages — saxes, yauzl, for a workbook
// only — into one file, node's built-in modules left to node: resolving and lexing the packages' CommonJS files
// was half of the remaining start-up) is bundled with esbuild (already installed: tsx depends on it) into
// node_modules/.cache/yanxun/ on first use and reused while every one of its input files, and this file, keeps its
// size and mtime. Nothing to run by hand and nothing for CI: when esbuild is missing or anything fails, this
// returns null and bin/yanxun.mjs runs the command through tsx as before. YANXUN_NO_BUNDLE=1 turns it off.
// docs/PERFORMANCE.md section 5.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY = 'apps/server/src/exam-cli.ts';
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'yanxun');
const OUT = path.join(CACHE, 'exam-cli.mjs');
const META = path.join(CACHE, 'exam-cli.inputs.json');
const FORMAT = 5; // the way the bundle is made (this file is an input too)
const SELF = path.relative(ROOT, fileURLToPath(import.meta.url));

function fresh() {
  try {
    const meta = JSON.parse(readFileSync(META, 'utf8'));
    if (meta.format !== FORMAT || meta.node !== process.version || meta.root !== ROOT) return false;
    for (const [file, [mtimeMs, size]] of Object.entries(meta.inputs)) {
      const s = statSync(path.join(ROOT, file));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
    }
    statSync(OUT);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node's built-in modules through `require` instead of `import`: node makes an ES module namespace of a built-in by
 * reading every export, which loads what the exports' getters load (`import … from 'node:fs'` loads fs/promises
 * and readline, 'node:buffer' the File and MIME modules); `require` hands over the module object, and a getter runs
 * only when used. With the .xlsx reader loaded for a workbook only, a run loads 107 built-in modules instead of 120
 * (start-up 79–83 → 73–74 ms: docs/PERFORMANCE.md section 5, eleventh run).
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
      args.kind === 'import-statement' && isBuiltin(args.path)
        ? { path: args.path, namespace: 'yx-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'yx-builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

async function build() {
  const esbuild = await import('esbuild');
  const tag = `${process.pid}-${Date.now()}`;
  const tmpOut = `${OUT}.${tag}.tmp.mjs`;
  mkdirSync(CACHE, { recursive: true });
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node', // node's built-in modules stay imports; everything else is bundled
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile: tmpOut,
    metafile: true,
    logLevel: 'silent',
    plugins: [builtinsByRequire],
    // the bundled CommonJS packages (yauzl …) require node's built-in modules
    banner: {
      js: "import { createRequire as __yxRequire } from 'node:module'; const require = __yxRequire(import.meta.url);",
    },
  });
  const inputs = {};
  const files = Object.keys(r.metafile.inputs).filter((f) => !f.startsWith('yx-builtin:'));
  for (const file of [SELF, ...files]) {
    const s = statSync(path.join(ROOT, file));
    inputs[file] = [s.mtimeMs, s.size];
  }
  renameSync(tmpOut, OUT);
  const tmpMeta = `${META}.${tag}.tmp`;
  writeFileSync(tmpMeta, JSON.stringify({ format: FORMAT, node: process.version, root: ROOT, inputs }));
  renameSync(tmpMeta, META);
}

/** The bundled exam entry (module with examCommand), or null to fall back to tsx. */
export async function loadExamBundle() {
  if (process.env.YANXUN_NO_BUNDLE) return null;
  try {
    if (!fresh()) await build();
    return await import(pathToFileURL(OUT).href);
  } catch {
    return null;
  }
}
