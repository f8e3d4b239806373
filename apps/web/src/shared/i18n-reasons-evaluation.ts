/**
 * How a unit of a scorecard was scored (core's scoreUnit and aggregateItem: the raters' mean, the score or the
 * full points, the deductions by reason, the floor), rendered from the numbers the server sends beside its
 * sentence (features/evaluation/unit-how-words.ts picks the key). The zh-CN templates say exactly what core says.
 * Spread into the dictionaries of i18n.ts; `{name}` marks a parameter.
 */
export const EVALUATION_REASONS_ZH = {
  'evalHow.join': '{raters}；{line}',
  'evalHow.list': '、',
  'evalHow.missing': '未评分，按 0 分计',
  'evalHow.raw': '评分 {raw}',
  'evalHow.full': '满分 {max}',
  'evalHow.deducted': '{start} − 扣分 {deducted}（{parts}，每人次 {points} 分） = {after}',
  'evalHow.part': '{reason} {count} 人次',
  'evalHow.floor': '{sentence}，扣至 {floor} 分为止',
  'evalHow.score': '{sentence}；得 {score} / {max} 分',
  // R3-B03's reasons, by their code (a rubric's own reasons keep their labels)
  'evalHow.reason.under_reported': '少报',
  'evalHow.reason.missed_training': '缺培',
  'evalHow.reason.not_completed': '未结业',
  'evalHow.reason.ineligible': '学员不符合遴选条件',
  'evalHow.raters.trimmed': '{n} 位评委，去掉最高分和最低分后 {counted} 个评分平均 {mean}',
  'evalHow.raters.mean': '{n} 位评委评分平均 {mean}',
  'evalHow.raters.spread': '{sentence}，保留一位小数 {rounded}；极差 {range}，标准差 {sd}',
  'evalHow.raters.outliers': '{sentence}；离群：{list}',
  'evalHow.raters.outlier': '{rater}（{score}）',
  'evalHow.raters.moderated': '{sentence}；合议改为 {value}（{reason}）',
} as const;

export const EVALUATION_REASONS_EN: Record<keyof typeof EVALUATION_REASONS_ZH, string> = {
  'evalHow.join': '{raters}; {line}',
  'evalHow.list': ', ',
  'evalHow.missing': 'Not scored: counts as 0',
  'evalHow.raw': 'Scored {raw}',
  'evalHow.full': 'Full points {max}',
  'evalHow.deducted': '{start} − {deducted} deducted ({parts}, {points} per person-time) = {after}',
  'evalHow.part': '{reason} {count} person-times',
  'evalHow.floor': '{sentence}, deducted no lower than {floor}',
  'evalHow.score': '{sentence}; {score} / {max} points',
  'evalHow.reason.under_reported': 'under-reported',
  'evalHow.reason.missed_training': 'missed training',
  'evalHow.reason.not_completed': 'not completed',
  'evalHow.reason.ineligible': 'trainee not eligible',
  'evalHow.raters.trimmed': '{n} raters, mean of {counted} scores without the highest and lowest {mean}',
  'evalHow.raters.mean': 'Mean of {n} raters {mean}',
  'evalHow.raters.spread': '{sentence}, to one decimal {rounded}; range {range}, standard deviation {sd}',
  'evalHow.raters.outliers': '{sentence}; outliers: {list}',
  'evalHow.raters.outlier': '{rater} ({score})',
  'evalHow.raters.moderated': '{sentence}; moderated to {value} ({reason})',
};
