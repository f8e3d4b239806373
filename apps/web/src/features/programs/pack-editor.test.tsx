import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../shared/test-utils';
import { packFixture } from './pack-fixture.test-data';
import {
  applyEdits,
  editsToChanges,
  formatRuleValue,
  groupPackRules,
  type PackEdits,
  problemsByRule,
} from './pack-format';
import { PackRulesEditor } from './pack-rules-editor';

afterEach(cleanup);

/** The editor as the page holds it: edits in state, each change also reported to `spy`. */
function Harness({ spy }: { spy: (edits: PackEdits) => void }) {
  const [edits, setEdits] = useState<PackEdits>({});
  return (
    <PackRulesEditor
      pack={packFixture()}
      editable
      edits={edits}
      onChange={(next) => {
        spy(next);
        setEdits(next);
      }}
    />
  );
}

const AGE = 'projectTypes[0].tracks[0].eligibility.age.max';
const TEACHING = 'projectTypes[0].tracks[0].eligibility.minTeachingYears';
const FUNDING = 'funding.centralizedPerPersonDayFen';
const NOTICE = 'deadlines.registrationNotice';

describe('pack rules: grouping and values (rules are data: rule ID, value and source of each)', () => {
  it('groups pack-wide rules and each project type with its track, outcomes and units', () => {
    const sections = groupPackRules(packFixture(), 'zh-CN');
    // the class deadline 报到通知书 (R-004-10) has its own tab, with class operations and completion
    expect(sections.map((s) => s.title)).toEqual([
      '通用设置与时间节点',
      '班级运行、结业与考核目标',
      '乡村骨干教师素质提升培训项目',
    ]);
    const type = sections[2];
    expect(type?.tabTitle).toBe('乡村骨干教师素质提升培训');
    expect(type?.groups.map((g) => g.title)).toEqual(['项目设置', '参训对象：乡村骨干教师', '成果要求']);
    const track = type?.groups[1]?.entries ?? [];
    const byKey = Object.fromEntries(track.map((e) => [e.key, formatRuleValue(e, 'zh-CN')]));
    expect(byKey.onlineHoursTenths).toBe('30 学时'); // stored in tenths
    expect(byKey['eligibility.age.max']).toBe('45 周岁');
    expect(byKey['eligibility.schoolLocationTypes']).toBe('镇区、乡村');
    expect(byKey['eligibility.backboneLevels']).toBe('校级骨干、县级骨干');
  });

  it('applies edits in stored units and sends the what-if change of an offset as the whole value', () => {
    const pack = packFixture();
    const edited = applyEdits(pack, { [FUNDING]: 45000, [NOTICE]: -7 });
    expect(JSON.stringify(edited)).toContain('"value":45000');
    expect(JSON.stringify(pack)).not.toContain('45000'); // the original is untouched
    expect(editsToChanges(pack, { [TEACHING]: 3, [NOTICE]: -7 })).toEqual([
      { path: TEACHING, value: 3 },
      { path: NOTICE, value: { anchor: 'class_start', offsetDays: -7, mustBe: 'before' } },
    ]);
  });

  it('puts a server problem on its rule: exact path, a path inside the value, or an object holding rules', () => {
    const problems = [
      {
        code: 'PACK.BAD_NUMBER',
        ruleId: 'R-004-20',
        path: 'integrityBan.years',
        message: '限制年限应为正整数',
      },
      { code: 'PACK.OFFSET', ruleId: 'R-004-10', path: `${NOTICE}.offsetDays`, message: '应在开班前' },
      {
        code: 'PACK.AGE_RANGE',
        ruleId: 'R-004-56',
        path: 'projectTypes[0].tracks[0].eligibility.age',
        message: '最低年龄高于最高年龄',
      },
      { code: 'PACK.HEADER', ruleId: 'PACK.STRUCTURE', path: '', message: '结构不完整' },
    ];
    const map = problemsByRule(packFixture(), problems);
    expect(map.get('integrityBan.years')?.[0]?.ruleId).toBe('R-004-20');
    expect(map.get(NOTICE)?.[0]?.code).toBe('PACK.OFFSET');
    expect(map.get(AGE)?.[0]?.code).toBe('PACK.AGE_RANGE');
    expect(map.get('')?.[0]?.code).toBe('PACK.HEADER');
  });
});

// antd's first render in a file is slow on a busy machine: a generous guard, not a timing assertion
describe('PackRulesEditor', { timeout: 30_000 }, () => {
  it('shows each rule with its ID, label, formatted value and source; a published pack has no inputs', () => {
    renderWithApp(<PackRulesEditor pack={packFixture()} editable={false} edits={{}} onChange={vi.fn()} />);
    const row = screen.getByTestId(`rule-${FUNDING}`);
    expect(row.textContent).toContain('R-004-22');
    expect(row.textContent).toContain('集中培训标准');
    expect(row.textContent).toContain('400 元/人·天'); // 40,000 fen
    expect(row.textContent).toContain('河南 2021 通知 第 39 行'); // the source in words ('S004:L39' in its tooltip)
    fireEvent.click(screen.getByTestId('pack-tab-classRun'));
    expect(screen.getByTestId(`rule-${NOTICE}`).textContent).toContain('开班前 10 天');
    expect(screen.queryByTestId(`rule-input-${FUNDING}`)).toBeNull();
  });

  it('edits a draft in the units an officer knows: yuan in, fen out; back to the old value clears the edit', () => {
    const onChange = vi.fn();
    renderWithApp(<Harness spy={onChange} />);
    const input = screen.getByTestId(`rule-input-${FUNDING}`) as HTMLInputElement;
    expect(input.value).toBe('400');
    fireEvent.change(input, { target: { value: '450' } });
    expect(onChange).toHaveBeenLastCalledWith({ [FUNDING]: 45000 });
    expect(screen.getByTestId(`rule-value-${FUNDING}`).textContent).toContain('原值：400 元/人·天');
    fireEvent.change(input, { target: { value: '400' } });
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('edits the days of a deadline keeping its direction (before the class start)', () => {
    const onChange = vi.fn();
    renderWithApp(<PackRulesEditor pack={packFixture()} editable edits={{}} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('pack-tab-classRun'));
    const row = screen.getByTestId(`rule-${NOTICE}`);
    expect(row.textContent).toContain('开班前');
    fireEvent.change(screen.getByTestId(`rule-input-${NOTICE}`), { target: { value: '7' } });
    expect(onChange).toHaveBeenLastCalledWith({ [NOTICE]: -7 });
  });

  it('shows an edited value with the old one, and the server problems next to their rule', () => {
    const problems = [
      {
        code: 'PACK.BAD_NUMBER',
        ruleId: 'R-004-20',
        path: 'integrityBan.years',
        message: '限制年限应为正整数，实为 0',
      },
    ];
    renderWithApp(
      <PackRulesEditor
        pack={packFixture()}
        editable
        edits={{ 'integrityBan.years': 0 }}
        onChange={vi.fn()}
        problems={problems}
      />,
    );
    const cell = screen.getByTestId('rule-value-integrityBan.years');
    expect(within(cell).getByTestId('rule-problems').textContent).toContain(
      'R-004-20：限制年限应为正整数，实为 0',
    );
    expect(cell.textContent).toContain('原值：3 年');
    // the tab of the pack-wide rules carries the count of problems
    expect(screen.getByTestId('pack-tab-general').textContent).toContain('1');
  });
});
