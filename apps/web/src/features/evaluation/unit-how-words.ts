/**
 * How a unit of a scorecard was scored, in words, from the numbers the server sends beside core's sentence
 * (strings in shared/i18n-reasons-evaluation.ts), so en-US reads the deductions in English; the zh-CN templates
 * say what core says. A unit without the numbers keeps the server's text. A deduction's reason is worded by its
 * code where the label is R3-B03's own; a rubric's other reasons keep their labels (they are the rubric's data).
 */
import type { ScorecardUnit, UnitHowFacts } from '@yanxun/contracts';
import { type I18n, type MessageKey, translate } from '../../shared/i18n';

type T = I18n['t'];

/** A number as a score sheet prints it (core's fmt): no trailing ".0", at most two decimals. */
function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

const REASONS = ['under_reported', 'missed_training', 'not_completed', 'ineligible'];

/** A deduction's reason: by its code when the label is the built-in one, else the rubric's label. */
export function deductionReason(t: T, d: { reason: string; label: string }): string {
  if (!REASONS.includes(d.reason)) return d.label;
  const key = `evalHow.reason.${d.reason}` as MessageKey;
  return translate('zh-CN', key) === d.label ? t(key) : d.label;
}

/** The line of one unit: the score or the full points, the deductions, the floor, what it scores. */
export function unitLineSentence(t: T, f: UnitHowFacts): string {
  if (f.missing) return t('evalHow.missing');
  const start =
    f.raw === null ? t('evalHow.full', { max: fmt(f.max) }) : t('evalHow.raw', { raw: fmt(f.raw) });
  let sentence = start;
  const first = f.deductions[0];
  if (first) {
    const parts = f.deductions
      .map((d) => t('evalHow.part', { reason: deductionReason(t, d), count: d.count }))
      .join(t('evalHow.list'));
    const from = f.raw ?? f.max;
    const after = Math.round(from * 10 - f.deducted * 10) / 10;
    sentence = t('evalHow.deducted', {
      start,
      deducted: fmt(f.deducted),
      parts,
      points: fmt(first.points),
      after: fmt(after),
    });
    if (f.floor !== null && after < f.floor) sentence = t('evalHow.floor', { sentence, floor: fmt(f.floor) });
  }
  return t('evalHow.score', { sentence, score: fmt(f.score), max: fmt(f.max) });
}

/** The raters' part: their mean (trimmed or not), its spread, the outliers, a moderation. */
export function ratersSentence(t: T, r: NonNullable<UnitHowFacts['raters']>): string {
  let sentence = r.trimmed
    ? t('evalHow.raters.trimmed', { n: r.n, counted: r.counted, mean: fmt(r.mean) })
    : t('evalHow.raters.mean', { n: r.n, mean: fmt(r.mean) });
  sentence = t('evalHow.raters.spread', {
    sentence,
    rounded: fmt(r.meanRounded),
    range: fmt(r.range),
    sd: fmt(r.sd),
  });
  if (r.outliers.length > 0) {
    const list = r.outliers
      .map((o) => t('evalHow.raters.outlier', { rater: o.rater, score: fmt(o.score) }))
      .join(t('evalHow.list'));
    sentence = t('evalHow.raters.outliers', { sentence, list });
  }
  if (r.moderation)
    sentence = t('evalHow.raters.moderated', {
      sentence,
      value: fmt(r.moderation.value),
      reason: r.moderation.reason,
    });
  return sentence;
}

/** How the unit was scored, in words; the server's sentence when it sent no numbers. */
export function unitHowSentence(t: T, u: Pick<ScorecardUnit, 'how' | 'howFacts'>): string {
  const f = u.howFacts;
  if (!f) return u.how;
  const line = unitLineSentence(t, f);
  return f.raters ? t('evalHow.join', { raters: ratersSentence(t, f.raters), line }) : line;
}
