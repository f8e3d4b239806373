/**
 * Sentences the server also writes in Chinese (early warnings, deadlines, decisions), rendered here from their
 * code and values so en-US reads them in English; `shared/reasons.ts` picks the key. The zh-CN templates say
 * exactly what the server says. Spread into the dictionaries of i18n.ts; `{name}` marks a parameter.
 */
export const REASONS_ZH = {
  'reason.colon': '：',
  // early warnings (R-002-12): EW-BELOW and EW-DROP
  'reason.metric.score_rate': '得分率',
  'reason.metric.pass_rate': '及格率',
  'reason.metric.excellent_rate': '优秀率',
  'reason.metric.standardised': '标准分',
  'reason.ew.below': '{school}{metric} {value}，低于预警线 {reference}',
  'reason.ew.drop': '{school}{metric}从 {reference} 降到 {value}，降幅超过 {margin}',
  'reason.ew.points': '{n} 个百分点',
  // the deadline board of a class (R-004-09 … R-004-15)
  'reason.item.class_dates': '开班时间',
  'reason.item.registration_notice': '《报到通知书》',
  'reason.item.timetable': '培训课程表',
  'reason.item.bulletins': '《工作简报》（不少于 {n} 期）',
  'reason.days': '{n} 天',
  'reason.day': '1 天',
  'reason.due.lateDone': '{item}已报送，逾期 {days}（截止 {due}）',
  'reason.due.onTime': '{item}已按时报送（截止 {due}）',
  'reason.due.overdue': '{item}已逾期 {days}（截止 {due}）',
  'reason.due.today': '{item}今天截止',
  'reason.due.soon': '{item}还有 {days}截止（{due}）',
  'reason.due.notYet': '{item}未到期（截止 {due}）',
  'reason.due.bulletinsSoFar': '{sentence}；已报 {n} 期',
} as const;

export const REASONS_EN: Record<keyof typeof REASONS_ZH, string> = {
  'reason.colon': ': ',
  'reason.metric.score_rate': 'score rate',
  'reason.metric.pass_rate': 'pass rate',
  'reason.metric.excellent_rate': 'excellent rate',
  'reason.metric.standardised': 'standardised score',
  'reason.ew.below': '{school}: {metric} {value}, below the warning line of {reference}',
  'reason.ew.drop': '{school}: {metric} fell from {reference} to {value}, a drop of more than {margin}',
  'reason.ew.points': '{n} percentage points',
  'reason.item.class_dates': 'Class dates',
  'reason.item.registration_notice': 'Registration notice',
  'reason.item.timetable': 'Timetable',
  'reason.item.bulletins': 'Work bulletins (at least {n})',
  'reason.days': '{n} days',
  'reason.day': '1 day',
  'reason.due.lateDone': '{item}: submitted {days} late (due {due})',
  'reason.due.onTime': '{item}: submitted on time (due {due})',
  'reason.due.overdue': '{item}: {days} overdue (due {due})',
  'reason.due.today': '{item}: due today',
  'reason.due.soon': '{item}: due in {days} ({due})',
  'reason.due.notYet': '{item}: not yet due (due {due})',
  'reason.due.bulletinsSoFar': '{sentence}; {n} submitted so far',
};
