/**
 * the pack editor's "班级运行与结业" tab — class deadlines (R-004-09…15), class operations, completion
 * and KPI targets, each number with its rule ID, edited in the unit an officer knows (a KPI share as %), sent
 * to save and the what-if preview as stored values, and the server's problems shown on their rule.
 */

import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { PolicyPackBody } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../shared/test-utils';
import { packFixture } from './pack-fixture.test-data';
import { applyEdits, editsToChanges, formatRuleValue, groupPackRules } from './pack-format';
import { PackRulesEditor } from './pack-rules-editor';

afterEach(cleanup);

const rv = (value: unknown, ruleId: string, source = 'issue 3') => ({ value, ruleId, source });

/** The fixture with the sections the server fills in (core's defaults) and the class deadlines. */
function fullPack(): PolicyPackBody {
  const p = packFixture();
  return {
    ...p,
    deadlines: {
      ...p.deadlines,
      timetable: rv({ anchor: 'class_start', offsetDays: -5, mustBe: 'before' }, 'R-004-11', 'S004:L28'),
      bulletinsMin: rv(3, 'R-004-14', 'S004:L30'),
      finalReports: rv({ anchor: 'class_end', offsetDays: 30, mustBe: 'after' }, 'R-004-15', 'S004:L30-31'),
    },
    classOps: {
      dueSoonDays: rv(3, 'Y-004-DUE-SOON'),
      checkinRotationSeconds: rv(30, 'Y-004-QR-ROTATE'),
      checkinGraceWindows: rv(1, 'Y-004-QR-ROTATE'),
      checkinOpensDaysBefore: rv(1, 'Y-004-CHECKIN-OPEN'),
    },
    completion: {
      minAttendancePct: rv(80, 'Y-004-ATTEND-MIN'),
      approvedLeave: rv('absent', 'Y-004-LEAVE-COUNT'),
      outcomeDueDaysAfterEnd: rv(30, 'Y-004-OUTCOME-DUE'),
      outcomePassScore: rv(60, 'Y-004-OUTCOME-PASS'),
      videoOutcomes: rv(['课堂教学实录'], 'Y-004-OUTCOME-VIDEO'),
      partialHours: rv('none', 'Y-004-HOURS'),
      certificateSeqDigits: rv(5, 'Y-004-CERT-NO'),
    },
    kpiTargets: {
      arrivalRate: rv(1, 'R3-B02', 'S003:L375-377'),
      completionRate: rv(0.95, 'R3-B02', 'S003:L375-377'),
    },
  } as PolicyPackBody;
}

describe('pack sections: grouping, labels and units', () => {
  it('puts class deadlines, class operations, completion and KPI targets in their own tab', () => {
    const sections = groupPackRules(fullPack(), 'zh-CN');
    expect(sections.map((s) => s.tabTitle)).toEqual([
      '通用规则',
      '班级运行与结业',
      '乡村骨干教师素质提升培训',
    ]);
    const run = sections[1];
    expect(run?.groups.map((g) => g.title)).toEqual([
      '班级时间节点（R-004-09…15）',
      '进度预警与签到',
      '结业与成果',
      '考核目标（数据看板）',
    ]);
    const shown = Object.fromEntries(
      (run?.groups ?? []).flatMap((g) => g.entries.map((e) => [e.path, formatRuleValue(e, 'zh-CN')])),
    );
    expect(shown).toMatchObject({
      'deadlines.registrationNotice': '开班前 10 天',
      'deadlines.timetable': '开班前 5 天',
      'deadlines.bulletinsMin': '3 期', // 期 of bulletins (was '3 个')
      'deadlines.finalReports': '结业后 30 天内',
      'classOps.checkinRotationSeconds': '30 秒',
      'classOps.checkinOpensDaysBefore': '1 天',
      'completion.minAttendancePct': '80%',
      'completion.outcomePassScore': '60 分',
      'completion.certificateSeqDigits': '5 位',
      'completion.approvedLeave': '缺勤',
      'kpiTargets.completionRate': '95%',
    });
    // the general tab keeps the programme-wide dates and no longer lists the class deadlines
    const general = sections[0]?.groups.flatMap((g) => g.entries.map((e) => e.path)) ?? [];
    expect(general).toContain('deadlines.selectionDue');
    expect(general).not.toContain('deadlines.registrationNotice');
  });

  it('en-US labels', () => {
    const run = groupPackRules(fullPack(), 'en-US')[1];
    const entry = run?.groups[2]?.entries.find((e) => e.key === 'minAttendancePct');
    expect(entry && formatRuleValue(entry, 'en-US')).toBe('80%');
    expect(run?.groups.map((g) => g.title)).toContain('KPI targets (dashboard)');
  });

  it('a KPI share edited as a percentage is stored as 0…1 and sent so to the what-if preview', () => {
    const pack = fullPack();
    const edits = { 'kpiTargets.completionRate': 0.9, 'completion.minAttendancePct': 85 };
    const saved = applyEdits(pack, edits) as PolicyPackBody & {
      kpiTargets: { completionRate: { value: number } };
    };
    expect(saved.kpiTargets.completionRate.value).toBe(0.9);
    expect(editsToChanges(pack, edits)).toEqual([
      { path: 'kpiTargets.completionRate', value: 0.9 },
      { path: 'completion.minAttendancePct', value: 85 },
    ]);
  });
});

