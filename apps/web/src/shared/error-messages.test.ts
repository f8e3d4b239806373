import { ERROR_CODES } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import {
  ERROR_MESSAGES,
  errorMessage,
  fieldErrors,
  passwordViolations,
  retryAtOf,
  retryClock,
  waitWords,
} from './error-messages';

const CJK = /[\u4e00-\u9fff]/;

function apiError(code: string, details?: unknown, message = 'server text'): ApiError {
  return new ApiError({ status: 400, code, message, details, requestId: 'r1' });
}

describe('error code → message', () => {
  it.each(ERROR_CODES)('%s has a Chinese and an English message', (code) => {
    const text = ERROR_MESSAGES[code];
    expect(text['zh-CN']).toMatch(CJK);
    expect(text['en-US']).not.toMatch(CJK);
    expect(text['en-US'].length).toBeGreaterThan(3);
  });

  it('hardening: a refusal naming its limit is shown as the server wrote it (zh-CN), the generic text in English', () => {
    const e = apiError('BODY_TOO_LARGE', { limit: 1048576 }, '提交的内容过大：请求体上限 1 MB');
    expect(errorMessage(e)).toBe('提交的内容过大：请求体上限 1 MB');
    expect(errorMessage(e, 'en-US')).toBe('The request body is too large');
    expect(errorMessage(apiError('URI_TOO_LONG', undefined, 'URI too long'))).toBe('网址过长');
    expect(errorMessage(apiError('FORBIDDEN', undefined, '别的话'))).toBe('无权访问该数据或执行该操作');
  });

  it('a refusal giving its reason in words (CONFLICT, VALIDATION_FAILED) is shown as the server wrote it', () => {
    const e = apiError(
      'CONFLICT',
      { ruleId: 'R3-W02' },
      '成员组成不符合要求，暂不能注册：核心成员 1 人，应为 5～7 人',
    );
    expect(errorMessage(e)).toBe('成员组成不符合要求，暂不能注册：核心成员 1 人，应为 5～7 人');
    expect(errorMessage(e, 'en-US')).toBe(ERROR_MESSAGES.CONFLICT['en-US']);
    expect(errorMessage(apiError('VALIDATION_FAILED', undefined, '学年格式应为 2026-2027'))).toBe(
      '学年格式应为 2026-2027',
    );
    expect(errorMessage(apiError('CONFLICT', undefined, 'version mismatch'))).toBe(
      ERROR_MESSAGES.CONFLICT['zh-CN'],
    );
    expect(errorMessage(apiError('NOT_FOUND', undefined, '培训班不存在'))).toBe(
      ERROR_MESSAGES.NOT_FOUND['zh-CN'],
    );
  });

  it('speaks Chinese by default', () => {
    expect(errorMessage(apiError('INVALID_CREDENTIALS'))).toBe('用户名或密码错误');
    expect(errorMessage(apiError('FORBIDDEN'))).toBe('无权访问该数据或执行该操作');
    expect(errorMessage(apiError('INVALID_CREDENTIALS'), 'en-US')).toBe('Wrong username or password');
  });

  it('names the unlock time for ACCOUNT_LOCKED', () => {
    // in the deployment's zone (Asia/Shanghai), whatever the browser's: 00:30 UTC is 08:30 in Shanghai
    const until = '2025-03-01T00:30:00Z';
    const text = errorMessage(apiError('ACCOUNT_LOCKED', { lockedUntil: until }));
    expect(text).toContain('锁定');
    expect(text).toContain('请于 2025-03-01 08:30 后再试');
    expect(errorMessage(apiError('ACCOUNT_LOCKED'))).toBe(ERROR_MESSAGES.ACCOUNT_LOCKED['zh-CN']);
  });

  it('tells a RATE_LIMITED wait by clock time and length (details.retryAt, else Retry-After)', () => {
    const now = Date.parse('2027-05-06T06:00:00Z');
    const at = new Date(now + 90 * 60_000);
    const e = apiError('RATE_LIMITED', { retryAt: at.toISOString(), retryAfterSeconds: 5400 });
    expect(retryAtOf(e, now)).toEqual(at);
    expect(waitWords(at, 'zh-CN', now)).toBe('1 小时 30 分钟');
    expect(waitWords(at, 'en-US', now)).toBe('1 h 30 min');
    expect(waitWords(new Date(now + 1000), 'zh-CN', now)).toBe('1 分钟');
    // 07:30 UTC is 15:30 in Shanghai; another day shows its date in the one format
    expect(retryClock(at, now)).toBe('15:30');
    expect(retryClock(new Date(now + 2 * 86_400_000), now)).toBe('2027-05-08 14:00');
    // the day is Shanghai's: 23:50 + 30 min is tomorrow there although still the same UTC day
    const lateNight = Date.parse('2027-05-06T15:50:00Z');
    expect(retryClock(new Date(lateNight + 5 * 60_000), lateNight)).toBe('23:55');
    expect(retryClock(new Date(lateNight + 30 * 60_000), lateNight)).toBe('2027-05-07 00:20');
    const header = new ApiError({ status: 429, code: 'RATE_LIMITED', message: 'x', retryAfterSeconds: 60 });
    expect(retryAtOf(header, now)).toEqual(new Date(now + 60_000));
    expect(errorMessage(header)).toMatch(/^操作过于频繁，请于 .+ 后再试（约 1 分钟）$/);
    expect(errorMessage(apiError('RATE_LIMITED'))).toBe(ERROR_MESSAGES.RATE_LIMITED['zh-CN']);
  });

  it("falls back to the server's message for a code it does not know", () => {
    expect(errorMessage(apiError('SOMETHING_NEW', undefined, '新的错误'))).toBe('新的错误');
  });

  it('handles non-API errors', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('weird')).toBe(ERROR_MESSAGES.INTERNAL['zh-CN']);
  });
});

describe('details', () => {
  it('reads PASSWORD_POLICY violations', () => {
    const error = apiError('PASSWORD_POLICY', {
      violations: [{ rule: 'min_length', message: '至少 10 位' }, { message: '须包含数字' }, { nope: 1 }],
    });
    expect(passwordViolations(error)).toEqual([
      { rule: 'min_length', message: '至少 10 位' },
      { rule: undefined, message: '须包含数字' },
    ]);
    expect(passwordViolations(apiError('PASSWORD_POLICY'))).toEqual([]);
  });

  it('maps VALIDATION_FAILED details onto field names', () => {
    expect(fieldErrors(apiError('VALIDATION_FAILED', [{ path: ['date'], message: 'bad date' }]))).toEqual([
      { name: 'date', message: 'bad date' },
    ]);
    expect(
      fieldErrors(apiError('VALIDATION_FAILED', { issues: [{ path: 'schoolId', message: 'x' }] })),
    ).toEqual([{ name: 'schoolId', message: 'x' }]);
    expect(fieldErrors(apiError('VALIDATION_FAILED', { fields: { reason: 'too long' } }))).toEqual([
      { name: 'reason', message: 'too long' },
    ]);
    expect(fieldErrors(apiError('FORBIDDEN', [{ path: ['date'], message: 'x' }]))).toEqual([]);
  });
});
