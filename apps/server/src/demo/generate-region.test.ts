import { lookupCode, parseIdNumber } from '@yanxun/core';
import { describe, expect, it } from 'vitest';
import {
  type DemoOrg,
  type DemoTeacher,
  generateOrgs,
  generateTeachers,
  REFERENCE_DATE,
  type RegionSpec,
} from './generate-region';

function allTeachers(spec: RegionSpec, orgs: DemoOrg[], batchSize?: number): DemoTeacher[] {
  const out: DemoTeacher[] = [];
  for (const batch of generateTeachers(spec, orgs, batchSize)) out.push(...batch);
  return out;
}

function byKey(orgs: DemoOrg[]): Map<string, DemoOrg> {
  return new Map(orgs.map((o) => [o.key, o]));
}

function countyOf(org: DemoOrg, index: Map<string, DemoOrg>): DemoOrg | undefined {
  for (let cur: DemoOrg | undefined = org; cur; cur = cur.parentKey ? index.get(cur.parentKey) : undefined) {
    if (cur.kind === 'county') return cur;
  }
  return undefined;
}

function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const STAGES_OF_TYPE: Record<string, string[]> = {
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

describe('generateOrgs: the default region (清远市)', () => {
  const orgs = generateOrgs({});
  const index = byKey(orgs);
  const schools = orgs.filter((o) => o.kind === 'school');

  it('is 广东省 → 清远市 → its 8 counties, with their 乡镇/街道', () => {
    expect(orgs.filter((o) => o.kind === 'province').map((o) => o.name)).toEqual(['广东省']);
    expect(orgs.filter((o) => o.kind === 'city').map((o) => o.code)).toEqual(['4418']);
    const counties = orgs.filter((o) => o.kind === 'county');
    expect(counties.map((o) => o.name)).toEqual([
      '清城区',
      '清新区',
      '佛冈县',
      '阳山县',
      '连山壮族瑶族自治县',
      '连南瑶族自治县',
      '英德市',
      '连州市',
    ]);
    const townships = orgs.filter((o) => o.kind === 'township');
    expect(townships.length).toBeGreaterThan(80);
    for (const t of townships) {
      expect(t.code).toMatch(/^4418\d{5}$/);
      expect(t.name).toMatch(/(街道|镇|乡)$/);
      expect(index.get(t.parentKey ?? '')?.kind).toBe('county');
    }
  });

  it('has a 教师发展中心 per city and county, two providers and the 省培项目办', () => {
    const tdcs = orgs.filter((o) => o.kind === 'tdc');
    expect(tdcs).toHaveLength(9);
    // they carry a 学校标识码 (serial 999) so their staff export and re-import like any school's
    expect(tdcs.every((o) => /^2\d{6}999$/.test(o.code ?? ''))).toBe(true);
    expect(tdcs.map((o) => index.get(o.parentKey ?? '')?.kind).sort()).toEqual([
      'city',
      ...Array(8).fill('county'),
    ]);
    expect(orgs.filter((o) => o.kind === 'provider').map((o) => o.parentKey)).toEqual(['44', '44']);
    expect(orgs.filter((o) => o.kind === 'project_office').map((o) => o.parentKey)).toEqual(['44']);
  });

  it('has about 400 schools with unique names', () => {
    expect(schools.length).toBeGreaterThanOrEqual(350);
    expect(schools.length).toBeLessThanOrEqual(450);
    expect(new Set(schools.map((s) => s.name)).size).toBe(schools.length);
  });

  it('lists each org after its parent, with unique keys', () => {
    const seen = new Set<string>();
    for (const o of orgs) {
      expect(seen.has(o.key)).toBe(false);
      if (o.parentKey !== null) expect(seen.has(o.parentKey)).toBe(true);
      seen.add(o.key);
    }
  });

  it('hangs every school under a township or a county of the region', () => {
    for (const s of schools) {
      const parent = index.get(s.parentKey ?? '');
      expect(['township', 'county']).toContain(parent?.kind);
      if (parent?.kind === 'county')
        expect(s.schoolType).toMatch(/高级中学|完全中学|中等职业学校|特殊教育学校/);
    }
  });

  it("gives schools unique 10-digit codes: '2' + county code + serial", () => {
    const codes = schools.map((s) => s.code ?? '');
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of schools) {
      expect(s.code).toMatch(/^2\d{9}$/);
      expect(s.key).toBe(`S:${s.code}`);
      const county = countyOf(s, index);
      expect(s.code?.slice(1, 7)).toBe(county?.code);
    }
  });

  it('keeps stages consistent with the school type', () => {
    for (const s of schools) {
      expect(lookupCode('schoolTypes', s.schoolType ?? '')).toBeDefined();
      expect(s.stages).toEqual(STAGES_OF_TYPE[s.schoolType ?? '']);
    }
  });

  it('sets locationType from the township: 街道 urban, 镇 town (镇中心) or rural, 乡 rural', () => {
    for (const s of schools) {
      const parent = index.get(s.parentKey ?? '');
      if (parent?.kind === 'county') {
        expect(['urban', 'town']).toContain(s.locationType);
      } else if (parent?.name.endsWith('街道')) {
        expect(s.locationType).toBe('urban');
      } else if (parent?.name.endsWith('乡')) {
        expect(s.locationType).toBe('rural');
      } else {
        expect(parent?.name.endsWith('镇')).toBe(true);
        expect(['town', 'rural']).toContain(s.locationType);
        if (s.name.includes('镇中心')) expect(s.locationType).toBe('town');
        if (s.schoolType === '教学点') expect(s.locationType).toBe('rural');
      }
    }
    const kinds = new Set(schools.map((s) => s.locationType));
    expect(kinds).toEqual(new Set(['urban', 'town', 'rural']));
  });

  it('puts about a third of schools in a 教育集团 or 学区', () => {
    const grouped = schools.filter((s) => s.groupName).length / schools.length;
    expect(grouped).toBeGreaterThan(0.25);
    expect(grouped).toBeLessThan(0.42);
    for (const s of schools) if (s.groupName) expect(s.groupName).toMatch(/(教育集团|学区)$/);
  });
});

