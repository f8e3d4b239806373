/**
 * What the server says to a teacher checking in (features/classes/checkin-words.ts picks the key from the
 * refusal case or the result's status). The zh-CN templates say exactly what the server says; `{name}` marks a
 * parameter. Spread into the dictionaries of i18n.ts.
 */
export const CHECKIN_REASONS_ZH = {
  'checkin.says.checkedIn': '{slot}签到成功（{time}）',
  'checkin.says.already': '已签到（{time}），无需重复签到',
  'checkin.says.bad_token': '签到码无效，请扫描现场屏幕上的二维码',
  'checkin.says.slot_not_in_class': '签到码无效：该课次不属于本班',
  'checkin.says.outside_days': '"{className}"的签到时间为 {opensOn} 至 {closesOn}，今天（{today}）不能签到',
  'checkin.says.not_session_day': '该课次在 {sessionDate}，只能当天签到',
  'checkin.says.qr_expired': '签到码已过期：现场二维码每 {rotationSeconds} 秒更换，请扫描屏幕上最新的二维码',
  'checkin.says.wrong_code': '数字码不正确或已过期：数字码随二维码定时更换，请输入屏幕上当前显示的 6 位数字',
  'checkin.says.too_many_codes': '数字码输错次数过多，请 {minutes} 分钟后再试，或扫描现场二维码',
  'checkin.says.other_class': '该签到码属于"{className}"，您不是该班学员，请扫描本班现场的二维码',
  'checkin.says.not_enrolled_class': '您未编入"{className}"，不能签到；请联系所在学校或县区教育局',
  'checkin.says.not_enrolled_any': '您没有编入任何培训班，不能签到',
  'checkin.says.not_teacher': '只有参训教师本人可以签到，请用教师账号登录',
} as const;

export const CHECKIN_REASONS_EN: Record<keyof typeof CHECKIN_REASONS_ZH, string> = {
  'checkin.says.checkedIn': '{slot}: checked in ({time})',
  'checkin.says.already': 'Already checked in ({time}); no need to check in again',
  'checkin.says.bad_token': 'This check-in code is not valid; scan the QR code on the screen at the venue',
  'checkin.says.slot_not_in_class': 'This check-in code is not valid: the session is not part of this class',
  'checkin.says.outside_days':
    'Check-in for "{className}" is open from {opensOn} to {closesOn}; it is not possible today ({today})',
  'checkin.says.not_session_day': 'This session is on {sessionDate}: check in on that day only',
  'checkin.says.qr_expired':
    'This check-in code has expired: the QR code at the venue changes every {rotationSeconds} seconds; scan the latest one on the screen',
  'checkin.says.wrong_code':
    'The code is wrong or has expired: it changes with the QR code; enter the 6 digits the screen shows now',
  'checkin.says.too_many_codes':
    'Too many wrong codes: try again in {minutes} min, or scan the QR code at the venue',
  'checkin.says.other_class':
    'This code belongs to "{className}", a class you are not in; scan the QR code of your own class',
  'checkin.says.not_enrolled_class':
    'You are not enrolled in "{className}" and cannot check in; contact your school or county education bureau',
  'checkin.says.not_enrolled_any': 'You are not enrolled in any class and cannot check in',
  'checkin.says.not_teacher': 'Only the trainee teacher can check in; sign in with a teacher account',
};
