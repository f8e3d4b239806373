/**
 * The 学时 ledger's sentences (what of an entry is not counted and why, the cycle, each requirement), built by
 * features/outcomes/hours-words.ts from the codes and values the server sends. The zh-CN templates say exactly
 * what core says; `{name}` marks a parameter. Spread into the dictionaries of i18n.ts.
 */
export const HOURS_REASONS_ZH = {
  'hoursSays.join': '',
  'hours.yearCategories': '（{list}）',
  'hours.yearCategories.sep': '，',
  'hoursSays.DAY_CAP':
    '{category}每天最多计 {cap} 学时：{days} 天最多计 {limit} 学时，本条 {amount} 学时中 {cut} 学时不计入。',
  'hoursSays.YEAR_CAP':
    '{category}每学年最多计 {cap} 学时：{schoolYear}此前已计 {before} 学时，本条 {allowed} 学时中 {cut} 学时不计入。',
  'hoursSays.cycle': '本周期（{span}）应完成 {target} 学时，已计 {counted} 学时{left}；{progress}',
  'hoursSays.cycle.left': '，还差 {n} 学时',
  'hoursSays.cycle.done': '，已完成',
  'hoursSays.cycle.noneOver': '周期内尚无结束的学年。',
  'hoursSays.cycle.progress': '已过 {elapsed} 个学年，按进度此时应有 {expected} 学时，{pace}。',
  'hoursSays.cycle.onTrack': '进度达标',
  'hoursSays.cycle.behind': '落后 {n} 学时',
  'hoursSays.CATEGORY_YEAR_MIN':
    '{schoolYear}{category}应完成 {required} 学时，已计 {counted} 学时，{shortfall}',
  'hoursSays.YEAR_MIN':
    '{schoolYear}{group}培训学时应不少于 {required} 学时，已计 {counted} 学时，{shortfall}',
  'hoursSays.YEAR_MIN.group': '{group}',
  'hoursSays.met': '已达到。',
  'hoursSays.not_met': '还差 {n} 学时。',
  'hoursSays.in_progress': '还差 {n} 学时（学年未结束）。',
  // 学时达标: one teacher's standing in the compliance list (core's complianceMessage)
  'hcSays.onTrack': '本周期已计 {counted} 学时，进度达标',
  'hcSays.behind': '本周期已计 {counted} 学时，按进度应有 {expected} 学时，落后 {short} 学时',
  'hcSays.category': '{schoolYear}{category}已计 {counted} 学时，按进度应有 {pace} 学时',
  'hcSays.year': '{schoolYear}已计 {counted} 学时，按进度应有 {pace} 学时',
  'hcSays.sep': '；',
  'hcSays.end': '{parts}。',
} as const;

export const HOURS_REASONS_EN: Record<keyof typeof HOURS_REASONS_ZH, string> = {
  'hoursSays.join': ' ',
  'hours.yearCategories': ' ({list})',
  'hours.yearCategories.sep': ', ',
  'hoursSays.DAY_CAP':
    "{category}: at most {cap} h count per day; {days} day(s) count at most {limit} h, so {cut} h of this entry's {amount} h do not count.",
  'hoursSays.YEAR_CAP':
    "{category}: at most {cap} h count per school year; {before} h already counted in {schoolYear}, so {cut} h of this entry's {allowed} h do not count.",
  'hoursSays.cycle': 'This cycle ({span}) requires {target} h; {counted} h counted{left}; {progress}',
  'hoursSays.cycle.left': ', {n} h to go',
  'hoursSays.cycle.done': ', complete',
  'hoursSays.cycle.noneOver': 'no school year of the cycle is over yet.',
  'hoursSays.cycle.progress': '{elapsed} school year(s) over, {expected} h expected by now: {pace}.',
  'hoursSays.cycle.onTrack': 'on track',
  'hoursSays.cycle.behind': '{n} h behind',
  'hoursSays.CATEGORY_YEAR_MIN':
    'School year {schoolYear}: {category} requires {required} h, {counted} h counted; {shortfall}',
  'hoursSays.YEAR_MIN':
    'School year {schoolYear}: at least {required} h of training{group}, {counted} h counted; {shortfall}',
  'hoursSays.YEAR_MIN.group': ' as {group}',
  'hoursSays.met': 'met.',
  'hoursSays.not_met': '{n} h short.',
  'hoursSays.in_progress': '{n} h short (the school year is not over).',
  'hcSays.onTrack': 'This cycle: {counted} h counted, on track',
  'hcSays.behind': 'This cycle: {counted} h counted, {expected} h expected by now, {short} h behind',
  'hcSays.category': 'School year {schoolYear}: {category} {counted} h counted, {pace} h expected by now',
  'hcSays.year': 'School year {schoolYear}: {counted} h counted, {pace} h expected by now',
  'hcSays.sep': '; ',
  'hcSays.end': '{parts}.',
};

/**
 * A 学时 claim's problems in English, by core's ClaimProblemCode (hours/claims.ts) with its values; zh-CN keeps
 * the server's sentence. `{name}` marks a value, `{field}` the field's name.
 */
export const CLAIM_PROBLEMS_EN: Record<string, string> = {
  'CLAIM.REQUIRED': 'Fill in the {field}',
  'CLAIM.TOO_LONG': 'The {field} may have at most {max} characters, not {length}',
  'CLAIM.CERTIFICATE_TOO_LONG': 'The certificate number may have at most {max} characters',
  'CLAIM.START_INVALID': 'The start date is not a valid date (year-month-day)',
  'CLAIM.END_INVALID': 'The end date is not a valid date (year-month-day)',
  'CLAIM.END_BEFORE_START': 'The end date {endDate} is before the start date {startDate}',
  'CLAIM.IN_FUTURE':
    'The {field} {date} is later than today ({today}): only finished activities can be claimed',
  'CLAIM.HOURS_NOT_POSITIVE': 'The hours claimed must be more than 0 (at least 0.1)',
  'CLAIM.HOURS_OVER_CAP':
    '{hours} h is more than allowed: {startDate} to {endDate} is {days} day(s), at most {dayMax} h a day, {max} h in all',
};

/** The claim form's fields as a problem names them. */
export const CLAIM_FIELDS_EN: Record<string, string> = {
  title: 'title',
  issuer: 'issuing or organising unit',
  startDate: 'start date',
  endDate: 'end date',
};
