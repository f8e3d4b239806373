/** The clone an officer starts next year's pack (or their region's pack) from. */
import { parseIsoDate } from '../dates';
import { addYears, type PackSource, type PolicyPack, type PolicyValue } from './policy-pack';

/** The province or city a clone is made for: its GB/T 2260 code (6 digits) and name ('广东省'). */
export interface CloneRegion {
  code: string;
  name: string;
}

/** What the cloning officer may set; an absent or blank field takes the default of `cloneDefaults`. */
export interface CloneMeta {
  title?: string | undefined;
  issuer?: string | undefined;
  document?: string | undefined;
  documentNumber?: string | undefined;
  signedOn?: string | undefined;
}

/** The title, issuing body and document name a clone starts with. */
export interface CloneDefaults {
  title: string;
  issuer: string;
  document: string;
}

/** Province-level municipalities, whose education bureau is an 教育委员会. */
const MUNICIPALITY_PREFIXES = ['11', '12', '31', '50'];

/**
 * The education authority that issues a region's packs: 省教育厅 for a province or autonomous region,
 * 市教育委员会 for a province-level municipality, 教育局 for a city (or county).
 */
export function defaultIssuer(region: CloneRegion): string {
  if (!region.code.endsWith('0000')) return `${region.name}教育局`;
  return MUNICIPALITY_PREFIXES.includes(region.code.slice(0, 2))
    ? `${region.name}教育委员会`
    : `${region.name}教育厅`;
}

/**
 * The title's subject, without its region and year: '河南省 2021 年义务教育…工程' → '义务教育…工程';
 * undefined when the title does not name the year.
 */
function titleSubject(title: string, year: number): string | undefined {
  const at = title.indexOf(String(year));
  if (at < 0) return undefined;
  return title
    .slice(at + String(year).length)
    .replace(/^\s*年\s*/, '')
    .trim();
}

/**
 * The title, issuer and document a clone of `pack` for `year` starts with: the region's name and the year
 * before the pack's subject ('广东省 2026 年义务教育…工程'); in the pack's own region its issuer, in another
 * the region's education authority; the document name with the year moved (to be checked against the
 * region's own notice). Without a region, the pack's own names with the year moved.
 */
export function cloneDefaults(pack: PolicyPack, year: number, region?: CloneRegion): CloneDefaults {
  const from = String(pack.year);
  const moved = (s: string) => s.replaceAll(from, String(year));
  const document = moved(pack.source.document);
  if (!region) return { title: moved(pack.title), issuer: pack.source.issuer, document };
  const sameRegion = region.code === pack.regionCode;
  const subject = titleSubject(pack.title, pack.year);
  const title =
    subject !== undefined
      ? `${region.name} ${year} 年${subject}`
      : sameRegion
        ? pack.title
        : `${region.name} ${year} 年${pack.title}`;
  return { title, issuer: sameRegion ? pack.source.issuer : defaultIssuer(region), document };
}

/** The note a clone adds to a moved deadline, with the separator before it. */
const SHIFT_NOTE = /(；)?由 \d{4} 年版顺延 -?\d+ 年，请按 \d{4} 年通知核对/g;

const given = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/**
 * The source of a clone: the officer's document (or the defaults), no number or date unless given (the new
 * year's notice is another document), and, when the region changes, the document the values were adopted
 * from (the first one, kept through later clones).
 */
function cloneSource(
  pack: PolicyPack,
  defaults: CloneDefaults,
  meta: CloneMeta,
  regionChanged: boolean,
): PackSource {
  const old = pack.source;
  const adoptedFrom =
    old.adoptedFrom ??
    (regionChanged
      ? {
          document: old.document,
          ...(old.documentNumber ? { documentNumber: old.documentNumber } : {}),
          issuer: old.issuer,
          ...(old.signedOn ? { signedOn: old.signedOn } : {}),
          year: pack.year,
        }
      : undefined);
  const documentNumber = given(meta.documentNumber);
  const signedOn = given(meta.signedOn);
  return {
    seed: old.seed,
    document: given(meta.document) ?? defaults.document,
    ...(documentNumber ? { documentNumber } : {}),
    issuer: given(meta.issuer) ?? defaults.issuer,
    ...(signedOn ? { signedOn } : {}),
    ...(adoptedFrom ? { adoptedFrom: structuredClone(adoptedFrom) } : {}),
  };
}

/**
 * A draft copy of `pack` for `year`: version + 1, the same rule IDs, sources, codes and values, with the
 * absolute deadline dates moved by whole years and marked for checking against the new year's notice.
 * Project-type and track codes stay the same so a teacher's record joins across years.
 * With `region` the copy belongs to that region (its code, and by default its name and education authority
 * in the title and issuer); `meta` sets the title, issuer and document instead of the defaults.
 */
export function clonePackForYear(
  pack: PolicyPack,
  year: number,
  options: { id?: string; region?: CloneRegion; meta?: CloneMeta } = {},
): PolicyPack {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`year must be 2000–2100: ${year}`);
  const { region, meta = {} } = options;
  const copy = structuredClone(pack);
  const from = String(pack.year);
  const delta = year - pack.year;
  const regionChanged = region !== undefined && region.code !== pack.regionCode;
  const defaults = cloneDefaults(pack, year, region);
  copy.id =
    options.id ?? (pack.id.includes(from) ? pack.id.replaceAll(from, String(year)) : `${pack.id}-${year}`);
  if (region) copy.regionCode = region.code;
  copy.year = year;
  copy.version = pack.version + 1;
  copy.status = 'draft';
  copy.title = given(meta.title) ?? defaults.title;
  copy.source = cloneSource(pack, defaults, meta, regionChanged);
  copy.derivedFrom = { id: pack.id, version: pack.version };

  const note = `由 ${pack.year} 年版顺延 ${delta} 年，请按 ${year} 年通知核对`;
  const shift = (v: PolicyValue<string>): void => {
    if (parseIsoDate(v.value)) v.value = addYears(v.value, delta);
    // one "moved from" note: a clone of a clone replaces the earlier one
    const kept = v.note?.replace(SHIFT_NOTE, '').trim();
    v.note = kept ? `${kept}；${note}` : note;
  };
  shift(copy.deadlines.applicationDue);
  shift(copy.deadlines.selectionDue);
  shift(copy.deadlines.classDatesDue);
  const ref = copy.settings.referenceDate.value;
  if (ref.kind === 'fixed' && parseIsoDate(ref.date)) {
    copy.settings.referenceDate.value = { kind: 'fixed', date: addYears(ref.date, delta) };
  }
  return copy;
}
