/**
 * One time zone and one format for every date and time the web shows: the deployment's zone (Asia/Shanghai by
 * default, the server's TIME_ZONE from GET /api/v1/settings), never the browser's; 2026-12-06 and
 * 2026-12-06 08:30, 24-hour, in both languages.
 */
import { screen } from '@testing-library/react';
import type { PlanDetail, PlanVersion } from '@yanxun/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { Versions } from '../features/plans/plan-versions';
import { renderWithApp } from './test-utils';
import {
  currentYear,
  formatDate,
  formatDateTime,
  formatTime,
  sameDay,
  setTimeZone,
  timeZone,
  todayIso,
} from './time';

afterEach(() => setTimeZone('Asia/Shanghai'));

describe('formatting in the deployment zone (Asia/Shanghai by default)', () => {
  it('23:30 UTC is 07:30 of the next day in Shanghai; 15:59 UTC is still the same day, 16:00 UTC the next', () => {
    expect(timeZone()).toBe('Asia/Shanghai');
    expect(formatDateTime('2026-12-05T23:30:00Z')).toBe('2026-12-06 07:30');
    expect(formatDate('2026-12-05T23:30:00Z')).toBe('2026-12-06');
    expect(formatDate('2026-12-05T15:59:59Z')).toBe('2026-12-05');
    expect(formatDate('2026-12-05T16:00:00Z')).toBe('2026-12-06');
    expect(todayIso(Date.parse('2026-12-05T16:00:00Z'))).toBe('2026-12-06');
    expect(currentYear(Date.parse('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(sameDay('2026-12-05T15:59:59Z', '2026-12-05T16:00:00Z')).toBe(false);
  });

  it('24-hour clock: midnight is 00:00, the afternoon 14:05, with seconds on request', () => {
    expect(formatDateTime('2026-12-05T16:00:00Z')).toBe('2026-12-06 00:00');
    expect(formatTime('2026-12-06T06:05:09Z')).toBe('14:05');
    expect(formatTime('2026-12-06T06:05:09Z', { seconds: true })).toBe('14:05:09');
  });

  it('a calendar date has no zone and is shown as it is; missing or unreadable values show the placeholder', () => {
    expect(formatDate('2026-12-06')).toBe('2026-12-06');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined, '')).toBe('');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('follows the zone the server configures, and ignores a name the browser does not know', () => {
    setTimeZone('UTC');
    expect(formatDateTime('2026-12-05T23:30:00Z')).toBe('2026-12-05 23:30');
    setTimeZone('Not/AZone');
    expect(timeZone()).toBe('UTC');
  });
});

describe('a page shows the Shanghai date of a UTC instant near midnight (培训方案 提交时间)', () => {
  it('a plan submitted at 23:30 UTC shows as submitted at 07:30 the next day; one at 15:59 UTC on its own day', () => {
    const version = (n: number, submittedAt: string) =>
      ({
        version: n,
        submittedAt,
        decision: null,
        reviewComment: null,
        file: null,
      }) as unknown as PlanVersion;
    renderWithApp(
      <Versions
        detail={
          {
            versions: [version(2, '2026-12-05T23:30:00Z'), version(1, '2026-12-05T15:59:00Z')],
          } as unknown as PlanDetail
        }
      />,
    );
    expect(screen.getByText('2026-12-06 07:30')).toBeTruthy();
    expect(screen.getByText('2026-12-05 23:59')).toBeTruthy();
    expect(screen.queryByText(/2026-12-05 23:30/)).toBeNull();
  });
});
