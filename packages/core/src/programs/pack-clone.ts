/** The clone an officer starts next year's pack from. */
import { parseIsoDate } from '../dates';
import { addYears, type PolicyPack, type PolicyValue } from './policy-pack';

/**
 * A draft copy of `pack` for `year`: version + 1, the same rule IDs, sources, codes and values, with the
 * absolute deadline dates moved by whole years and marked for checking against the new year's notice.
 * Project-type and track codes stay the same so a teacher's record joins across years.
 */
export function clonePackForYear(pack: PolicyPack, year: number, options: { id?: string } = {}): PolicyPack {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`year must be 2000–2100: ${year}`);
  const copy = structuredClone(pack);
  const from = String(pack.year);
  const delta = year - pack.year;
  copy.id =
    options.id ?? (pack.id.includes(from) ? pack.id.replaceAll(from, String(year)) : `${pack.id}-${year}`);
  copy.year = year;
  copy.version = pack.version + 1;
  copy.status = 'draft';
  copy.title = pack.title.replaceAll(from, String(year));
  copy.derivedFrom = { id: pack.id, version: pack.version };

  const note = `由 ${pack.year} 年版顺延 ${delta} 年，请按 ${year} 年通知核对`;
  const shift = (v: PolicyValue<string>): void => {
    if (parseIsoDate(v.value)) v.value = addYears(v.value, delta);
    v.note = v.note ? `${v.note}；${note}` : note;
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
