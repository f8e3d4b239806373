import { complianceMessage } from '@yanxun/core';
import { describe, expect, it } from 'vitest';
import { matchTemplate, notificationWords } from './notification-words';

describe('a notification read back as a code and values', () => {
  it('plan.submitted / returned / approved (with and without a comment)', () => {
    expect(
      notificationWords(
        'plan.submitted',
        '培训方案待审核：乡村骨干教师培训',
        '河南师大提交了"乡村骨干教师培训"的培训方案（第 2 版），请审核。',
      ),
    ).toEqual({
      code: 'plan.submitted',
      values: { programme: '乡村骨干教师培训', provider: '河南师大', version: '2' },
      parts: [],
    });
    expect(
      notificationWords(
        'plan.returned',
        '培训方案被退回：乡村培训',
        '省教育厅退回了"乡村培训"的培训方案（第 1 版），修改意见：请补充\n返岗实践',
      )?.values,
    ).toMatchObject({ owner: '省教育厅', version: '1', comment: '请补充\n返岗实践' });
    const approved = (comment: string) =>
      notificationWords(
        'plan.approved',
        '培训方案已批准：乡村培训',
        `省教育厅批准了"乡村培训"的培训方案（第 3 版），贵单位为该项目的承训机构。${comment}`,
      );
    expect(approved('意见：很好')).toMatchObject({
      code: 'plan.approved.comment',
      values: { comment: '很好' },
    });
    expect(approved('')).toMatchObject({
      code: 'plan.approved',
      values: { owner: '省教育厅', version: '3' },
    });
  });

  it('R-004-20 integrity.record (with and without a programme) and integrity.appeal (upheld, rejected)', () => {
    const body =
      '2026-03-01 因"被劝退"（乡村培训）记入培训诚信档案：3 年内（至 2029-02-28）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。';
    expect(notificationWords('integrity.record', '培训诚信档案记录：被劝退', body)).toEqual({
      code: 'integrity.record.programme',
      values: {
        kind: 'dismissed',
        date: '2026-03-01',
        programme: '乡村培训',
        years: '3',
        until: '2029-02-28',
      },
      parts: [],
    });
    expect(
      notificationWords(
        'integrity.record',
        '培训诚信档案记录：未结业',
        body.replace('"被劝退"（乡村培训）', '"未结业"'),
      )?.code,
    ).toBe('integrity.record');
    expect(
      notificationWords(
        'integrity.appeal',
        '诚信档案申诉成立',
        '您对 2026-03-01 记录的申诉成立，该记录不再限制参训。理由：病假',
      ),
    ).toMatchObject({ code: 'integrity.appeal.upheld', values: { date: '2026-03-01', reason: '病假' } });
    expect(
      notificationWords(
        'integrity.appeal',
        '诚信档案申诉未获支持',
        '您对 2026-03-01 记录的申诉未获支持，该记录继续有效。理由：无证明',
      )?.code,
    ).toBe('integrity.appeal.rejected');
  });

  it('hours.claim.returned (school, county) and hours.claim.approved with the category as its code', () => {
    expect(
      notificationWords(
        'hours.claim.returned',
        '学时申报被退回：读书会',
        '县区退回了您的学时申报「读书会」。原因：缺证明',
      )?.code,
    ).toBe('hours.claim.returned.county');
    expect(
      notificationWords(
        'hours.claim.approved',
        '学时申报已认定：读书会',
        '您的学时申报「读书会」已通过县区审核，2.5 学时（校本研修）已记入学时档案。',
      ),
    ).toEqual({
      code: 'hours.claim.approved',
      values: { claim: '读书会', hours: '2.5', category: 'school_based' },
      parts: [],
    });
  });

  it('Y-HOURS-REMIND hours.behind: the body the reminder writes from core complianceMessage reads back', () => {
    const message = complianceMessage(
      {
        group: 'teacher',
        cycleCountedTenths: 200,
        expectedTenths: 365,
        targetTenths: 3600,
        onTrack: false,
        shortOfExpectedTenths: 165,
        cycleLeftTenths: 3400,
        yearCountedTenths: 30,
        yearMinTenths: 720,
        yearPaceTenths: 120,
        yearOnPace: false,
        categories: [
          {
            category: 'school_based',
            label: '校本研修',
            requiredTenths: 240,
            ruleId: 'R-HOURS',
            paceTenths: 45,
            countedTenths: 10,
            onPace: false,
            shortTenths: 35,
          },
        ],
      },
      '2026-2027',
    );
    const words = notificationWords('hours.behind', '学时进度提醒', `${message}请及时参加培训或申报学时。`);
    expect(words?.parts.map((p) => p.code)).toEqual(['cycle.behind', 'category', 'year']);
    expect(words?.parts[0]?.values).toEqual({ counted: '20', expected: '36.5', behind: '16.5' });
  });

  it('hours.behind: every part of core complianceMessage, categories by code', () => {
    const words = notificationWords(
      'hours.behind',
      '学时进度提醒',
      '本周期已计 20 学时，按进度应有 36 学时，落后 16 学时；2026-2027 学年校本研修已计 1 学时，按进度应有 4.5 学时；2026-2027 学年已计 3 学时，按进度应有 12 学时。请及时参加培训或申报学时。',
    );
    expect(words?.parts).toEqual([
      { code: 'cycle.behind', values: { counted: '20', expected: '36', behind: '16' } },
      {
        code: 'category',
        values: { year: '2026-2027', category: 'school_based', counted: '1', pace: '4.5' },
      },
      { code: 'year', values: { year: '2026-2027', counted: '3', pace: '12' } },
    ]);
    expect(
      notificationWords(
        'hours.behind',
        '学时进度提醒',
        '本周期已计 40 学时，进度达标。请及时参加培训或申报学时。',
      )?.parts,
    ).toEqual([{ code: 'cycle.onTrack', values: { counted: '40' } }]);
  });

  it('shortlist.submitted / confirmed / returned', () => {
    expect(
      notificationWords(
        'shortlist.submitted',
        '差额遴选结果待确认：骨干培训',
        '河南师大提交了"骨干培训"的遴选结果（入选 2 人，名额 3 个），请确认或退回。',
      )?.values,
    ).toEqual({ programme: '骨干培训', provider: '河南师大', selected: '2', places: '3' });
    expect(
      notificationWords(
        'shortlist.confirmed',
        '遴选结果已确认：骨干培训',
        '市教育局确认了"骨干培训"的遴选结果，入选学员已取得名额。',
      )?.code,
    ).toBe('shortlist.confirmed');
    expect(
      notificationWords(
        'shortlist.returned',
        '遴选结果被退回：骨干培训',
        '市教育局退回了"骨干培训"的遴选结果，意见：请说明评分依据。请修改后重新提交。',
      )?.values,
    ).toMatchObject({ comment: '请说明评分依据' });
  });

  it('a text no sender writes, an unknown kind or name, or titles that disagree have no words', () => {
    expect(notificationWords('integrity.appeal', '申诉已处理', '申诉成立')).toBeNull();
    expect(notificationWords('something.new', '标题', '正文')).toBeNull();
    expect(
      notificationWords(
        'integrity.record',
        '培训诚信档案记录：迟到',
        '2026-03-01 因"迟到"记入培训诚信档案：3 年内（至 2029-02-28）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
      ),
    ).toBeNull();
    expect(
      notificationWords(
        'plan.submitted',
        '培训方案待审核：甲',
        '机构提交了"乙"的培训方案（第 1 版），请审核。',
      ),
    ).toBeNull();
    expect(matchTemplate('{a}和{a}', '甲和乙')).toBeUndefined();
  });
});
