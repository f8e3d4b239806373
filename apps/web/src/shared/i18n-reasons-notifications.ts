/**
 * The notifications of the bell, by the code the server reads back from each (notification-words.ts picks the
 * key): `.title` and `.body` of each kind's variant, and the parts of a 学时 reminder. The zh-CN templates say
 * exactly what the senders write. Spread into the dictionaries of i18n.ts; `{name}` marks a parameter.
 */
export const NOTIFICATION_REASONS_ZH = {
  'notifWords.plan.submitted.title': '培训方案待审核：{programme}',
  'notifWords.plan.submitted.body': '{provider}提交了"{programme}"的培训方案（第 {version} 版），请审核。',
  'notifWords.plan.returned.title': '培训方案被退回：{programme}',
  'notifWords.plan.returned.body':
    '{owner}退回了"{programme}"的培训方案（第 {version} 版），修改意见：{comment}',
  'notifWords.plan.approved.title': '培训方案已批准：{programme}',
  'notifWords.plan.approved.body':
    '{owner}批准了"{programme}"的培训方案（第 {version} 版），贵单位为该项目的承训机构。',
  'notifWords.plan.approved.comment.title': '培训方案已批准：{programme}',
  'notifWords.plan.approved.comment.body':
    '{owner}批准了"{programme}"的培训方案（第 {version} 版），贵单位为该项目的承训机构。意见：{comment}',
  'notifWords.integrity.record.title': '培训诚信档案记录：{kind}',
  'notifWords.integrity.record.body':
    '{date} 因"{kind}"记入培训诚信档案：{years} 年内（至 {until}）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
  'notifWords.integrity.record.programme.title': '培训诚信档案记录：{kind}',
  'notifWords.integrity.record.programme.body':
    '{date} 因"{kind}"（{programme}）记入培训诚信档案：{years} 年内（至 {until}）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
  'notifWords.integrity.appeal.upheld.title': '诚信档案申诉成立',
  'notifWords.integrity.appeal.upheld.body': '您对 {date} 记录的申诉成立，该记录不再限制参训。理由：{reason}',
  'notifWords.integrity.appeal.rejected.title': '诚信档案申诉未获支持',
  'notifWords.integrity.appeal.rejected.body':
    '您对 {date} 记录的申诉未获支持，该记录继续有效。理由：{reason}',
  'notifWords.hours.claim.returned.school.title': '学时申报被退回：{claim}',
  'notifWords.hours.claim.returned.school.body': '学校退回了您的学时申报「{claim}」。原因：{reason}',
  'notifWords.hours.claim.returned.county.title': '学时申报被退回：{claim}',
  'notifWords.hours.claim.returned.county.body': '县区退回了您的学时申报「{claim}」。原因：{reason}',
  'notifWords.hours.claim.approved.title': '学时申报已认定：{claim}',
  'notifWords.hours.claim.approved.body':
    '您的学时申报「{claim}」已通过县区审核，{hours} 学时（{category}）已记入学时档案。',
  'notifWords.shortlist.submitted.title': '差额遴选结果待确认：{programme}',
  'notifWords.shortlist.submitted.body':
    '{provider}提交了"{programme}"的遴选结果（入选 {selected} 人，名额 {places} 个），请确认或退回。',
  'notifWords.shortlist.confirmed.title': '遴选结果已确认：{programme}',
  'notifWords.shortlist.confirmed.body': '{owner}确认了"{programme}"的遴选结果，入选学员已取得名额。',
  'notifWords.shortlist.returned.title': '遴选结果被退回：{programme}',
  'notifWords.shortlist.returned.body':
    '{owner}退回了"{programme}"的遴选结果，意见：{comment}。请修改后重新提交。',
  // a 学时 reminder (Y-HOURS-REMIND): the parts of core's complianceMessage, then what to do
  'notifWords.hours.behind.title': '学时进度提醒',
  'notifWords.hours.behind.body': '{parts}。请及时参加培训或申报学时。',
  'notifWords.hours.behind.separator': '；',
  'notifWords.hours.behind.cycle.onTrack': '本周期已计 {counted} 学时，进度达标',
  'notifWords.hours.behind.cycle.behind':
    '本周期已计 {counted} 学时，按进度应有 {expected} 学时，落后 {behind} 学时',
  'notifWords.hours.behind.year': '{year} 学年已计 {counted} 学时，按进度应有 {pace} 学时',
  'notifWords.hours.behind.category': '{year} 学年{category}已计 {counted} 学时，按进度应有 {pace} 学时',
} as const;

