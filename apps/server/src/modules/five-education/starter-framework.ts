/**
 * The starter framework a new 五育 framework begins with: the five dimensions at CD-24's 20 % each, and one core
 * element with one or two monitorable indicators per dimension, every one marked `example` (the editor shows a 示例
 * tag and a note; the names stay plain, as they read on the rounds, results and templates). The
 * seeds give only the counts of Chengdu's plan (33 core elements, 21 indicators), not the lists: the officer
 * replaces these with the region's own.
 */
import type { FiveEduFrameworkBody, FiveEduIndicator } from '@yanxun/contracts';
import { DEFAULT_FIVE_WEIGHTS } from '@yanxun/core';

const ex = (i: Omit<FiveEduIndicator, 'example'>): FiveEduIndicator => ({ ...i, example: true });
const w = DEFAULT_FIVE_WEIGHTS.value;

export const STARTER_FRAMEWORK: FiveEduFrameworkBody = {
  weights: {
    moral: w.moral * 100,
    intellectual: w.intellectual * 100,
    physical: w.physical * 100,
    aesthetic: w.aesthetic * 100,
    labour: w.labour * 100,
  },
  dimensions: [
    {
      dimension: 'moral',
      elements: [
        {
          code: 'M1',
          name: '理想信念与行为习惯',
          indicators: [
            ex({
              code: 'M1-1',
              name: '学生行为规范问卷得分',
              unit: '分',
              direction: 'higher',
              normalise: { method: 'min_max', min: 0, max: 100 },
              source: 'sample_survey',
            }),
          ],
        },
      ],
    },
    {
      dimension: 'intellectual',
      elements: [
        {
          code: 'I1',
          name: '学业水平',
          indicators: [
            ex({
              code: 'I1-1',
              name: '学业质量监测达标率',
              unit: '%',
              direction: 'higher',
              normalise: { method: 'target', target: 95 },
              source: 'school_report',
            }),
            ex({
              code: 'I1-2',
              name: '学生课业负担问卷得分',
              unit: '分',
              direction: 'higher',
              normalise: { method: 'min_max', min: 0, max: 100 },
              source: 'sample_survey',
            }),
          ],
        },
      ],
    },
    {
      dimension: 'physical',
      elements: [
        {
          code: 'P1',
          name: '体质健康',
          indicators: [
            ex({
              code: 'P1-1',
              name: '体质健康测试优良率',
              unit: '%',
              direction: 'higher',
              normalise: { method: 'target', target: 60 },
              source: 'fitness_data',
            }),
            ex({
              code: 'P1-2',
              name: '近视率',
              unit: '%',
              direction: 'lower',
              normalise: { method: 'min_max', min: 20, max: 80 },
              source: 'fitness_data',
            }),
          ],
        },
      ],
    },
    {
      dimension: 'aesthetic',
      elements: [
        {
          code: 'A1',
          name: '艺术素养',
          indicators: [
            ex({
              code: 'A1-1',
              name: '艺术社团参与率',
              unit: '%',
              direction: 'higher',
              normalise: { method: 'target', target: 80 },
              source: 'school_report',
            }),
          ],
        },
      ],
    },
    {
      dimension: 'labour',
      elements: [
        {
          code: 'L1',
          name: '劳动实践',
          indicators: [
            ex({
              code: 'L1-1',
              name: '每周家务劳动时长',
              unit: '小时',
              direction: 'higher',
              normalise: { method: 'target', target: 3 },
              source: 'sample_survey',
            }),
          ],
        },
      ],
    },
  ],
};
