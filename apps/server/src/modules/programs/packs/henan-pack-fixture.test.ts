/**
 * The web's pack-page tests render the built-in Henan 2021 pack as the API serves it (the web may not import
 * core): apps/web/src/features/programs/henan-pack.test-data.json. This keeps that copy equal to the pack the
 * server serves. When the pack changes on purpose, rewrite the copy:
 *   UPDATE_PACK_FIXTURE=1 npx vitest run --project server apps/server/src/modules/programs/packs/henan-pack-fixture.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HENAN_2021_PACK } from '@yanxun/core';
import { describe, expect, it } from 'vitest';
import { packWithSectionDefaults } from './builtin-packs';

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../web/src/features/programs/henan-pack.test-data.json',
);

describe('the web tests’ copy of the Henan 2021 pack', () => {
  it('equals the pack GET /packs/henan-2021 serves (section defaults filled)', () => {
    const served = JSON.parse(JSON.stringify(packWithSectionDefaults(HENAN_2021_PACK)));
    if (process.env.UPDATE_PACK_FIXTURE === '1')
      fs.writeFileSync(FIXTURE, `${JSON.stringify(served, null, 2)}\n`);
    expect(JSON.parse(fs.readFileSync(FIXTURE, 'utf8'))).toEqual(served);
  });
});
