/**
 * The findings of core's community checks (studios, workshops, pairings, school-based research, the training
 * budget), rendered from their code and values (finding-words.ts picks the key). The zh-CN templates say exactly
 * what core says. Spread into the dictionaries of i18n.ts; `{name}` marks a parameter.
 */
export const FINDING_REASONS_ZH = {
  'finding.list': '、',
  'finding.locale': 'zh-CN',
  'finding.hours': '{n} 学时',
  'finding.month': '{y} 年 {m} 月',
  'finding.wan': '{n} 万元',
  'finding.yuan': '{n} 元',
  'finding.unlimited': '不限',
  'finding.moved': '{member}调至{school}后，{sentence}',
  'finding.COMM.SCHOOL_UNKNOWN': '成员{members}的所在学校不在学校名单中，无法判断其所在区域',
  'finding.COMM.WORKSHOP_CORE': '核心成员 {core} 人，应为 {min}～{max} 人',
  'finding.COMM.WORKSHOP_FORMAL.team': '成员总数 {formal} 人，应为 {min}～{max} 人',
  'finding.COMM.WORKSHOP_FORMAL.others': '核心成员以外的成员 {formal} 人，应为 {min}～{max} 人',
  'finding.COMM.CORE_AREAS':
    '核心成员只来自 {areas} 个不同区域的学校，至少应有 {min} 个（中心校与其下辖小学算同一区域）',
  'finding.COMM.HOST_UNIT_SHARE.team':
    '主持单位的核心成员 {n} 人，超过团队总数 {base} 人的 {share}（最多 {allowed} 人）',
  'finding.COMM.HOST_UNIT_SHARE.core':
    '主持单位的核心成员 {n} 人，超过核心成员数 {base} 人的 {share}（最多 {allowed} 人）',
  'finding.COMM.MEMBER_AREAS': '申报成员只来自 {areas} 个不同区域的学校，至少应有 {min} 个',
  'finding.studio.county_studio': '县域工作室',
  'finding.COMM.STUDIO_HOSTS': '{studio}应有 {required} 名主持人，实有 {hosts} 名',
  'finding.COMM.STUDIO_MEMBERS.exact': '{studio}应有成员 {min} 名，实有 {core} 名',
  'finding.COMM.STUDIO_MEMBERS.range': '{studio}应有成员 {min}～{max} 名，实有 {core} 名',
  'finding.COMM.STUDIO_MENTEES': '{studio}应有学员 {min}～{max} 名，实有 {mentees} 名',
  'finding.COMM.STUDIO_REACH': '本年度引领教师 {n} 名，少于 {min} 名',
  'finding.COMM.PAIRED_SCHOOLS.dev_school': '教师发展学校帮扶带动 {paired} 所学校，应为 {min}～{max} 所',
  'finding.COMM.PAIRED_SCHOOLS.demo_school': '校本研修示范校帮扶带动 {paired} 所学校，应为 {min}～{max} 所',
  'finding.COMM.TWO_WAY_PAIR':
    '双向协作应为{requiredStudioLevel}工作室与{requiredWorkshopLevel}工作坊结对，现为{studioLevel}{studioKind}与{workshopLevel}{workshopKind}',
  'finding.COMM.SESSION_OUTSIDE_YEAR': '第 {position} 次活动的日期 {date} 不在 {schoolYear}内',
  'finding.COMM.MONTHS_SHORT': '每月应集中研修 {min} 次，以下月份不足：{months}',
  'finding.COMM.SESSIONS': '本学年集中活动 {sessions} 次，少于 {min} 次',
  'finding.COMM.SESSION_CONTENT':
    '第 {position} 次活动（{date}）有现场授课 {liveLessons} 节、议课或讲座 {discussions} 次；每次应有现场授课 {liveLessonsMin}～{liveLessonsMax} 节和至少 {discussionsMin} 次议课或讲座',
  'finding.COMM.READING_FORUMS': '本学年应有 {min} 次专业阅读论坛，实有 {forums} 次',
  'finding.COMM.HOST_ROTATION': '全年活动应在核心成员学校中轮流举行，有 {n} 所核心成员学校没有承办活动',
  'finding.COMM.HOSTED_OUTSIDE': '有 {n} 次活动不在核心成员学校举行',
  'finding.COMM.REGISTRATION_EXPIRED': '注册有效期 {years} 个学年，已于 {validUntil} 到期，需重新申报注册',
  'finding.COMM.ADJUSTMENT_OUTSIDE': '{on} 的成员调整不在本次注册的有效期（{schoolYears}）内',
  'finding.COMM.ADJUSTMENTS': '{schoolYear}调整成员 {adjustments} 次，每学年最多 {max} 次',
  'finding.COMM.HOURS_INVALID': '出勤天数 {days} 或学时 {hours} 无效，不计学时',
  'finding.COMM.HOURS_DAY_CAP': '每天最多计 {cap}：{days} 天最多 {limit}，超出的 {over}不计入',
  'finding.COMM.HOURS_YEAR_CAP':
    '每学年最多计 {cap}：本学年此前已计 {before}，本次 {counted}中 {room}计入，{rest}不计入',
  'finding.COMM.REVIEW_HELD': '本月计划活动 {planned} 次，实际开展 {held} 次',
  'finding.COMM.REVIEW_ATTENDANCE': '本月出勤率 {rate}，低于 {min}',
  'finding.COMM.REVIEW_NO_OUTPUTS': '本月开展活动 {held} 次，没有提交成果',
  'finding.COMM.REVIEWS_MISSING': '有 {n} 个月没有月度评价记录：{months}',
  'finding.COMM.SCHOOL_PLAN_LATE.missing': '年度校本研修方案应在 {lastDay} 前（含当天）提交，至今未提交',
  'finding.COMM.SCHOOL_PLAN_LATE.late': '年度校本研修方案于 {submittedOn} 提交，晚于 {lastDay} 的截止日',
  'finding.COMM.BUDGET_SHARE': '教师培训经费 {budget}，占公用经费 {share}，低于 {min}',
  'finding.COMM.BUDGET_USE': '已用于教师培训 {used}，占培训经费 {share}，低于 {min}',
} as const;

