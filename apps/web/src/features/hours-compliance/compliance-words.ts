/**
 * One teacher's 学时 standing in the compliance list in words (strings in shared/i18n-reasons-hours.ts), from the
 * values the row carries: the cycle against its pace (Y-HOURS-ON-TRACK), each category and the year behind their
 * pace. A row without its school year (an older server) keeps the server's text.
 */
import type { ComplianceTeacher } from '@yanxun/contracts';
import { schoolYearLabel } from '../../shared/figures';
import type { I18n, Lang, MessageKey } from '../../shared/i18n';
import { hours } from '../outcomes/outcome-status-tag';

type T = I18n['t'];

export function complianceSentence(t: T, lang: Lang, r: ComplianceTeacher): string {
  if (!r.schoolYear) return r.message;
  const schoolYear = schoolYearLabel(r.schoolYear, lang);
  const parts = [
    r.onTrack
      ? t('hcSays.onTrack', { counted: hours(r.cycleCountedTenths) })
      : t('hcSays.behind', {
          counted: hours(r.cycleCountedTenths),
          expected: hours(r.expectedTenths),
          short: hours(r.expectedTenths - r.cycleCountedTenths),
        }),
    ...r.categories
      .filter((c) => c.countedTenths < c.paceTenths)
      .map((c) =>
        t('hcSays.category', {
          schoolYear,
          category: t(`hours.cat.${c.category}` as MessageKey),
          counted: hours(c.countedTenths),
          pace: hours(c.paceTenths),
        }),
      ),
  ];
  if (r.yearCountedTenths < r.yearPaceTenths)
    parts.push(
      t('hcSays.year', { schoolYear, counted: hours(r.yearCountedTenths), pace: hours(r.yearPaceTenths) }),
    );
  return t('hcSays.end', { parts: parts.join(t('hcSays.sep')) });
}
