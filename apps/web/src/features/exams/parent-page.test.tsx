import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ParentPage } from './parent-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { parentResults: vi.fn() } };
});

const parentResults = vi.mocked(api.parentResults);

afterEach(cleanup);
beforeEach(() => parentResults.mockReset());

function waiting() {
  return new ApiError({
    status: 429,
    code: 'RATE_LIMITED',
    message: '访问码输错次数过多，请 30 分钟后再试；如访问码遗失，请联系学校重新发放',
    details: {
      ruleId: 'Y-EXAM-PARENT-CODE',
      retryAfterSeconds: 1800,
      retryAt: new Date(Date.now() + 1_800_000).toISOString(),
    },
    requestId: 'r',
    retryAfterSeconds: 1800,
  });
}

async function submit() {
  fireEvent.change(screen.getByLabelText(/学号|Student id/), { target: { value: 'S-1' } });
  fireEvent.change(screen.getByLabelText(/访问码|Access code/), { target: { value: 'AAAA-AAAA' } });
  fireEvent.click(screen.getByRole('button', { name: /查\s*询|Look up/ }));
  await waitFor(() => expect(parentResults).toHaveBeenCalled());
  return screen.findByRole('alert');
}

describe('hardening: the parent page tells a throttled look-up (429) plainly', () => {
  it('zh-CN: the server’s message with the wait, as a warning', async () => {
    parentResults.mockRejectedValueOnce(waiting());
    renderWithApp(<ParentPage />);
    const alert = await submit();
    expect(alert.textContent).toContain('访问码输错次数过多，请 30 分钟后再试');
    expect(alert.closest('.ant-alert')?.className).toContain('ant-alert-warning');
    // a parent reads words: Y-EXAM-PARENT-CODE stays in details
    expect(document.body.textContent).not.toMatch(/Y-EXAM|R-\d{3}-\d+|SZ-12/);
  });

  it('zh-CN: a wrong code says the tries left, in words', async () => {
    parentResults.mockRejectedValueOnce(
      new ApiError({
        status: 401,
        code: 'INVALID_CREDENTIALS',
        message: '学号或访问码不正确，还可尝试 4 次',
        details: { ruleId: 'Y-EXAM-PARENT-CODE', attemptsLeft: 4 },
        requestId: 'r',
        retryAfterSeconds: null,
      }),
    );
    renderWithApp(<ParentPage />);
    const alert = await submit();
    expect(alert.textContent).toBe('学号或访问码不正确，还可尝试 4 次');
    expect(document.body.textContent).not.toMatch(/Y-EXAM|R-\d{3}-\d+|SZ-12/);
  });

  it('en-US: its own words with the clock time and the length', async () => {
    parentResults.mockRejectedValueOnce(waiting());
    renderWithApp(<ParentPage />);
    fireEvent.click(screen.getByText('EN'));
    const alert = await submit();
    expect(alert.textContent).toMatch(
      /Too many wrong codes from this device: try again after (?:\d{4}-\d\d-\d\d )?\d\d:\d\d \(about 30 min\)/,
    );
  });
});