describe('PackRulesEditor: the 班级运行与结业 tab', { timeout: 30_000 }, () => {
  it('shows each number with its rule ID and edits it: attendance 80 → 90 %, target 95 → 90 %', () => {
    const onChange = vi.fn();
    renderWithApp(<PackRulesEditor pack={fullPack()} editable edits={{}} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('pack-tab-classRun'));
    const row = screen.getByTestId('rule-completion.minAttendancePct');
    expect(row.textContent).toContain('Y-004-ATTEND-MIN');
    expect(row.textContent).toContain('结业最低出勤比例');
    expect(screen.getByTestId('rule-kpiTargets.completionRate').textContent).toContain('R3-B02');
    expect(screen.getByTestId('rule-classOps.checkinOpensDaysBefore').textContent).toContain(
      'Y-004-CHECKIN-OPEN',
    );
    const att = screen.getByTestId('rule-input-completion.minAttendancePct') as HTMLInputElement;
    expect(att.value).toBe('80');
    fireEvent.change(att, { target: { value: '90' } });
    expect(onChange).toHaveBeenLastCalledWith({ 'completion.minAttendancePct': 90 });
    const target = screen.getByTestId('rule-input-kpiTargets.completionRate') as HTMLInputElement;
    expect(target.value).toBe('95');
    fireEvent.change(target, { target: { value: '90' } });
    expect(onChange).toHaveBeenLastCalledWith({ 'kpiTargets.completionRate': 0.9 });
  });

  it('edits the 课程表 deadline (R-004-11) keeping its direction, and the report deadline after the end', () => {
    const onChange = vi.fn();
    renderWithApp(<PackRulesEditor pack={fullPack()} editable edits={{}} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('pack-tab-classRun'));
    fireEvent.change(screen.getByTestId('rule-input-deadlines.timetable'), { target: { value: '7' } });
    expect(onChange).toHaveBeenLastCalledWith({ 'deadlines.timetable': -7 });
    fireEvent.change(screen.getByTestId('rule-input-deadlines.finalReports'), { target: { value: '20' } });
    expect(onChange).toHaveBeenLastCalledWith({ 'deadlines.finalReports': 20 });
  });

  it('a setting with fixed readings is a choice: 经批准的请假计为 缺勤 → 不计入课次总数 (Y-004-LEAVE-COUNT)', async () => {
    const onChange = vi.fn();
    renderWithApp(<PackRulesEditor pack={fullPack()} editable edits={{}} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('pack-tab-classRun'));
    expect(screen.getByTestId('rule-completion.approvedLeave').textContent).toContain('Y-004-LEAVE-COUNT');
    const select = screen.getByTestId('rule-input-completion.approvedLeave');
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    fireEvent.click(await screen.findByText('不计入课次总数'));
    expect(onChange).toHaveBeenLastCalledWith({ 'completion.approvedLeave': 'excused' });
    expect(
      editsToChanges(fullPack(), { 'completion.approvedLeave': 'excused', 'deadlines.timetable': -7 }),
    ).toEqual([
      { path: 'completion.approvedLeave', value: 'excused' },
      { path: 'deadlines.timetable', value: { anchor: 'class_start', offsetDays: -7, mustBe: 'before' } },
    ]);
  });

  it("the server's problems sit on their rule and the tab counts them and the edits", () => {
    const problems = [
      {
        code: 'PACK.CLASS_OPS',
        ruleId: 'Y-004-CHECKIN-OPEN',
        path: 'classOps.checkinOpensDaysBefore',
        message: '开班前 11 天开放签到，早于《报到通知书》的报送期限（开班前 10 天）',
      },
      {
        code: 'PACK.SHARE_RANGE',
        ruleId: 'R3-B02',
        path: 'kpiTargets.completionRate',
        message: '结业率目标应为 0～1 之间的比例（0%～100%），实为 1.2',
      },
    ];
    renderWithApp(
      <PackRulesEditor
        pack={fullPack()}
        editable
        edits={{ 'classOps.checkinOpensDaysBefore': 11, 'kpiTargets.completionRate': 1.2 }}
        onChange={vi.fn()}
        problems={problems}
      />,
    );
    const tab = screen.getByTestId('pack-tab-classRun');
    expect(within(tab).getAllByText('2')).toHaveLength(2); // 2 edits, 2 problems
    expect(screen.getByTestId('pack-tab-general').textContent).toBe('通用规则');
    fireEvent.click(tab);
    const cell = screen.getByTestId('rule-value-classOps.checkinOpensDaysBefore');
    expect(within(cell).getByTestId('rule-problems').textContent).toContain(
      'Y-004-CHECKIN-OPEN：开班前 11 天',
    );
    expect(cell.textContent).toContain('原值：1 天');
    const share = screen.getByTestId('rule-value-kpiTargets.completionRate');
    expect((screen.getByTestId('rule-input-kpiTargets.completionRate') as HTMLInputElement).value).toBe(
      '120',
    );
    expect(share.textContent).toContain('原值：95%');
  });
});
