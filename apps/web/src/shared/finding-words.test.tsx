import { cleanup, screen } from '@testing-library/react';
import type { CommunityFindingBody } from '@yanxun/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingsList } from '../features/communities/findings-list';
import { findingSentence } from './finding-words';
import { FINDINGS } from './findings.fixture';
import { translate } from './i18n';
import { hanOutside, renderWithApp } from './test-utils';

afterEach(cleanup);

const zh = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en-US', key, p);

/** Member names in a finding are data. */
const dataOf = (f: CommunityFindingBody) =>
  [
    ...(Array.isArray(f.values.members) ? f.values.members : []),
    ...(typeof f.values.movedMember === 'string' ? [f.values.movedMember] : []),
    ...(typeof f.values.toSchool === 'string' ? [f.values.toSchool] : []),
  ].map(String);

const cases = FINDINGS.map((f) => [`${f.code} ${f.rule}`, f] as const);

describe('findings of communities, pairings, school-based research and the training budget in words', () => {
  it('every code core sends is in the fixture', () => {
    expect(new Set(FINDINGS.map((f) => f.code)).size).toBe(32);
  });

  it.each(cases)('zh-CN says exactly what core says: %s', (_, f) => {
    expect(findingSentence(zh, f)).toBe(f.message);
  });

  it.each(cases)('en-US has no Chinese outside names: %s', (_, f) => {
    expect(hanOutside(findingSentence(en, f), ...dataOf(f))).toBe('');
  });

  it('R3-W07 after a move, R3-G20 a two-way pair, R-004 budget: worded in English', () => {
    const moved = FINDINGS.find((f) => f.values.movedMember);
    expect(moved && findingSentence(en, moved)).toBe(
      'After 钱七 moves to 一中: Applicants come from schools in only 1 areas; at least 7 required',
    );
    const pair = FINDINGS.find((f) => f.code === 'COMM.TWO_WAY_PAIR');
    expect(pair && findingSentence(en, pair)).toContain('a workshop at Town level');
    const budget = FINDINGS.find((f) => f.code === 'COMM.BUDGET_SHARE');
    expect(budget && findingSentence(en, budget)).toBe(
      'Teacher-training budget 4.99 × 10,000 yuan: 4.99% of public funds, below 5%',
    );
  });

  it('a finding without a code, or of a code not known here, keeps the server text', () => {
    const f = FINDINGS[0] as CommunityFindingBody;
    const { code: _, ...old } = f;
    expect(findingSentence(en, old)).toBe(f.message);
    expect(findingSentence(en, { ...f, code: 'COMM.NEW' })).toBe(f.message);
  });

  it('the list of a community reads in English in en-US, the rule in its ⓘ', () => {
    renderWithApp(<FindingsList findings={FINDINGS.slice(1, 4)} />, { lang: 'en-US' });
    expect(screen.getByText('3 core members; 5–7 required')).toBeTruthy();
    expect(hanOutside(document.body.textContent)).toBe('');
  });
});
