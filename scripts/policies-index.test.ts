import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from './check-layers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Seed rule IDs (R-000…R-004, R3-…, CD-…) and Yanxun's own (Y-004-…), as the code writes them. */
const RULE_ID = /\b(?:R-00\d-\d{2,3}|R3-[A-Z]{1,2}\d{2}|CD-\d{2}|Y-\d{3}-[A-Z0-9]+(?:-[A-Z0-9]+)*)\b/g;

function idsIn(text: string): Set<string> {
  return new Set(text.match(RULE_ID) ?? []);
}

describe('docs/POLICIES.md is the rules index', () => {
  it('names every rule ID the source code (tests aside) applies', () => {
    const policies = idsIn(fs.readFileSync(path.join(root, 'docs/POLICIES.md'), 'utf8'));
    const missing = new Map<string, string>();
    for (const file of listSourceFiles(root)) {
      if (/\.test\.tsx?$|\.test-data\.ts$/.test(file)) continue;
      for (const id of idsIn(fs.readFileSync(path.join(root, file), 'utf8')))
        if (!policies.has(id) && !missing.has(id)) missing.set(id, file);
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('finds an ID the index lacks (the check can fail)', () => {
    const policies = idsIn('| R-004-35 | … |\n| Y-004-ATTEND-MIN | … |');
    const code = idsIn(`pv(1, 'R-004-36', 'S004:L85'); pv(80, 'Y-004-ATTEND-MIN', 'x'); // R-004-35`);
    expect([...code].filter((id) => !policies.has(id))).toEqual(['R-004-36']);
  });
});