export const NOTIFICATION_REASONS_EN: Record<keyof typeof NOTIFICATION_REASONS_ZH, string> = {
  'notifWords.plan.submitted.title': 'Training plan to review: {programme}',
  'notifWords.plan.submitted.body':
    '{provider} submitted the training plan for "{programme}" (version {version}). Please review it.',
  'notifWords.plan.returned.title': 'Training plan returned: {programme}',
  'notifWords.plan.returned.body':
    '{owner} returned the training plan for "{programme}" (version {version}). Comments: {comment}',
  'notifWords.plan.approved.title': 'Training plan approved: {programme}',
  'notifWords.plan.approved.body':
    '{owner} approved the training plan for "{programme}" (version {version}). Your organisation is the programme\'s provider.',
  'notifWords.plan.approved.comment.title': 'Training plan approved: {programme}',
  'notifWords.plan.approved.comment.body':
    '{owner} approved the training plan for "{programme}" (version {version}). Your organisation is the programme\'s provider. Comments: {comment}',
  'notifWords.integrity.record.title': 'Training integrity record: {kind}',
  'notifWords.integrity.record.body':
    'Recorded in your training integrity record on {date} for "{kind}": for {years} years (until {until}) you may not attend centralised programmes organised by the province. If you disagree, you can appeal under "My integrity records".',
  'notifWords.integrity.record.programme.title': 'Training integrity record: {kind}',
  'notifWords.integrity.record.programme.body':
    'Recorded in your training integrity record on {date} for "{kind}" ({programme}): for {years} years (until {until}) you may not attend centralised programmes organised by the province. If you disagree, you can appeal under "My integrity records".',
  'notifWords.integrity.appeal.upheld.title': 'Integrity record appeal upheld',
  'notifWords.integrity.appeal.upheld.body':
    'Your appeal against the record of {date} is upheld: the record no longer bars you from training. Reason: {reason}',
  'notifWords.integrity.appeal.rejected.title': 'Integrity record appeal not upheld',
  'notifWords.integrity.appeal.rejected.body':
    'Your appeal against the record of {date} is not upheld: the record stands. Reason: {reason}',
  'notifWords.hours.claim.returned.school.title': 'Credit-hour claim returned: {claim}',
  'notifWords.hours.claim.returned.school.body':
    'Your school returned your credit-hour claim "{claim}". Reason: {reason}',
  'notifWords.hours.claim.returned.county.title': 'Credit-hour claim returned: {claim}',
  'notifWords.hours.claim.returned.county.body':
    'The county returned your credit-hour claim "{claim}". Reason: {reason}',
  'notifWords.hours.claim.approved.title': 'Credit-hour claim recognised: {claim}',
  'notifWords.hours.claim.approved.body':
    'Your credit-hour claim "{claim}" passed the county review: {hours} credit hours ({category}) are now in your record.',
  'notifWords.shortlist.submitted.title': 'Shortlist result to confirm: {programme}',
  'notifWords.shortlist.submitted.body':
    '{provider} submitted the selection result for "{programme}" ({selected} selected, {places} places). Please confirm or return it.',
  'notifWords.shortlist.confirmed.title': 'Selection result confirmed: {programme}',
  'notifWords.shortlist.confirmed.body':
    '{owner} confirmed the selection result for "{programme}": the selected trainees have their places.',
  'notifWords.shortlist.returned.title': 'Selection result returned: {programme}',
  'notifWords.shortlist.returned.body':
    '{owner} returned the selection result for "{programme}". Comments: {comment}. Please revise it and submit again.',
  'notifWords.hours.behind.title': 'Credit-hour progress reminder',
  'notifWords.hours.behind.body': '{parts}. Please attend training or claim credit hours in time.',
  'notifWords.hours.behind.separator': '; ',
  'notifWords.hours.behind.cycle.onTrack': 'This cycle: {counted} credit hours counted, on track',
  'notifWords.hours.behind.cycle.behind':
    'This cycle: {counted} credit hours counted, {expected} expected by now, {behind} behind',
  'notifWords.hours.behind.year':
    'School year {year}: {counted} credit hours counted, {pace} expected by now',
  'notifWords.hours.behind.category':
    'School year {year}, {category}: {counted} credit hours counted, {pace} expected by now',
};
