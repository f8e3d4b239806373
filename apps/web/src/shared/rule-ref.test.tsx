import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, Role } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { ReasonWithRule, RuleRef } from './rule-ref';
import { renderWithApp } from './test-utils';

vi.mock('./api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./api')>();
  return {
    ...actual,
    api: {
      me: vi.fn(),
      ruleSources: vi.fn(async () => [
        {
          ruleId: 'R-004-20',
          source: 'S004:L37',
          where: '河南省教育厅 2021 年中小学教师素质提升工程通知 第 37 行',
          note: '"未结业的学员在三年内不得再参加省级组织的集中培训项目"',
        },
      ]),
    },
  };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const me = (role: Role): Me => ({
  id: '1',
  username: role,
  displayName: role,
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: role === 'teacher' ? '42' : null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const REASON = '2021-09-10 因"未结业"记入培训诚信档案：3 年内（至 2024-09-09）不得参加省级组织的集中培训项目';
const RULE_ID = /\b(R-\d{3}-\d+|R3-[A-Z]+\d+|Y-[A-Z0-9-]+)\b/;

describe('ReasonWithRule: the sentence for everyone, the rule (R-004-20) for officers only', () => {
  it('a teacher sees the sentence and no rule ID anywhere; nothing asks the server who is signed in', () => {
    renderWithApp(<ReasonWithRule reason={REASON} rules={{ ruleId: 'R-004-20', value: '3 年' }} />, {
      me: me('teacher'),
    });
    expect(screen.getByTestId('reason').textContent).toBe(REASON);
    expect(screen.queryByTestId('rule-ref')).toBeNull();
    expect(document.body.textContent).not.toMatch(RULE_ID);
    expect(api.me).not.toHaveBeenCalled();
    expect(api.ruleSources).not.toHaveBeenCalled();
  });

  it('signed out (the parent page): the sentence only, and no request for the user', () => {
    renderWithApp(<ReasonWithRule reason="学号或访问码不正确，还可尝试 4 次" rules="Y-EXAM-PARENT-CODE" />);
    expect(screen.queryByTestId('rule-ref')).toBeNull();
    expect(document.body.textContent).not.toMatch(RULE_ID);
    expect(api.me).not.toHaveBeenCalled();
  });

  it('a county officer (pack.read) sees ⓘ; its tooltip names the rule, its source clause and the value', async () => {
    renderWithApp(<ReasonWithRule reason={REASON} rules={{ ruleId: 'R-004-20', value: '3 年' }} />, {
      me: me('bureau_admin'),
    });
    // the sentence itself still carries no ID
    expect(screen.getByTestId('reason').textContent).toBe(REASON);
    const icon = screen.getByTestId('rule-ref');
    expect(icon.getAttribute('aria-label')).toBe('规则依据 R-004-20');
    fireEvent.mouseEnter(icon);
    const tip = await screen.findByTestId('rule-ref-tip');
    await waitFor(() => expect(tip.textContent).toContain('第 37 行'));
    expect(tip.textContent).toContain('规则：R-004-20');
    expect(tip.textContent).toContain('出处：河南省教育厅 2021 年中小学教师素质提升工程通知 第 37 行');
    expect(tip.textContent).toContain('三年内不得再参加');
    expect(tip.textContent).toContain('取值：3 年');
    expect(api.ruleSources).toHaveBeenCalledTimes(1);
  });

  it('a provider (plan.submit) sees the rules; a trainer and an evaluator do not', () => {
    renderWithApp(<RuleRef rules={['Y-004-ATTEND-MIN', 'R-004-35', 'Y-004-ATTEND-MIN']} />, {
      me: me('provider_staff'),
    });
    expect(screen.getByTestId('rule-ref').getAttribute('data-rules')).toBe('Y-004-ATTEND-MIN R-004-35');
    cleanup();
    for (const role of ['trainer', 'evaluator'] as const) {
      renderWithApp(<RuleRef rules="Y-004-ATTEND-MIN" />, { me: me(role) });
      expect(screen.queryByTestId('rule-ref')).toBeNull();
      cleanup();
    }
  });
});
