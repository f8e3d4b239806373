import { describe, expect, it } from 'vitest';
import { RUBRIC_A, RUBRIC_B, RUBRIC_C } from './builtin-rubrics';
import { cloneRubricTitle } from './clone';

describe('cloneRubricTitle', () => {
  it('a county cloning a built-in gets its own name in 济源’s place, without 济源', () => {
    expect(cloneRubricTitle(RUBRIC_C, '清城区')).toBe('清城区中小学优秀教师工作坊评价标准');
    expect(cloneRubricTitle(RUBRIC_A, '英德市')).toBe('英德市“国培计划”项目县绩效评级标准及责任分工');
    expect(cloneRubricTitle(RUBRIC_B, '清远市教师发展中心')).toBe(
      '清远市教师发展中心中小学校本研修示范校评价标准',
    );
    for (const r of [RUBRIC_A, RUBRIC_B, RUBRIC_C])
      expect(cloneRubricTitle(r, '清城区')).not.toContain('济源');
  });

  it('every built-in names the region its title begins with, and stays as it is', () => {
    for (const r of [RUBRIC_A, RUBRIC_B, RUBRIC_C]) expect(r.title.startsWith(r.region ?? '—')).toBe(true);
    expect(RUBRIC_C.title).toBe('济源示范区中小学优秀教师工作坊评价标准');
  });

  it('without a region to replace (or cloned by the region itself), the title is kept and marked （副本）', () => {
    expect(cloneRubricTitle({ title: '示范校评价标准' }, '清城区')).toBe('示范校评价标准（副本）');
    expect(cloneRubricTitle({ title: '示范校评价标准', region: '清城区' }, '英德市')).toBe(
      '示范校评价标准（副本）',
    );
    expect(cloneRubricTitle(RUBRIC_C, '济源示范区')).toBe('济源示范区中小学优秀教师工作坊评价标准（副本）');
    expect(cloneRubricTitle(RUBRIC_C, ' ')).toBe(`${RUBRIC_C.title}（副本）`);
  });

  it('a clone of a clone takes the next owner’s name', () => {
    const first = { title: cloneRubricTitle(RUBRIC_C, '清城区'), region: '清城区' };
    expect(cloneRubricTitle(first, '英德市')).toBe('英德市中小学优秀教师工作坊评价标准');
  });
});
