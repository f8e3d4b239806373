/** Reading the item, score and prior sheets: every problem names file, row, column, value and rule. */
import { describe, expect, it } from 'vitest';
import { checkFullMarks, parseDecimal, readItemSheet, readPriorSheet, readScoreSheet } from './parse';

const ITEMS = readItemSheet({
  records: [
    ['item_id', 'max_score'],
    ['Q1', '5'],
    ['Q2', '10'],
  ],
}).items;

const scores = (...rows: string[][]) =>
  readScoreSheet({ records: [['student_id', 'school', 'class', 'Q1', 'Q2'], ...rows] }, ITEMS);

describe('parseDecimal', () => {
  it('takes decimals as typed, refuses words, exponents and hex', () => {
    expect(parseDecimal('7.5')).toBe(7.5);
    expect(parseDecimal(' 3 ')).toBe(3);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('-2')).toBe(-2);
    expect(parseDecimal(4)).toBe(4);
    for (const bad of ['', 'abc', '1e2', '0x10', '1,5', '.', '-', '1.2.3', 'NaN', 'Infinity'])
      expect(parseDecimal(bad)).toBeNaN();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe('readItemSheet', () => {
  it('reads item ids, max scores, type, knowledge points and ability level (Chinese headers too)', () => {
    const { items, errors } = readItemSheet({
      records: [
        ['题号', '满分', '题型', '知识点', '能力层级'],
        ['1', '3', '客观题', '函数；几何', '理解'],
      ],
    });
    expect(errors).toEqual([]);
    expect(items).toEqual([
      { id: '1', maxScore: 3, type: 'objective', knowledgePoints: ['函数', '几何'], abilityLevel: '理解' },
    ]);
  });

  it('names row, column, value and rule: duplicate item, non-number or non-positive max, missing column', () => {
    const { errors } = readItemSheet({
      records: [
        ['item_id', 'max_score'],
        ['Q1', '5'],
        ['Q1', '5'],
        ['Q2', 'five'],
        ['Q3', '0'],
        ['', '1'],
      ],
    });
    expect(errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [3, 'item_id', 'Q1', 'DUPLICATE_ITEM'],
      [4, 'max_score', 'five', 'NOT_A_NUMBER'],
      [5, 'max_score', '0', 'MAX_NOT_POSITIVE'],
      [6, 'item_id', null, 'REQUIRED'],
    ]);
    expect(readItemSheet({ records: [['item_id']] }).errors[0]).toMatchObject({
      row: 1,
      column: 'max_score',
      rule: 'MISSING_COLUMN',
    });
    expect(readItemSheet({ records: [] }).errors[0]?.rule).toBe('EMPTY_FILE');
  });

  it('hardening: item ids, knowledge points and ability levels have length and charset rules', () => {
    const { items, errors } = readItemSheet({
      records: [
        ['item_id', 'max_score', 'type', 'knowledge_point', 'ability_level'],
        ['第1题(1)', '5', '', '代数；几何', '理解'],
        ['Q😀', '5'],
        ['Q'.repeat(21), '5'],
        ['Q4', '5', '', `代数；${'点'.repeat(51)}`],
        ['Q5', '5', '', '', '应用\u0000'],
        ['Q6', '5', '', '', '应用\n综合'],
        ['Q'.repeat(20), '5'],
      ],
    });
    expect(errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, 'item_id', 'ITEM_ID_FORMAT'],
      [4, 'item_id', 'ITEM_ID_FORMAT'],
      [5, 'knowledge_point', 'TEXT_FORMAT'],
      [6, 'ability_level', 'TEXT_FORMAT'],
      [7, 'ability_level', 'TEXT_FORMAT'],
    ]);
    expect(errors[3]?.value).toBe('应用\\u0000');
    expect(items.map((i) => i.id)).toEqual(['第1题(1)', 'Q'.repeat(20)]);
  });
});

describe('checkFullMarks (FULL_MARKS_MISMATCH)', () => {
  const items = (...max: number[]) => max.map((maxScore) => ({ maxScore }));
  it('an item sheet adding up to the declared full marks passes, in hundredths (7.5 + 2.5 = 10, 0.1 + 0.2 = 0.3)', () => {
    expect(checkFullMarks(items(48, 24, 28), 100)).toBeNull();
    expect(checkFullMarks(items(7.5, 2.5), 10)).toBeNull();
    expect(checkFullMarks(items(0.1, 0.2), 0.3)).toBeNull();
  });

  it("one point over or under is refused with the sum and the declared full marks (the demo's old 102 of 100)", () => {
    expect(checkFullMarks(items(48, 24, 30), 100)).toEqual({
      file: 'items',
      row: 1,
      column: 'max_score',
      value: '102',
      rule: 'FULL_MARKS_MISMATCH',
      message: '各题满分之和为 102，与考试满分 100 不一致',
    });
    expect(checkFullMarks(items(48, 24, 27), 100)?.value).toBe('99');
    expect(checkFullMarks(items(48, 24, 28.5), 100)?.rule).toBe('FULL_MARKS_MISMATCH');
  });
});