describe('generateTeachers: the default region', () => {
  const spec: RegionSpec = {};
  const orgs = generateOrgs(spec);
  const index = byKey(orgs);
  const teachers = allTeachers(spec, orgs);

  it('generates exactly 20,000 teachers, in schools and 教师发展中心', () => {
    expect(teachers).toHaveLength(20_000);
    const kinds = new Set(teachers.map((t) => index.get(t.schoolKey)?.kind));
    expect(kinds).toEqual(new Set(['school', 'tdc']));
    const researchers = teachers.filter((t) => index.get(t.schoolKey)?.kind === 'tdc');
    expect(researchers.every((t) => t.rolesHeld.includes('教研员') && t.trainingStartYear !== null)).toBe(
      true,
    );
  });

  it('gives valid, unique ID numbers that agree with birth date and gender', () => {
    const ids = new Set<string>();
    let home = 0;
    for (const t of teachers) {
      expect(ids.has(t.idNumber)).toBe(false);
      ids.add(t.idNumber);
      const parsed = parseIdNumber(t.idNumber, { today: REFERENCE_DATE });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.birthDate).toBe(t.birthDate);
      expect(parsed.value.gender).toBe(t.gender);
      expect(parsed.value.regionCode.slice(0, 2)).toBe('44');
      const unit = index.get(t.schoolKey);
      const county = unit ? countyOf(unit, index) : undefined;
      if (county && parsed.value.regionCode === county.code) home++;
    }
    expect(home / teachers.length).toBeGreaterThan(0.7);
  });

  it('gives unique 11-digit mobile numbers', () => {
    const phones = new Set(teachers.map((t) => t.phone));
    expect(phones.size).toBe(teachers.length);
    for (const p of phones) expect(p).toMatch(/^1(3\d|5[0-35-9]|8\d|9[1356-9])\d{8}$/);
  });

  it('keeps ages within 22–60 and teaching starting at 21–24', () => {
    for (const t of teachers) {
      const age = ageOn(t.birthDate, REFERENCE_DATE);
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      const startAge = ageOn(t.birthDate, t.teachingStartDate);
      expect(startAge).toBeGreaterThanOrEqual(21);
      expect(startAge).toBeLessThanOrEqual(24);
      expect(t.teachingStartDate <= REFERENCE_DATE).toBe(true);
    }
  });

  it('is generated as of another 1 September when asked (the demo: its as-of’s school year), not any other day', () => {
    const earlier = allTeachers({ ...spec, teachers: 2000, referenceDate: '2025-09-01' }, orgs);
    for (const t of earlier) {
      const age = ageOn(t.birthDate, '2025-09-01');
      expect(age).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(60);
      expect(t.teachingStartDate <= '2025-09-01').toBe(true);
    }
    expect(earlier.some((t) => t.teachingStartDate === '2025-09-01')).toBe(true);
    expect(() => allTeachers({ ...spec, referenceDate: '2025-09-02' }, orgs)).toThrow(RangeError);
  });

  it('uses names of the code tables for stage, subject, title and roles', () => {
    for (const t of teachers) {
      expect(lookupCode('stages', t.stage)).toBeDefined();
      expect(lookupCode('subjects', t.subject)).toBeDefined();
      expect(lookupCode('titles', t.title)).toBeDefined();
      for (const r of t.rolesHeld) expect(lookupCode('roles', r)).toBeDefined();
      if (t.backbone !== null) expect(lookupCode('backboneLevels', t.backbone)).toBeDefined();
    }
  });

  it('teaches a stage of the school', () => {
    for (const t of teachers) {
      const unit = index.get(t.schoolKey);
      if (unit?.kind === 'school') expect(unit.stages).toContain(t.stage);
    }
  });

  it('has realistic shares: women, 班主任, backbone levels, status', () => {
    const share = (f: (t: DemoTeacher) => boolean, of: DemoTeacher[] = teachers) =>
      of.filter(f).length / of.length;
    expect(share((t) => t.gender === 'F')).toBeGreaterThan(0.5);
    expect(share((t) => t.gender === 'F')).toBeLessThan(0.65);
    const early = teachers.filter((t) => t.stage === '小学' || t.stage === '学前教育');
    expect(share((t) => t.gender === 'F', early)).toBeGreaterThan(0.62);
    expect(share((t) => t.rolesHeld.includes('班主任'))).toBeGreaterThan(0.22);
    expect(share((t) => t.rolesHeld.includes('班主任'))).toBeLessThan(0.38);
    expect(share((t) => t.backbone === 'school')).toBeGreaterThan(0.07);
    expect(share((t) => t.backbone === 'county')).toBeGreaterThan(0.03);
    expect(share((t) => t.backbone === 'city')).toBeGreaterThan(0.01);
    expect(share((t) => t.backbone === 'special')).toBeLessThan(0.01);
    expect(share((t) => t.title === '正高级教师')).toBeLessThan(0.005);
    expect(share((t) => t.status === 'active')).toBeGreaterThan(0.9);
  });

  it('gives every school but a 教学点 one 校长 and one or two 副校长', () => {
    const principals = new Map<string, number>();
    const vices = new Map<string, number>();
    for (const t of teachers) {
      if (t.rolesHeld.includes('校长')) principals.set(t.schoolKey, (principals.get(t.schoolKey) ?? 0) + 1);
      if (t.rolesHeld.includes('副校长')) vices.set(t.schoolKey, (vices.get(t.schoolKey) ?? 0) + 1);
    }
    for (const s of orgs.filter((o) => o.kind === 'school')) {
      if (s.schoolType === '教学点') {
        expect(principals.get(s.key)).toBeUndefined();
      } else {
        expect(principals.get(s.key)).toBe(1);
        expect([1, 2]).toContain(vices.get(s.key));
      }
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same spec', () => {
    const spec: RegionSpec = { teachers: 3000 };
    const a = generateOrgs(spec);
    const b = generateOrgs(spec);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(allTeachers(spec, b))).toBe(JSON.stringify(allTeachers(spec, a)));
  });

  it('does not depend on the batch size', () => {
    const spec: RegionSpec = { teachers: 2500 };
    const orgs = generateOrgs(spec);
    const batches = [...generateTeachers(spec, orgs, 7)];
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    expect(JSON.stringify(batches.flat())).toBe(JSON.stringify(allTeachers(spec, orgs, 1000)));
  });

  it('differs for a different seed', () => {
    const a = generateOrgs({ teachers: 3000 });
    const b = generateOrgs({ teachers: 3000, seed: 7 });
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    const ta = allTeachers({ teachers: 3000 }, a);
    const tb = allTeachers({ teachers: 3000, seed: 7 }, b);
    expect(tb.map((t) => t.idNumber)).not.toEqual(ta.map((t) => t.idNumber));
  });
});

