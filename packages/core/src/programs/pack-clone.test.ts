/**
 * Cloning a pack into a region (issue 11): the clone takes the cloning region's name and education authority
 * (R-004-01: the programmes are the region's own), records the document its values were adopted from, lets
 * the officer set title, issuer and document, and leaves the built-in Henan pack as it is.
 */
import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { cloneDefaults, clonePackForYear, defaultIssuer } from './pack-clone';
import { validatePack } from './pack-validation';

const GUANGDONG = { code: '440000', name: '广东省' };
const QINGYUAN = { code: '441800', name: '清远市' };
const HENAN = { code: '410000', name: '河南省' };
const SUBJECT = '义务教育师资薄弱环节改善暨中小学教师素质提升工程';

describe('defaultIssuer: the education authority of a region', () => {
  it('a province → 教育厅, a municipality → 教育委员会, a city → 教育局', () => {
    expect(defaultIssuer(GUANGDONG)).toBe('广东省教育厅');
    expect(defaultIssuer({ code: '110000', name: '北京市' })).toBe('北京市教育委员会');
    expect(defaultIssuer({ code: '500000', name: '重庆市' })).toBe('重庆市教育委员会');
    expect(defaultIssuer(QINGYUAN)).toBe('清远市教育局');
  });
});

describe('clonePackForYear into another region (R-004-01)', () => {
  const gd = clonePackForYear(HENAN_2021_PACK, 2026, { id: '440000-2026-v2', region: GUANGDONG });

  it('a Guangdong clone of the Henan pack is titled and issued by Guangdong', () => {
    expect(gd.title).toBe(`广东省 2026 年${SUBJECT}`);
    expect(gd.regionCode).toBe('440000');
    expect(gd.source.issuer).toBe('广东省教育厅');
    expect(JSON.stringify({ title: gd.title, issuer: gd.source.issuer })).not.toContain('河南');
    // the document name with the year moved, to be checked against Guangdong's own notice
    expect(gd.source.document).toContain('2026年');
    expect(gd.source.documentNumber).toBeUndefined();
    expect(gd.source.signedOn).toBeUndefined();
  });

  it('records the Henan 2021 document the values are adopted from; the values and rule IDs stay', () => {
    expect(gd.source.adoptedFrom).toEqual({
      document: HENAN_2021_PACK.source.document,
      issuer: '河南省教育厅',
      signedOn: '2021-07-16',
      year: 2021,
    });
    expect(gd.funding).toEqual(HENAN_2021_PACK.funding);
    expect(gd.projectTypes.map((t) => t.code)).toEqual(HENAN_2021_PACK.projectTypes.map((t) => t.code));
    expect(validatePack(gd)).toEqual([]);
  });

  it('the built-in Henan pack stays Henan’s', () => {
    expect(HENAN_2021_PACK.title).toBe(`河南省 2021 年${SUBJECT}`);
    expect(HENAN_2021_PACK.source.issuer).toBe('河南省教育厅');
    expect(HENAN_2021_PACK.regionCode).toBe('410000');
    expect(HENAN_2021_PACK.source.adoptedFrom).toBeUndefined();
  });

  it('cloning Guangdong 2026 to 2027 keeps 广东省 and the Henan origin', () => {
    const next = clonePackForYear(gd, 2027, { region: GUANGDONG });
    expect(next.title).toBe(`广东省 2027 年${SUBJECT}`);
    expect(next.source.issuer).toBe('广东省教育厅');
    expect(next.source.adoptedFrom?.issuer).toBe('河南省教育厅');
    expect(next.source.adoptedFrom?.year).toBe(2021);
  });

  it('a clone of a clone carries one note on the moved deadlines, from its own source year', () => {
    const next = clonePackForYear(gd, 2027, { region: GUANGDONG });
    expect(next.deadlines.selectionDue.value).toBe('2027-07-30');
    expect(next.deadlines.selectionDue.note).toBe(
      '"7月30日前"：当日完成视为按时；由 2026 年版顺延 1 年，请按 2027 年通知核对',
    );
    expect(next.deadlines.classDatesDue.note).toBe('由 2026 年版顺延 1 年，请按 2027 年通知核对');
  });

  it('a city cloning the province’s pack gets the city’s name and 教育局; the origin stays Henan', () => {
    const city = clonePackForYear(gd, 2027, { region: QINGYUAN });
    expect(city.title).toBe(`清远市 2027 年${SUBJECT}`);
    expect(city.source.issuer).toBe('清远市教育局');
    expect(city.source.adoptedFrom?.issuer).toBe('河南省教育厅');
  });

  it('Henan cloning its own pack: same name and issuer, no adopted-from note', () => {
    const next = clonePackForYear(HENAN_2021_PACK, 2022, { region: HENAN });
    expect(next.title).toBe(`河南省 2022 年${SUBJECT}`);
    expect(next.source.issuer).toBe('河南省教育厅');
    expect(next.source.adoptedFrom).toBeUndefined();
  });

  it('the officer’s title, issuer, document, number and date win over the defaults; blanks take the defaults', () => {
    const set = clonePackForYear(HENAN_2021_PACK, 2026, {
      region: GUANGDONG,
      meta: {
        title: '广东省 2026 年中小学教师素质提升工程',
        issuer: '广东省教育厅 广东省财政厅',
        document: '关于做好2026年中小学教师素质提升工程的通知',
        documentNumber: '粤教师函〔2026〕3号',
        signedOn: '2026-05-20',
      },
    });
    expect(set.title).toBe('广东省 2026 年中小学教师素质提升工程');
    expect(set.source).toMatchObject({
      issuer: '广东省教育厅 广东省财政厅',
      document: '关于做好2026年中小学教师素质提升工程的通知',
      documentNumber: '粤教师函〔2026〕3号',
      signedOn: '2026-05-20',
    });
    const blank = clonePackForYear(HENAN_2021_PACK, 2026, {
      region: GUANGDONG,
      meta: { title: '  ', issuer: '' },
    });
    expect(blank.title).toBe(`广东省 2026 年${SUBJECT}`);
    expect(blank.source.issuer).toBe('广东省教育厅');
  });

  it('cloneDefaults: what the clone dialog offers; a title without the year gets the region and year before it', () => {
    expect(cloneDefaults(HENAN_2021_PACK, 2026, GUANGDONG)).toEqual({
      title: `广东省 2026 年${SUBJECT}`,
      issuer: '广东省教育厅',
      document: HENAN_2021_PACK.source.document.replace('2021年', '2026年'),
    });
    const untitled = { ...HENAN_2021_PACK, title: '教师素质提升工程' };
    expect(cloneDefaults(untitled, 2026, GUANGDONG).title).toBe('广东省 2026 年教师素质提升工程');
    expect(cloneDefaults(untitled, 2022, HENAN).title).toBe('教师素质提升工程');
  });
});

describe('validatePack: the pack names its title, issuer and document', () => {
  it('a blank issuer or document, or a signing date that is no date, is a header problem', () => {
    const gd = clonePackForYear(HENAN_2021_PACK, 2026, { region: GUANGDONG });
    const bad = {
      ...gd,
      title: ' ',
      source: { ...gd.source, issuer: '', document: ' ', signedOn: '2026-02-30' },
    };
    expect(validatePack(bad).map((p) => [p.code, p.path])).toEqual([
      ['PACK.HEADER', 'title'],
      ['PACK.HEADER', 'source.issuer'],
      ['PACK.HEADER', 'source.document'],
      ['PACK.HEADER', 'source.signedOn'],
    ]);
    const ok = { ...gd, source: { ...gd.source, signedOn: '2026-02-28' } };
    expect(validatePack(ok)).toEqual([]);
  });
});
