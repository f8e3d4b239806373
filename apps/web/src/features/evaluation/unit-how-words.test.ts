import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { hanOutside } from '../../shared/test-utils';
import { HOW_UNITS } from './unit-how.fixture';
import { deductionReason, unitHowSentence } from './unit-how-words';

const zh = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en-US', key, p);

/** Data in a unit's how: the raters' labels and a moderation's reason. */
const dataOf = (u: (typeof HOW_UNITS)[number]) => [
  ...(u.howFacts?.raters?.outliers.map((o) => o.rater) ?? []),
  ...(u.howFacts?.raters?.moderation ? [u.howFacts.raters.moderation.reason] : []),
];

describe('points deducted and how a unit scored (R3-B03 deductions, Y-EVAL-ROUNDING, the raters mean)', () => {
  it.each(HOW_UNITS.map((u) => [u.how, u] as const))('zh-CN says exactly what core says: %s', (_, u) => {
    expect(unitHowSentence(zh, u)).toBe(u.how);
  });

  it.each(HOW_UNITS.map((u) => [u.how, u] as const))('en-US has no Chinese outside data: %s', (_, u) => {
    expect(hanOutside(unitHowSentence(en, u), ...dataOf(u))).toBe('');
  });

  it('R3-B03: each deduction with its reason, the points per person-time and the floor, in English', () => {
    expect(unitHowSentence(en, HOW_UNITS[0] as (typeof HOW_UNITS)[number])).toBe(
      'Full points 12 − 3 deducted (under-reported 2 person-times, trainee not eligible 1 person-times, 1 per person-time) = 9; 9 / 12 points',
    );
    expect(unitHowSentence(en, HOW_UNITS[3] as (typeof HOW_UNITS)[number])).toBe(
      'Scored 5 − 9 deducted (missed training 9 person-times, 1 per person-time) = -4, deducted no lower than 0; 0 / 12 points',
    );
  });

  it("a rubric's own reason keeps its label; a unit without numbers keeps the server's text", () => {
    expect(deductionReason(en, { reason: 'late_report', label: '迟报' })).toBe('迟报');
    expect(deductionReason(en, { reason: 'missed_training', label: '缺席培训' })).toBe('缺席培训');
    expect(unitHowSentence(en, { how: '评分 4；得 4 / 5 分' })).toBe('评分 4；得 4 / 5 分');
  });
});