describe('scaling', () => {
  it('gives exactly the requested number of teachers for odd sizes', () => {
    for (const n of [0, 1, 137, 12_345]) {
      const spec: RegionSpec = { teachers: n };
      expect(allTeachers(spec, generateOrgs(spec))).toHaveLength(n);
    }
  });

  it('spans more than one city for 60,000 teachers', () => {
    const spec: RegionSpec = { teachers: 60_000 };
    const orgs = generateOrgs(spec);
    const cities = orgs.filter((o) => o.kind === 'city');
    expect(cities.length).toBeGreaterThan(1);
    expect(cities[0]?.name).toBe('清远市');
    const schools = orgs.filter((o) => o.kind === 'school');
    expect(schools.length).toBe(1200);
    expect(new Set(schools.map((s) => s.code)).size).toBe(schools.length);
    const index = byKey(orgs);
    const ids = new Set<string>();
    const citiesWithTeachers = new Set<string>();
    let count = 0;
    for (const batch of generateTeachers(spec, orgs, 10_000)) {
      for (const t of batch) {
        count++;
        ids.add(t.idNumber);
        const unit = index.get(t.schoolKey);
        const county = unit ? countyOf(unit, index) : undefined;
        if (county?.parentKey) citiesWithTeachers.add(county.parentKey);
      }
    }
    expect(count).toBe(60_000);
    expect(ids.size).toBe(60_000);
    expect(citiesWithTeachers.size).toBe(cities.length);
  });

  it('covers all 21 cities of 广东省 at province size (orgs only)', () => {
    const orgs = generateOrgs({ teachers: 1_000_000 });
    expect(orgs.filter((o) => o.kind === 'city')).toHaveLength(21);
    const schools = orgs.filter((o) => o.kind === 'school');
    expect(schools).toHaveLength(20_000);
    expect(new Set(schools.map((s) => s.code)).size).toBe(20_000);
    // every code in the whole tree is unique (the database's orgs_code_key), 东莞 and 中山 included
    const codes = orgs.map((o) => o.code).filter((c): c is string => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
