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
  // live values beside a unit: each metric's name by its key, R3-B03's person-times by their numbers
  'evalLive.selection_quality_deduction': '遴选质量扣分（少报、缺培、未结业、不符合遴选条件）',
  'evalLive.selection_rates': '选送率、参训率、结业率（目标均为 100%）',
  'evalLive.trainer_team': '县级教师培训师队伍（不少于 50 人，发挥作用比例不低于 90%）',
  'evalLive.trainer_team_size': '县级教师培训师队伍人数（不少于 50 人）',
  'evalLive.trainer_active_share': '培训师参与项目发挥作用的比例（不低于 90%）',
  'evalLive.studio_ratio': '“三名”工作室数与参训骨干人数之比（不低于 10%）',
  'evalLive.studio_reach': '工作室年度引领教师（每个工作室至少 5 名）',
  'evalLive.workshop_activities': '年度研修活动开展（已开展 ÷ 计划）',
  'evalLive.school_training_budget': '教师培训经费（不低于公用经费预算总额的 5%，使用率不低于 90%）',
  'evalLive.detail.selection_quality_deduction':
    '{total} 人次：少报 {underReported}、缺培 {missed}、未结业 {notCompleted}、不符合遴选条件 {ineligible}（{year} 年 {programmes} 个培训项目）',
  // rubric validation (core's checkRubric), by finding code; labels are the rubric's own
  'rubricCheck.of.points': '分值',
  'rubricCheck.of.deduction': '扣分',
  'rubricCheck.DUPLICATE_ID': '编号 {id} 重复使用',
  'rubricCheck.NEGATIVE_POINTS': '「{label}」的{of}为负数（{points}）',
  'rubricCheck.NEGATIVE_POINTS.group': '合并评分格「{groupTitle}」的分值为负数（{points}）',
  'rubricCheck.POINTS_PRECISION': '「{label}」的{of}超过一位小数（{points}）',
  'rubricCheck.EMPTY_INDICATOR.untitled': '指标 {node} 没有名称也没有内容',
  'rubricCheck.EMPTY_INDICATOR': '指标「{label}」下没有任何评价内容',
  'rubricCheck.DEDUCTION_WITHOUT_FLOOR': '「{label}」的扣分没有下限，扣分可能使本项得分低于 0 分',
  'rubricCheck.SECTION_SUM_MISMATCH': '「{label}」标注 {declared} 分，所列各项合计 {sum} 分',
  'rubricCheck.GROUP_EMPTY': '合并评分格「{groupTitle}」没有包含任何项目',
  'rubricCheck.GROUP_SPLIT': '合并评分格「{groupTitle}」的项目分属不同指标',
  'rubricCheck.GROUP_ITEM_POINTS': '「{label}」属于合并评分格「{groupTitle}」，不应再有自己的分值',
  'rubricCheck.DEDUCTION_TWICE': '评分单元「{label}」内有两条扣分规则，无法确定按哪一条扣分',
  'rubricCheck.GROUP_UNKNOWN': '「{label}」所属的合并评分格 {group} 不存在',
  'rubricCheck.ITEM_UNSCORED': '「{label}」没有分值，上级指标也不是整体评分，无法评分',
  'rubricCheck.DECLARED_TOTAL_MISMATCH':
    '评价标准标注总分 {declaredTotal} 分，各一级指标标注合计 {sectionSum} 分',
  'rubricCheck.TOTAL_MISMATCH': '各项分值合计 {itemTotal} 分，标注总分 {declared} 分，需选择按哪个满分计分',
  'rubricCheck.BANDS': '等次划分须在 0–100% 之间，并有一个从 0% 起的最低等次',
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
  'evalLive.selection_quality_deduction':
    'Selection quality deductions (under-reported, missed training, not completed, trainee not eligible)',
  'evalLive.selection_rates': 'Nomination, attendance and completion rates (target 100% each)',
  'evalLive.trainer_team': 'County trainer team (at least 50, at least 90% active)',
  'evalLive.trainer_team_size': 'County trainer team size (at least 50)',
  'evalLive.trainer_active_share': 'Share of trainers active in programmes (at least 90%)',
  'evalLive.studio_ratio': 'Master studios per trained backbone teacher (at least 10%)',
  'evalLive.studio_reach': 'Teachers led by each studio a year (at least 5)',
  'evalLive.workshop_activities': 'Research activities held this year (held ÷ planned)',
  'evalLive.school_training_budget':
    'Teacher-training budget (at least 5% of public funds, at least 90% used)',
  'evalLive.detail.selection_quality_deduction':
    '{total} person-times: under-reported {underReported}, missed training {missed}, not completed {notCompleted}, trainee not eligible {ineligible} ({programmes} programmes in {year})',
  'rubricCheck.of.points': 'points',
  'rubricCheck.of.deduction': 'deduction',
  'rubricCheck.DUPLICATE_ID': 'The ID {id} is used more than once',
  'rubricCheck.NEGATIVE_POINTS': '"{label}": the {of} are negative ({points})',
  'rubricCheck.NEGATIVE_POINTS.group': 'Merged cell "{groupTitle}": the points are negative ({points})',
  'rubricCheck.POINTS_PRECISION': '"{label}": the {of} have more than one decimal ({points})',
  'rubricCheck.EMPTY_INDICATOR.untitled': 'Indicator {node} has neither a title nor a text',
  'rubricCheck.EMPTY_INDICATOR': 'Indicator "{label}" has nothing to evaluate under it',
  'rubricCheck.DEDUCTION_WITHOUT_FLOOR':
    '"{label}": the deduction has no floor, so deductions may take the item below 0',
  'rubricCheck.SECTION_SUM_MISMATCH': '"{label}" is marked {declared} points, its items add up to {sum}',
  'rubricCheck.GROUP_EMPTY': 'Merged cell "{groupTitle}" contains no items',
  'rubricCheck.GROUP_SPLIT': 'Merged cell "{groupTitle}" has items under different indicators',
  'rubricCheck.GROUP_ITEM_POINTS':
    '"{label}" belongs to merged cell "{groupTitle}" and should have no points of its own',
  'rubricCheck.DEDUCTION_TWICE':
    'Unit "{label}" has two deduction rules: which one applies cannot be decided',
  'rubricCheck.GROUP_UNKNOWN': '"{label}" belongs to merged cell {group}, which does not exist',
  'rubricCheck.ITEM_UNSCORED':
    '"{label}" has no points and its parent is not scored as a whole: it cannot be scored',
  'rubricCheck.DECLARED_TOTAL_MISMATCH':
    'The rubric is marked {declaredTotal} points in all, its top-level indicators add up to {sectionSum}',
  'rubricCheck.TOTAL_MISMATCH':
    'The items add up to {itemTotal} points, the marked total is {declared}: choose which maximum to score against',
  'rubricCheck.BANDS': 'Grade bands must lie between 0% and 100%, with a lowest band starting at 0%',
};
