#!/usr/bin/env node
// The registry this project installs from does not carry every platform build of every package (Biome's
// android/darwin/win32/musl builds are missing). `npm install` then writes a lock whose package entries still
// list those builds as optional dependencies without entries of their own, and `npm ci` refuses such a lock.
// This script drops optional dependencies that have no entry in the lock.
//   node scripts/prune-lock.mjs          fix package-lock.json in place
//   node scripts/prune-lock.mjs --check  exit 1 (and say what) if the lock needs fixing; used by `npm run check`
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const check = process.argv.includes('--check');
const dangling = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const dep of Object.keys(entry.optionalDependencies)) {
    // npm resolves a dependency next to the package first, then up the tree to the root node_modules
    const nested = `${key}/node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    dangling.push(`${key || '(root)'} → ${dep}`);
    if (!check) delete entry.optionalDependencies[dep];
  }
}
if (check) {
  if (dangling.length > 0) {
    console.error(`package-lock.json lists optional dependencies the registry does not have, so \`npm ci\` will fail:
  ${dangling.join('\n  ')}
Run: node scripts/prune-lock.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    dangling.length
      ? `pruned ${dangling.length} optional dependencies:\n  ${dangling.join('\n  ')}`
      : 'lock is fine',
  );
}
