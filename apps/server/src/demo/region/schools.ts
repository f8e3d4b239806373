/** The schools of a township and of a county: their types, names and location types. */
import { type Rng, Weighted } from '../random';
import { chineseNumber, type TownshipKind } from './divisions';
import type { DemoLocationType } from './spec';

export type SchoolType =
  | '幼儿园'
  | '小学'
  | '初级中学'
  | '九年一贯制学校'
  | '完全中学'
  | '高级中学'
  | '中等职业学校'
  | '特殊教育学校'
  | '教学点';

export const STAGES_OF: Record<SchoolType, string[]> = {
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

export interface SchoolPlan {
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
export class SchoolNamer {
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

export interface TownshipContext {
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
export function planTownshipSchools(
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
export function planCountySchools(
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
