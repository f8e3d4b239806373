/**
 * Refusals of the quota features (名额, nominations, 差额遴选, 替训), by the `reasonCode` the server sends beside
 * its sentence (features/programs/quota-words.ts fills in the values). The zh-CN templates say exactly what the
 * server says; `{name}` marks a parameter. Spread into the dictionaries of i18n.ts.
 */
export const QUOTA_REASONS_ZH = {
  'quota.what.submit': '提交',
  'quota.what.submit_result': '提交遴选结果',
  'quota.what.edit_result': '修改遴选结果',
  'quota.says.QUOTA.FULL': '{org}的名额已满，可选择进入候补名单',
  'quota.says.QUOTA.CANDIDATE_CAP':
    '{org}本项目名额 {seats} 个，按 1:{ratio} 差额遴选最多推荐 {cap} 名候选人，已推荐 {candidates} 名',
  'quota.says.QUOTA.OVER_ALLOCATED':
    '名额超出：下级名额合计 {allocated} 个，超过本级名额 {available} 个（多 {over} 个）',
  'quota.says.QUOTA.OVER_ALLOCATED_USED':
    '名额超出：下级名额合计 {allocated} 个，超过本级名额 {available} 个（多 {over} 个）（本级名额 {seats} 个，其中已推荐 {used} 个）',
  'quota.problem.QUOTA.OVER_ALLOCATED':
    '下级名额合计 {allocated} 个，超过本级名额 {parentSeats} 个（多 {over} 个）',
  'quota.says.QUOTA.UNDER_ALLOCATED':
    '尚有 {unused} 个名额未分配（本级 {parentSeats} 个，已分配 {allocated} 个），须足额完成下达的指标',
  'quota.says.QUOTA.BELOW_USED': '{child}已下达 {allocated} 个、已推荐 {used} 个名额，不能减到 {seats} 个',
  'quota.says.QUOTA.BAD_SEATS': '下级单位 {childId} 的名额应为非负整数，实为 {seats}',
  'quota.says.QUOTA.DUPLICATE_CHILD': '下级单位 {childId} 重复分配',
  'quota.says.QUOTA.INVALID': '名额分配不正确',
  'quota.says.QUOTA.NOT_ALLOCATABLE': '{org}不是可分配名额的单位（市、县区、乡镇或学校）',
  'quota.says.QUOTA.NESTED': '{org}与其上级单位不能在同一层分配名额',
  'quota.says.QUOTA.OTHER_PARENT': '单位 {orgId} 已从其他上级获得本项目名额',
  'quota.says.QUOTA.NO_PARENT': '项目主办单位的名额没有上级可收回',
  'quota.says.QUOTA.PULLBACK_PARENT_ONLY': '只有下达名额的上级单位可以收回名额',
  'quota.says.QUOTA.PULLBACK_CLOSED': '遴选已于 {deadline} 截止，不能再收回名额',
  'quota.says.QUOTA.PULLBACK_UNUSED':
    '{org}只有 {unused} 个未使用名额（名额 {seats}，已下达 {allocated}，已推荐 {used}），不能收回 {requested} 个',
  'quota.says.QUOTA.NO_CHILDREN': '{org}没有可分配名额的下级单位',
  'quota.says.QUOTA.RURAL_OVER': '预留乡村名额 {reservedRural} 个超过可分配名额 {seats} 个',
  'quota.says.QUOTA.CHANGED': '{org}的名额已变化，请刷新后重试',
  'quota.says.NOMINATION.DUPLICATE': '{teacher}已被推荐参加本项目',
  'quota.says.NOMINATION.OUTSIDE_ORG': '{teacher}不在{org}，不能占用其名额',
  'quota.says.NOMINATION.INELIGIBLE': '该教师不符合推荐条件：{labels}',
  'quota.says.NOMINATION.NEEDS_OVERRIDE': '该教师{labels}不符合"原则上"的要求，须填写例外理由后方可推荐',
  'quota.says.NOMINATION.GONE': '该推荐已撤回或已被替换',
  'quota.says.SHORTLIST.NOT_COMPETITIVE': '本项目不采取差额遴选，推荐即入选',
  'quota.says.SHORTLIST.PROVIDER_SELECTING':
    '承训高校已在平台上进行差额遴选，请在"差额遴选"中确认或退回其提交的名单',
  'quota.says.SHORTLIST.NOT_CANDIDATES': '推荐记录 {ids} 不是{org}的候选人',
  'quota.says.SHORTLIST.OVER_FREE': '{org}只有 {free} 个名额，不能确定 {selected} 人入选',
  'quota.says.SHORTLIST.NO_PROVIDER': '本项目尚未批准承训机构，差额遴选由承训高校进行，请先审批培训方案',
  'quota.says.SHORTLIST.DEADLINE_PASSED':
    '遴选已于 {deadline} 截止，不能再{what}；如需延期，请项目主办单位修改遴选截止日期',
  'quota.says.SHORTLIST.PROVIDER_ONLY': '差额遴选由承训高校（{provider}）进行',
  'quota.says.SHORTLIST.OWNER_ONLY': '只有项目主办单位（{owner}）可以确认或退回遴选结果',
  'quota.says.SHORTLIST.PROBLEMS': '遴选结果有 {count} 处问题：{list}',
  'quota.says.SHORTLIST.OVER_PLACES':
    '{org}名额 {places} 个，确定入选 {selected} 人，超出 {over} 人，入选不得超过名额',
  'quota.says.SHORTLIST.OVER_TOTAL':
    '本项目名额 {places} 个，确定入选 {selected} 人，超出 {over} 人，入选不得超过名额',
  'quota.says.SHORTLIST.UNDECIDED': '{org}还有 {undecided} 名候选人未确定是否入选',
  'quota.says.SHORTLIST.EMPTY': '本项目还没有候选人，无法提交遴选结果',
  'quota.says.SHORTLIST.CONFIRMED': '遴选结果已确认，不能再{what}',
  'quota.says.SHORTLIST.SUBMITTED':
    '遴选结果已提交，等待项目主办单位确认，不能重复提交或再{what}；如需修改，请主办单位退回',
  'quota.says.SHORTLIST.SUBMITTED_ON':
    '遴选结果已于 {submittedOn} 提交，等待项目主办单位确认，不能重复提交或再{what}；如需修改，请主办单位退回',
  'quota.says.SHORTLIST.CANDIDATES_CHANGED': '{org}的候选人已变化，请刷新后重试',
  'quota.says.SHORTLIST.QUOTA_SHORT': '{org}的名额已变化，不足 {selected} 个，请退回承训机构重新遴选',
  'quota.says.SHORTLIST.DUPLICATE_RECORD': '推荐记录 {id} 重复出现',
  'quota.says.SHORTLIST.NOT_PROGRAMME_CANDIDATES': '推荐记录 {ids} 不是本项目的候选人，不能参加差额遴选',
  'quota.says.SHORTLIST.REASON_REQUIRED': '{teacher}未入选须写明原因，原因会通知本人',
  'quota.says.SHORTLIST.ALREADY_CONFIRMED': '遴选结果已确认',
  'quota.says.SHORTLIST.NOT_SUBMITTED': '承训机构尚未提交遴选结果，无可确认',
  'quota.says.SHORTLIST.CONFIRMED_NO_RETURN': '遴选结果已确认，不能退回',
  'quota.says.SHORTLIST.NOT_SUBMITTED_RETURN': '承训机构尚未提交遴选结果，无可退回',
  'quota.says.SUBSTITUTION.OUTSIDE_ORG': '{teacher}不在{org}，不能占用其名额替训',
  'quota.says.SUBSTITUTION.APPROVER_ONLY': '替训申请由下达该单位名额的上级审批',
  'quota.says.SUBSTITUTION.DECIDED': '该替训申请已处理',
  'quota.says.SUBSTITUTION.REASON_REQUIRED': '不同意替训时须填写理由',
  'quota.says.SUBSTITUTION.REPLACED_GONE': '被替换的推荐已不在入选状态',
  'quota.says.SUBSTITUTION.ONLY_SELECTED': '只能替换已入选的推荐',
  'quota.says.SUBSTITUTION.PENDING': '该推荐已有待审批的替训申请',
} as const;