describe('readScoreSheet', () => {
  it('builds the matrix of present students; blank cells of a present student are 0', () => {
    const { exam, errors } = scores(['s1', '一中', '1班', '5', '7.5'], ['s2', '一中', '2班', '', '3']);
    expect(errors).toEqual([]);
    expect(Array.from(exam?.scores ?? [])).toEqual([5, 7.5, 0, 3]);
    expect(exam?.blankCells).toBe(1);
    expect(exam?.classes).toEqual([
      { school: 0, name: '1班' },
      { school: 0, name: '2班' },
    ]);
  });

  it('absent students (every item blank, or marked 缺考) are kept apart, not zeros', () => {
    const { exam } = scores(
      ['s1', 'A', '1', '5', '7'],
      ['s2', 'A', '1', '', ''],
      ['s3', 'A', '1', '缺考', '缺考'],
    );
    expect(exam?.studentIds).toEqual(['s1']);
    expect(exam?.absent).toEqual([
      { studentId: 's2', school: 'A', className: '1', row: 3 },
      { studentId: 's3', school: 'A', className: '1', row: 4 },
    ]);
  });

  it('refuses 缺考 beside scores, naming the cell', () => {
    const { errors } = scores(['s1', 'A', '1', '缺考', '7']);
    expect(errors[0]).toMatchObject({ row: 2, column: 'Q1', value: '缺考', rule: 'ABSENT_WITH_SCORES' });
  });

  it('names row, column, value and rule: above max, negative, non-number, duplicate student, blanks', () => {
    const { exam, errors } = scores(
      ['s1', 'A', '1', '6', '10'],
      ['s2', 'A', '1', '5', '-1'],
      ['s3', 'A', '1', 'x', '10.5'],
      ['s1', 'A', '1', '1', '1'],
      ['', '', '', '1', '1'],
    );
    expect(exam).toBeNull();
    expect(errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [2, 'Q1', '6', 'ABOVE_MAX'],
      [3, 'Q2', '-1', 'NEGATIVE'],
      [4, 'Q1', 'x', 'NOT_A_NUMBER'],
      [4, 'Q2', '10.5', 'ABOVE_MAX'],
      [5, 'student_id', 's1', 'DUPLICATE_STUDENT'],
      [6, 'student_id', null, 'REQUIRED'],
      [6, 'school', null, 'REQUIRED'],
      [6, 'class', null, 'REQUIRED'],
    ]);
    expect(errors[0]?.message).toContain('超过该题满分 5');
  });

  it('a score equal to the max is accepted, and so is 0', () => {
    expect(scores(['s1', 'A', '1', '5', '0']).errors).toEqual([]);
  });

  it('header problems: unknown item column, missing item column, missing id column, duplicate column', () => {
    const r = readScoreSheet(
      {
        records: [
          ['student_id', 'school', 'class', 'Q1', 'Q9'],
          ['s', 'A', '1', '1', '1'],
        ],
      },
      ITEMS,
    );
    expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [1, 'Q9', 'UNKNOWN_ITEM_COLUMN'],
      [1, 'Q2', 'MISSING_COLUMN'],
    ]);
    const r2 = readScoreSheet({ records: [['school', 'class', 'Q1', 'Q2', 'Q2']] }, ITEMS);
    expect(r2.errors.map((e) => [e.column, e.rule])).toEqual([
      ['student_id', 'MISSING_COLUMN'],
      ['Q2', 'DUPLICATE_COLUMN'],
    ]);
  });

  it('unknown schools when the caller knows the schools; extra cells beyond the header', () => {
    const r = readScoreSheet(
      {
        records: [
          ['student_id', 'school', 'class', 'Q1', 'Q2'],
          ['s1', '二中', '1', '1', '1', '9'],
        ],
      },
      ITEMS,
      { knownSchools: new Set(['一中']) },
    );
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [2, 'school', '二中', 'UNKNOWN_SCHOOL'],
      [2, null, '9', 'EXTRA_CELLS'],
    ]);
  });

  it('uses the row numbers the sheet gives (Excel rows after blank rows)', () => {
    const r = readScoreSheet(
      {
        records: [
          ['student_id', 'school', 'class', 'Q1', 'Q2'],
          ['s1', 'A', '1', '9', '1'],
        ],
        rowNumbers: [3, 7],
      },
      ITEMS,
    );
    expect(r.errors[0]).toMatchObject({ row: 7, column: 'Q1', rule: 'ABOVE_MAX' });
  });

  it('Excel numbers pass as numbers', () => {
    const r = readScoreSheet(
      {
        records: [
          ['student_id', 'school', 'class', 'Q1', 'Q2'],
          [1001, 'A', 1, 4.5, 10],
        ],
      },
      ITEMS,
    );
    expect(r.exam?.studentIds).toEqual(['1001']);
    expect(Array.from(r.exam?.scores ?? [])).toEqual([4.5, 10]);
  });
});

describe('readPriorSheet', () => {
  it('reads prior scores; blank means no prior; duplicates and non-numbers are errors', () => {
    const { prior, errors } = readPriorSheet({
      records: [
        ['student_id', 'prior_score'],
        ['a', '70'],
        ['b', ''],
        ['c', '-0.5'],
        ['a', '1'],
        ['d', 'x'],
      ],
    });
    expect([...prior]).toEqual([
      ['a', 70],
      ['c', -0.5],
    ]);
    expect(errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [5, 'student_id', 'a', 'DUPLICATE_STUDENT'],
      [6, 'prior_score', 'x', 'NOT_A_NUMBER'],
    ]);
  });
});
