import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { ruleSources, ruleSourcesOf, sourceInWords } from './rule-sources';

describe('rule sources: where a rule ID comes from, for the officers’ ⓘ', () => {
  it('a seed line in words; a product rule says so', () => {
    expect(sourceInWords('S004:L37')).toBe('河南省教育厅 2021 年中小学教师素质提升工程通知 第 37 行');
    expect(sourceInWords('S004:L81-83')).toBe('河南省教育厅 2021 年中小学教师素质提升工程通知 第 81–83 行');
    expect(sourceInWords('S002:L59')).toBe('《清远市基础教育教学质量提升指导意见》 第 59 行');
    expect(sourceInWords('issue 3')).toBe('研训系统规则（可在政策包中调整）');
  });

  it('R-004-20 and Y-004-ATTEND-MIN from the Henan pack, R-002-58 and SZ-12 from outside it; each ID once', () => {
    const all = ruleSources();
    const by = new Map(all.map((r) => [r.ruleId, r]));
    expect(by.get('R-004-20')).toMatchObject({ source: 'S004:L37' });
    expect(by.get('Y-004-ATTEND-MIN')?.where).toBe('研训系统规则（可在政策包中调整）');
    expect(by.get('R-002-58')).toMatchObject({ source: 'S002:L59' });
    expect(by.get('SZ-12')?.note).toContain('等级制');
    expect(by.size).toBe(all.length);
    expect(ruleSourcesOf(HENAN_2021_PACK).map((r) => r.ruleId)).toContain('R-004-59');
  });

  it('the 学时 rules a pack lacks come from the defaults: R3-S02, R3-W16, R-002-19 with their seed lines; Y-HOURS-YEAR-PACE, Y-HOURS-REMIND', () => {
    const by = new Map(ruleSources().map((r) => [r.ruleId, r]));
    expect(by.get('R3-S02')).toMatchObject({ source: 'S003:L594-595' });
    expect(by.get('R3-W16')?.note).toContain('六个学时');
    expect(by.get('R-002-19')).toMatchObject({ source: 'S002:L28' });
    expect(by.get('Y-HOURS-YEAR-PACE')?.note).toContain('本学年已过天数');
    expect(by.get('Y-HOURS-ON-TRACK')).toBeDefined();
    expect(by.get('Y-HOURS-REMIND')?.note).toContain('7 天');
  });
});