export const QUOTA_REASONS_EN: Record<keyof typeof QUOTA_REASONS_ZH, string> = {
  'quota.what.submit': 'submit',
  'quota.what.submit_result': 'submit the selection',
  'quota.what.edit_result': 'change the selection',
  'quota.says.QUOTA.FULL': '{org} has no seats left; the nomination can go on the waiting list',
  'quota.says.QUOTA.CANDIDATE_CAP':
    '{org} has {seats} seats in this programme: with competitive selection at 1:{ratio} it may put up at most {cap} candidates, and has put up {candidates}',
  'quota.says.QUOTA.OVER_ALLOCATED':
    'Over quota: the units below hold {allocated} seats in total, more than the {available} seats here ({over} too many)',
  'quota.says.QUOTA.OVER_ALLOCATED_USED':
    'Over quota: the units below hold {allocated} seats in total, more than the {available} seats here ({over} too many) ({seats} seats here, {used} of them already nominated)',
  'quota.problem.QUOTA.OVER_ALLOCATED':
    'The units below hold {allocated} seats in total, more than the {parentSeats} seats here ({over} too many)',
  'quota.says.QUOTA.UNDER_ALLOCATED':
    '{unused} seats are not yet allocated ({parentSeats} here, {allocated} allocated); the whole quota must be passed on',
  'quota.says.QUOTA.BELOW_USED':
    '{child} has passed on {allocated} seats and nominated {used}: its seats cannot go down to {seats}',
  'quota.says.QUOTA.BAD_SEATS': 'The seats of unit {childId} must be a whole number, 0 or more, not {seats}',
  'quota.says.QUOTA.DUPLICATE_CHILD': 'Unit {childId} is allocated seats twice',
  'quota.says.QUOTA.INVALID': 'The allocation of seats is not valid',
  'quota.says.QUOTA.NOT_ALLOCATABLE': '{org} cannot hold seats (only a city, county, township or school can)',
  'quota.says.QUOTA.NESTED': '{org} and a unit above it cannot be allocated seats at the same level',
  'quota.says.QUOTA.OTHER_PARENT':
    'Unit {orgId} already holds seats of this programme from another unit above it',
  'quota.says.QUOTA.NO_PARENT': 'The organising unit has no unit above it to take its seats back',
  'quota.says.QUOTA.PULLBACK_PARENT_ONLY': 'Only the unit above that passed on the seats can take them back',
  'quota.says.QUOTA.PULLBACK_CLOSED': 'Selection closed on {deadline}: seats can no longer be taken back',
  'quota.says.QUOTA.PULLBACK_UNUSED':
    '{org} has only {unused} unused seats ({seats} seats, {allocated} passed on, {used} nominated): {requested} cannot be taken back',
  'quota.says.QUOTA.NO_CHILDREN': '{org} has no units below it that can hold seats',
  'quota.says.QUOTA.RURAL_OVER':
    'The {reservedRural} seats reserved for rural schools exceed the {seats} seats to allocate',
  'quota.says.QUOTA.CHANGED': 'The seats of {org} have changed; reload and try again',
  'quota.says.NOMINATION.DUPLICATE': '{teacher} is already nominated for this programme',
  'quota.says.NOMINATION.OUTSIDE_ORG': '{teacher} is not in {org} and cannot take one of its seats',
  'quota.says.NOMINATION.INELIGIBLE': 'The teacher does not meet the conditions for nomination: {labels}',
  'quota.says.NOMINATION.NEEDS_OVERRIDE':
    'The teacher does not meet what applies "in principle" on {labels}: give a reason for an exception to nominate',
  'quota.says.NOMINATION.GONE': 'This nomination has already been withdrawn or replaced',
  'quota.says.SHORTLIST.NOT_COMPETITIVE':
    'This programme has no competitive selection: a nomination takes a seat at once',
  'quota.says.SHORTLIST.PROVIDER_SELECTING':
    'The training provider is selecting on the platform: confirm or return the list it submits under "Competitive selection"',
  'quota.says.SHORTLIST.NOT_CANDIDATES': 'Nominations {ids} are not candidates of {org}',
  'quota.says.SHORTLIST.OVER_FREE': '{org} has only {free} seats: {selected} cannot be selected',
  'quota.says.SHORTLIST.NO_PROVIDER':
    'No training provider is approved for this programme yet; the provider runs the competitive selection, so approve the training plan first',
  'quota.says.SHORTLIST.DEADLINE_PASSED':
    'Selection closed on {deadline}: you can no longer {what}; to extend it, the organising unit changes the selection deadline',
  'quota.says.SHORTLIST.PROVIDER_ONLY':
    'The competitive selection is done by the training provider ({provider})',
  'quota.says.SHORTLIST.OWNER_ONLY': 'Only the organising unit ({owner}) can confirm or return the selection',
  'quota.says.SHORTLIST.PROBLEMS': 'The selection has {count} problems: {list}',
  'quota.says.SHORTLIST.OVER_PLACES':
    '{org} has {places} seats but {selected} are selected, {over} too many: selection may not exceed the seats',
  'quota.says.SHORTLIST.OVER_TOTAL':
    'The programme has {places} seats but {selected} are selected, {over} too many: selection may not exceed the seats',
  'quota.says.SHORTLIST.UNDECIDED': '{org} still has {undecided} candidates without a decision',
  'quota.says.SHORTLIST.EMPTY': 'The programme has no candidates yet: there is no selection to submit',
  'quota.says.SHORTLIST.CONFIRMED': 'The selection is confirmed: you can no longer {what}',
  'quota.says.SHORTLIST.SUBMITTED':
    'The selection has been submitted and awaits confirmation by the organising unit: you cannot submit again or {what}; to change it, ask the organising unit to return it',
  'quota.says.SHORTLIST.SUBMITTED_ON':
    'The selection was submitted on {submittedOn} and awaits confirmation by the organising unit: you cannot submit again or {what}; to change it, ask the organising unit to return it',
  'quota.says.SHORTLIST.CANDIDATES_CHANGED': 'The candidates of {org} have changed; reload and try again',
  'quota.says.SHORTLIST.QUOTA_SHORT':
    'The seats of {org} have changed and are fewer than {selected}; return the selection to the provider to select again',
  'quota.says.SHORTLIST.DUPLICATE_RECORD': 'Nomination {id} appears more than once',
  'quota.says.SHORTLIST.NOT_PROGRAMME_CANDIDATES':
    'Nominations {ids} are not candidates of this programme and cannot be in the selection',
  'quota.says.SHORTLIST.REASON_REQUIRED': 'Give the reason {teacher} is not selected; the teacher is told it',
  'quota.says.SHORTLIST.ALREADY_CONFIRMED': 'The selection is already confirmed',
  'quota.says.SHORTLIST.NOT_SUBMITTED':
    'The provider has not submitted a selection yet: there is nothing to confirm',
  'quota.says.SHORTLIST.CONFIRMED_NO_RETURN': 'The selection is confirmed and cannot be returned',
  'quota.says.SHORTLIST.NOT_SUBMITTED_RETURN':
    'The provider has not submitted a selection yet: there is nothing to return',
  'quota.says.SUBSTITUTION.OUTSIDE_ORG': '{teacher} is not in {org} and cannot take its seat as a substitute',
  'quota.says.SUBSTITUTION.APPROVER_ONLY':
    'A substitution is approved by the unit above that passed on the seats',
  'quota.says.SUBSTITUTION.DECIDED': 'This substitution request has already been decided',
  'quota.says.SUBSTITUTION.REASON_REQUIRED': 'Give a reason when refusing a substitution',
  'quota.says.SUBSTITUTION.REPLACED_GONE': 'The nomination to be replaced is no longer selected',
  'quota.says.SUBSTITUTION.ONLY_SELECTED': 'Only a selected nomination can be substituted',
  'quota.says.SUBSTITUTION.PENDING':
    'This nomination already has a substitution request waiting for approval',
};
