/** Early warning (R-002-12 问题预警): below a threshold, or a drop beyond a margin; equality does not warn. */
import { describe, expect, it } from 'vitest';
import { analyzeExam } from './analysis';
import { examOf } from './test-helpers';
import { earlyWarnings } from './warning';

const exam = examOf(
  [10],
  [
    ['a', 'A', '1', 6],
    ['b', 'A', '1', 4],
    ['c', 'B', '1', 3],
    ['d', 'C', '1', 9],
  ],
);
const a = analyzeExam(exam);

describe('earlyWarnings', () => {
  it('EW-BELOW: strictly below the threshold (A at 0.5 is not below 0.5; B at 0.3 is)', () => {
    const w = earlyWarnings(a.schools, a.fullMarks, { metric: 'score_rate', below: 0.5 });
    expect(w.map((x) => [x.rule, x.group, x.value, x.reference])).toEqual([['EW-BELOW', 'B', 0.3, 0.5]]);
  });

  it('EW-DROP: previous − current strictly greater than the margin', () => {
    const previous = new Map([
      ['A', 0.75], // 0.5 now: drop 0.25
      ['B', 0.5], // 0 now: drop 0.5
      ['C', 1], // 1 now
    ]);
    const w = earlyWarnings(a.schools, a.fullMarks, { metric: 'pass_rate', dropMargin: 0.25 }, previous);
    expect(w.map((x) => [x.rule, x.group])).toEqual([['EW-DROP', 'B']]);
  });

  it('groups under minN are not judged', () => {
    const w = earlyWarnings(a.schools, a.fullMarks, { metric: 'score_rate', below: 1, minN: 2 });
    expect(w.map((x) => x.group)).toEqual(['A']);
  });
});