export const FINDING_REASONS_EN: Record<keyof typeof FINDING_REASONS_ZH, string> = {
  'finding.list': ', ',
  'finding.locale': 'en-US',
  'finding.hours': '{n} credit hours',
  'finding.month': '{y}-{m}',
  'finding.wan': '{n} × 10,000 yuan',
  'finding.yuan': '{n} yuan',
  'finding.unlimited': 'any number',
  'finding.moved': 'After {member} moves to {school}: {sentence}',
  'finding.COMM.SCHOOL_UNKNOWN':
    'The schools of {members} are not in the school list, so their areas cannot be judged',
  'finding.COMM.WORKSHOP_CORE': '{core} core members; {min}–{max} required',
  'finding.COMM.WORKSHOP_FORMAL.team': '{formal} members in all; {min}–{max} required',
  'finding.COMM.WORKSHOP_FORMAL.others': '{formal} members besides the core; {min}–{max} required',
  'finding.COMM.CORE_AREAS':
    'Core members come from schools in only {areas} areas; at least {min} required (a central school and its primary schools count as one area)',
  'finding.COMM.HOST_UNIT_SHARE.team':
    'The host unit has {n} core members, more than {share} of the team of {base} (at most {allowed})',
  'finding.COMM.HOST_UNIT_SHARE.core':
    'The host unit has {n} core members, more than {share} of the {base} core members (at most {allowed})',
  'finding.COMM.MEMBER_AREAS': 'Applicants come from schools in only {areas} areas; at least {min} required',
  'finding.studio.county_studio': 'County studio',
  'finding.COMM.STUDIO_HOSTS': '{studio}: {required} hosts required, {hosts} named',
  'finding.COMM.STUDIO_MEMBERS.exact': '{studio}: {min} members required, {core} named',
  'finding.COMM.STUDIO_MEMBERS.range': '{studio}: {min}–{max} members required, {core} named',
  'finding.COMM.STUDIO_MENTEES': '{studio}: {min}–{max} trainees required, {mentees} named',
  'finding.COMM.STUDIO_REACH': '{n} teachers led this year, fewer than {min}',
  'finding.COMM.PAIRED_SCHOOLS.dev_school':
    'The teacher development school supports {paired} schools; {min}–{max} required',
  'finding.COMM.PAIRED_SCHOOLS.demo_school':
    'The school-based research model school supports {paired} schools; {min}–{max} required',
  'finding.COMM.TWO_WAY_PAIR':
    'A two-way pair should join a studio at {requiredStudioLevel} level with a workshop at {requiredWorkshopLevel} level; this pairs a {studioKind} ({studioLevel}) with a {workshopKind} ({workshopLevel})',
  'finding.COMM.SESSION_OUTSIDE_YEAR':
    'Activity {position} on {date} is outside the school year {schoolYear}',
  'finding.COMM.MONTHS_SHORT': '{min} group sessions a month required; too few in: {months}',
  'finding.COMM.SESSIONS': '{sessions} group activities this school year, fewer than {min}',
  'finding.COMM.SESSION_CONTENT':
    'Activity {position} ({date}) has {liveLessons} live lessons and {discussions} discussions or lectures; each needs {liveLessonsMin}–{liveLessonsMax} live lessons and at least {discussionsMin} discussions or lectures',
  'finding.COMM.READING_FORUMS': '{min} professional reading forums required this school year, {forums} held',
  'finding.COMM.HOST_ROTATION':
    "The year's activities should rotate among the core members' schools; {n} core members' schools hosted none",
  'finding.COMM.HOSTED_OUTSIDE': "{n} activities were not held at a core member's school",
  'finding.COMM.REGISTRATION_EXPIRED':
    'The registration is valid for {years} school years and expired on {validUntil}: register again',
  'finding.COMM.ADJUSTMENT_OUTSIDE':
    'The member change on {on} is outside this registration (school years {schoolYears})',
  'finding.COMM.ADJUSTMENTS':
    '{adjustments} member changes in school year {schoolYear}, at most {max} allowed',
  'finding.COMM.HOURS_INVALID':
    'Attendance of {days} days or {hours} credit hours is not valid: no credit hours counted',
  'finding.COMM.HOURS_DAY_CAP':
    'At most {cap} a day: {days} days count at most {limit}; the {over} over it are not counted',
  'finding.COMM.HOURS_YEAR_CAP':
    'At most {cap} a school year: {before} counted earlier this year, so {room} of these {counted} count and {rest} do not',
  'finding.COMM.REVIEW_HELD': '{planned} activities planned this month, {held} held',
  'finding.COMM.REVIEW_ATTENDANCE': 'Attendance this month {rate}, below {min}',
  'finding.COMM.REVIEW_NO_OUTPUTS': '{held} activities held this month, no outcome submitted',
  'finding.COMM.REVIEWS_MISSING': '{n} months without a monthly review: {months}',
  'finding.COMM.SCHOOL_PLAN_LATE.missing':
    'The annual school-based research plan was due by {lastDay} (inclusive) and has not been submitted',
  'finding.COMM.SCHOOL_PLAN_LATE.late':
    'The annual school-based research plan was submitted on {submittedOn}, after the deadline of {lastDay}',
  'finding.COMM.BUDGET_SHARE': 'Teacher-training budget {budget}: {share} of public funds, below {min}',
  'finding.COMM.BUDGET_USE': 'Spent on teacher training {used}: {share} of the training budget, below {min}',
};
