import { cleanup, screen, waitFor } from '@testing-library/react';
import { CHECKIN_REFUSAL_CASES, type CheckinRefusalCase, type CheckinResult } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { type Lang, type MessageKey, type Params, translate } from '../../shared/i18n';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { CheckinPage } from './checkin-page';
import { checkinRefusalSentence, checkinResultSentence } from './checkin-words';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { checkin: vi.fn(), myClasses: vi.fn(async () => []), ruleSources: vi.fn() } };
});

afterEach(() => cleanup());

const tOf = (lang: Lang) => (key: MessageKey, params?: Params) => translate(lang, key, params);
const CLASS = '第一期 A 班';

/** Each refusal as the server sends it: its sentence, its case and values, and the rule in details. */
const SENT: Record<CheckinRefusalCase, { message: string; details: Record<string, unknown> }> = {
  bad_token: { message: '签到码无效，请扫描现场屏幕上的二维码', details: { ruleId: 'Y-004-QR-ROTATE' } },
  slot_not_in_class: { message: '签到码无效：该课次不属于本班', details: { ruleId: 'Y-004-QR-ROTATE' } },
  outside_days: {
    message: `"${CLASS}"的签到时间为 2021-09-05 至 2021-09-10，今天（2021-09-20）不能签到`,
    details: {
      ruleId: 'Y-004-CHECKIN-OPEN',
      className: CLASS,
      opensOn: '2021-09-05',
      closesOn: '2021-09-10',
      today: '2021-09-20',
    },
  },
  not_session_day: {
    message: '该课次在 2021-09-07，只能当天签到',
    details: { ruleId: 'Y-004-CHECKIN-OPEN', sessionDate: '2021-09-07', today: '2021-09-06' },
  },
  qr_expired: {
    message: '签到码已过期：现场二维码每 30 秒更换，请扫描屏幕上最新的二维码',
    details: { ruleId: 'Y-004-QR-ROTATE', rotationSeconds: 30, graceWindows: 1 },
  },
  wrong_code: {
    message: '数字码不正确或已过期：数字码随二维码定时更换，请输入屏幕上当前显示的 6 位数字',
    details: { ruleId: 'Y-004-QR-ROTATE' },
  },
  too_many_codes: {
    message: '数字码输错次数过多，请 5 分钟后再试，或扫描现场二维码',
    details: { ruleId: 'Y-004-QR-ROTATE', minutes: 5 },
  },
  other_class: {
    message: `该签到码属于"${CLASS}"，您不是该班学员，请扫描本班现场的二维码`,
    details: { ruleId: 'R-004-12', className: CLASS },
  },
  not_enrolled_class: {
    message: `您未编入"${CLASS}"，不能签到；请联系所在学校或县区教育局`,
    details: { ruleId: 'R-004-12', className: CLASS },
  },
  not_enrolled_any: { message: '您没有编入任何培训班，不能签到', details: { ruleId: 'R-004-12' } },
  not_teacher: { message: '只有参训教师本人可以签到，请用教师账号登录', details: { ruleId: 'R-004-12' } },
};

const refusalOf = (c: CheckinRefusalCase) =>
  new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: SENT[c].message,
    details: { reason: 'expired', refusal: c, ...SENT[c].details },
  });

describe('check-in refusals in words (Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN, R-004-12)', () => {
  it('every case the server sends reads in English in en-US, with no Han outside the class name', () => {
    for (const c of CHECKIN_REFUSAL_CASES) {
      const s = checkinRefusalSentence(tOf('en-US'), 'en-US', refusalOf(c));
      expect(hanOutside(s, CLASS), `${c}: ${s}`).toBe('');
      expect(s).not.toMatch(/R-004-12|Y-004/);
    }
    expect(checkinRefusalSentence(tOf('en-US'), 'en-US', refusalOf('qr_expired'))).toContain('30 seconds');
    expect(checkinRefusalSentence(tOf('en-US'), 'en-US', refusalOf('outside_days'))).toContain(
      'from 2021-09-05 to 2021-09-10',
    );
  });

  it('zh-CN reads exactly what the server says, case by case', () => {
    for (const c of CHECKIN_REFUSAL_CASES)
      expect(checkinRefusalSentence(tOf('zh-CN'), 'zh-CN', refusalOf(c))).toBe(SENT[c].message);
  });

  it("a case this web does not know, or a missing value, keeps the server's sentence", () => {
    const future = new ApiError({
      status: 403,
      code: 'FORBIDDEN',
      message: '新的拒绝理由',
      details: { refusal: 'from_the_future' },
    });
    expect(checkinRefusalSentence(tOf('en-US'), 'en-US', future)).toBe('新的拒绝理由');
    const missing = new ApiError({
      status: 403,
      code: 'FORBIDDEN',
      message: SENT.other_class.message,
      details: { refusal: 'other_class' },
    });
    expect(checkinRefusalSentence(tOf('en-US'), 'en-US', missing)).toBe(SENT.other_class.message);
  });
});

describe('check-in results in words', () => {
  const result = (status: CheckinResult['status'], slot: string, slotLabel: string): CheckinResult => ({
    status,
    classId: '7',
    className: CLASS,
    slot,
    slotLabel,
    checkedAt: '2021-09-06T01:00:00.000Z',
    message: status === 'already' ? '已签到（09:00:00），无需重复签到' : `${slotLabel}签到成功（09:00:00）`,
  });

  it('zh-CN is the server sentence; en-US is English (a session keeps its own title)', () => {
    for (const r of [
      result('checked_in', 'arrive', '报到'),
      result('checked_in', 'register', '注册'),
      result('already', 'arrive', '报到'),
    ]) {
      expect(checkinResultSentence(tOf('zh-CN'), r)).toBe(r.message);
      expect(hanOutside(checkinResultSentence(tOf('en-US'), r))).toBe('');
    }
    const session = result('checked_in', 's3', '2021-09-06 09:00 开班典礼');
    expect(checkinResultSentence(tOf('zh-CN'), session)).toBe(session.message);
    expect(hanOutside(checkinResultSentence(tOf('en-US'), session), '开班典礼')).toBe('');
  });

  it('the phone page in en-US shows an expired QR code in English, without the rule', async () => {
    vi.mocked(api.checkin).mockRejectedValue(refusalOf('qr_expired'));
    renderWithApp(<CheckinPage />, { route: '/checkin?t=old', path: '/checkin', lang: 'en-US' });
    await waitFor(() => expect(screen.getByTestId('checkin-outcome').dataset.status).toBe('refused'));
    const text = screen.getByTestId('checkin-outcome').textContent;
    expect(hanOutside(text)).toBe('');
    expect(text).toContain('every 30 seconds');
    expect(text).not.toMatch(/Y-004-QR-ROTATE/);
  });

  it('the phone page in en-US shows a success in English', async () => {
    vi.mocked(api.checkin).mockResolvedValue(result('checked_in', 'arrive', '报到'));
    renderWithApp(<CheckinPage />, { route: '/checkin?t=x', path: '/checkin', lang: 'en-US' });
    await waitFor(() => expect(screen.getByTestId('checkin-outcome').dataset.status).toBe('checked_in'));
    expect(hanOutside(screen.getByTestId('checkin-outcome').textContent, CLASS)).toBe('');
  });
});
