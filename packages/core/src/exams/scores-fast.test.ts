/**
 * The CSV fast path for score sheets (readScoreCsvFast) against the general path (parseCsv + readScoreSheet):
 * whenever the fast path answers, its ExamScores equal the general path's field by field; whenever the input has
 * anything unusual (quotes, 缺考, bad numbers, scores above max …) it declines, so the errors (row, column, value,
 * rule) are the general path's own. (bench: 100,000 × 40) and R-002-13 质量分析 input validation.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { readItemSheet, readPriorSheet, readScoreSheet } from './parse';
import { readPriorCsvFast, readScoreCsvFast } from './scores-fast';

const ITEMS = readItemSheet({
  records: [
    ['item_id', 'max_score'],
    ['Q1', '5'],
    ['Q2', '10'],
    ['Q3', '2.5'],
  ],
}).items;

const H = 'student_id,school,class,Q1,Q2,Q3';

function general(text: string, known?: ReadonlySet<string>) {
  return readScoreSheet({ records: parseCsv(text) }, ITEMS, known ? { knownSchools: known } : {});
}

/** What the CLI does: fast path, else the general one. */
function combined(text: string, known?: ReadonlySet<string>) {
  const fast = readScoreCsvFast(text, ITEMS, known ? { knownSchools: known } : {});
  return fast ? { exam: fast, errors: [] } : general(text, known);
}

/** Inputs the fast path reads itself. */
const FAST: Record<string, string> = {
  'plain LF': `${H}\ns1,一中,1班,5,10,2.5\ns2,一中,2班,0,3,1\ns3,二中,1班,4,7.5,0\n`,
  'CRLF and no final line break': `${H}\r\ns1,一中,1班,5,10,2\r\ns2,二中,1班,1,2,0`,
  'lone CR': `${H}\rs1,一中,1班,5,10,2\rs2,二中,1班,1,2,0\r`,
  'trailing blank lines and a blank line in the middle': `${H}\ns1,一中,1班,1,2,0\n\n,,,,,\ns2,一中,1班,3,4,1\n\n\n`,
  'blank cells (not absent) and a short row': `${H}\ns1,一中,1班,,10,\ns2,一中,1班,4\n`,
  'absent student: every item blank': `${H}\ns1,一中,1班,,,\ns2,一中,1班,1,1,1\n`,
  'decimals: .5, 5., 2.50': `${H}\ns1,一中,1班,.5,5.,2.50\n`,
  'spaces around id, school and class (trimmed)': `${H}\n s1 , 一中 ,1班 ,1,2,0\n`,
  'columns in another order, Chinese header, a trailing empty cell': `班级,Q3,学校,Q2,考号,Q1\n1班,1,一中,2,s1,3,\n`,
  'GBK-decoded text is just text': `${H}\n00123,清远市第一中学,初三(1)班,5,0,0\n`,
  'ids of every code character: digits, both cases, _ and -': `${H}\n0-9_AZaz,一中,1班,1,1,1\nzZ-_09,一中,1班,1,1,1\n7,一中,1班,1,1,1\n`,
  'identifiers at their limits: a 32-character id, a 60-character school, a 30-character class': `${H}\n${'A'.repeat(32)},${'校'.repeat(60)},${'班'.repeat(30)},1,1,1\nG440101200901011234_x-1,一中,七年级（3）班·实验,1,1,1\n`,
};

/** Inputs it declines: the general path decides (and reports errors where there are some). */
const GENERAL: Record<string, string> = {
  'quoted fields': `${H}\n"s1","一中,东校",1班,5,"10",2\n`,
  'quoted field with a line break': `${H}\ns1,"一中\n东校",1班,5,10,2\n`,
  'unclosed quote is left to parseCsv': `${H}\ns1,"一中,1班,5,10,2\n`,
  '缺考 marker': `${H}\ns1,一中,1班,缺考,缺考,缺考\ns2,一中,1班,1,2,0\n`,
  '缺考 with scores': `${H}\ns1,一中,1班,缺考,3,\n`,
  'score above max': `${H}\ns1,一中,1班,6,10,2\ns2,一中,1班,1,11,2.6\n`,
  'negative score': `${H}\ns1,一中,1班,-1,10,2\n`,
  'minus zero': `${H}\ns1,一中,1班,-0,10,2\n`,
  'plus sign': `${H}\ns1,一中,1班,+1,10,2\n`,
  'non-numbers': `${H}\ns1,一中,1班,abc,1e1,0x1\ns2,一中,1班,.,1.2.3,N/A\n`,
  'spaces inside a score cell': `${H}\ns1,一中,1班, 3 ,10,2\n`,
  'whitespace-only score cell': `${H}\ns1,一中,1班,  ,10,2\n`,
  'too many digits': `${H}\ns1,一中,1班,0000000000000001,10,2\n`,
  'duplicate student': `${H}\ns1,一中,1班,1,1,1\ns1,一中,2班,2,2,2\n`,
  'missing student id, school, class': `${H}\n,一中,1班,1,1,1\ns2,,1班,1,1,1\ns3,一中,,1,1,1\n`,
  'cells beyond the header': `${H}\ns1,一中,1班,1,1,1,9\n`,
  'blank cells beyond the header (whitespace)': `${H}\ns1,一中,1班,1,1,1, \n`,
  BOM: `\ufeff${H}\ns1,一中,1班,1,1,1\n`,
  'blank first line': `\n${H}\ns1,一中,1班,1,1,1\n`,
  'unknown item column': `${H},Q9\ns1,一中,1班,1,1,1,1\n`,
  'missing item column': `student_id,school,class,Q1,Q2\ns1,一中,1班,1,1\n`,
  'duplicate column': `${H},Q1\ns1,一中,1班,1,1,1,1\n`,
  'empty text': '',
  'header only': `${H}\n`,
  'header and blank lines only': `${H}\r\n\r\n,,,,,\n`,
  'a student id of 5,000 characters': `${H}\n${'9'.repeat(5000)},一中,1班,1,1,1\n`,
  'a 33-character student id': `${H}\n${'A'.repeat(33)},一中,1班,1,1,1\n`,
  'emoji and Chinese in student ids': `${H}\ns😀1,一中,1班,1,1,1\n学生1,一中,1班,1,1,1\n`,
  'a space or a tab inside a student id': `${H}\ns 1,一中,1班,1,1,1\ns\t2,一中,1班,1,1,1\n`,
  'an emoji class, a control character in a school': `${H}\ns1,一中,1班🎉,1,1,1\ns2,一\u0007中,1班,1,1,1\n`,
  'a school name of 61 characters, a class of 31': `${H}\ns1,${'校'.repeat(61)},1班,1,1,1\ns2,一中,${'班'.repeat(31)},1,1,1\n`,
  'an absent student with a bad class': `${H}\ns1,一中,1班,1,1,1\ns2,一中,\u202e班,,,\n`,
  'a bad class met again later (checked once per name)': `${H}\ns1,一中,1班,1,1,1\ns2,一中,2班\u200b,1,1,1\ns3,一中,2班\u200b,1,1,1\n`,
};

describe('readScoreCsvFast', () => {
  for (const [name, text] of Object.entries(FAST)) {
    it(`reads ${name} exactly as the general path`, () => {
      const g = general(text);
      expect(g.errors).toEqual([]);
      const fast = readScoreCsvFast(text, ITEMS);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(g.exam);
    });
  }

  for (const [name, text] of Object.entries(GENERAL)) {
    it(`leaves ${name} to the general path: same result and same errors`, () => {
      let g: ReturnType<typeof general> | Error;
      try {
        g = general(text);
      } catch (err) {
        g = err as Error;
      }
      const fast = readScoreCsvFast(text, ITEMS);
      expect(fast).toBeNull();
      if (g instanceof Error) expect(() => combined(text)).toThrow(g.message);
      else expect(combined(text)).toEqual(g);
    });
  }

  it('a student id with any char next to the code ranges (/ : @ [ ` { . space) goes to the general path', () => {
    for (const ch of ['/', ':', '@', '[', '`', '{', '.', ' ']) {
      const text = `${H}\ns1,一中,1班,1,1,1\ns${ch}2,一中,1班,1,1,1\n`;
      expect(readScoreCsvFast(text, ITEMS), ch).toBeNull();
      expect(
        combined(text).errors.map((e) => [e.row, e.rule]),
        ch,
      ).toEqual([[3, 'STUDENT_ID_FORMAT']]);
      expect(readPriorCsvFast(`student_id,prior_score\ns1,1\ns${ch}2,1\n`), ch).toBeNull();
    }
  });

  it('hardening: a header-only score sheet is an error (NO_STUDENTS) on both paths', () => {
    for (const text of [`${H}\n`, H, `${H}\n\n,,,\n`]) {
      expect(readScoreCsvFast(text, ITEMS)).toBeNull();
      const r = combined(text);
      expect(r.exam).toBeNull();
      expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([[1, null, 'NO_STUDENTS']]);
      expect(r.errors[0]?.message).toContain('只有表头');
    }
    // one absent student is a sheet with a student: not refused here
    const oneAbsent = `${H}\ns1,一中,1班,,,\n`;
    expect(readScoreCsvFast(oneAbsent, ITEMS)).toEqual(general(oneAbsent).exam);
    expect(general(oneAbsent).exam?.absent).toHaveLength(1);
  });

  it('a school outside knownSchools goes to the general path (UNKNOWN_SCHOOL)', () => {
    const text = `${H}\ns1,一中,1班,1,1,1\ns2,三中,1班,1,1,1\n`;
    const known = new Set(['一中']);
    expect(readScoreCsvFast(text, ITEMS, { knownSchools: known })).toBeNull();
    const r = combined(text, known);
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [3, 'school', '三中', 'UNKNOWN_SCHOOL'],
    ]);
    expect(readScoreCsvFast(text, ITEMS, { knownSchools: new Set(['一中', '三中']) })).toEqual(
      general(text, new Set(['一中', '三中'])).exam,
    );
  });

  it('errors keep row, column, value and rule (above max, negative, non-number, 缺考 with scores)', () => {
    const text = `${H}\ns1,一中,1班,6,-1,x\ns2,一中,1班,缺考,3,\n`;
    expect(combined(text).errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [2, 'Q1', '6', 'ABOVE_MAX'],
      [2, 'Q2', '-1', 'NEGATIVE'],
      [2, 'Q3', 'x', 'NOT_A_NUMBER'],
      [3, 'Q1', '缺考', 'ABSENT_WITH_SCORES'],
    ]);
  });

  it('hardening: identifiers break the rules the same way on both paths, naming row, column, cut value and rule', () => {
    const long = '9'.repeat(5000);
    const text = `${H}\n${long},一中,1班,1,1,1\ns😀,一中,1班🎉,1,1,1\ns3,${'校'.repeat(61)},1班,1,1,1\n`;
    expect(readScoreCsvFast(text, ITEMS)).toBeNull();
    const r = combined(text);
    expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'student_id', 'STUDENT_ID_FORMAT'],
      [3, 'student_id', 'STUDENT_ID_FORMAT'],
      [3, 'class', 'TEXT_FORMAT'],
      [4, 'school', 'TEXT_FORMAT'],
    ]);
    const [first] = r.errors;
    expect(first?.value).toBe(`${'9'.repeat(40)}…（共 5000 个字符）`);
    expect(first?.message).toBe(
      `第 2 行：考号「${'9'.repeat(40)}…（共 5000 个字符）」长度为 5000 个字符，超出范围；应为 1–32 个英文字母、数字、下划线 _ 或连字符 -`,
    );
    expect(r.errors[1]?.message).toContain('含有不允许的字符');
    expect(r.errors[2]?.message).toContain('表情符号');
  });

  it('a larger seeded sheet (5,000 × 3, blank cells, absent rows, CRLF) equals the general path', () => {
    let a = 7;
    const rnd = () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
    const lines = [H];
    for (let i = 0; i < 5000; i++) {
      const absent = rnd() < 0.02;
      const cell = (max: number, half: boolean) =>
        absent || rnd() < 0.01
          ? ''
          : half
            ? String(Math.floor(rnd() * max * 2) / 2)
            : String(Math.floor(rnd() * (max + 1)));
      lines.push(`s${i},学校${i % 17},${i % 5}班,${cell(5, false)},${cell(10, true)},${cell(2.5, true)}`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    const fast = readScoreCsvFast(text, ITEMS);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(general(text).exam);
  });
});

describe('readScoreCsvFast with compactScores (the command line: the matrix in half the memory)', () => {
  const compact = (text: string) => readScoreCsvFast(text, ITEMS, { compactScores: true });
  /** The fast path's exam with its matrix as a Float64Array, to compare with the general path's field by field. */
  const widened = (e: NonNullable<ReturnType<typeof compact>>) => ({
    ...e,
    scores: Float64Array.from(e.scores),
  });

  for (const [name, text] of Object.entries(FAST)) {
    it(`reads ${name} to the same numbers as the general path`, () => {
      const fast = compact(text);
      expect(fast).not.toBeNull();
      if (!fast) return;
      expect(fast.scores).toBeInstanceOf(Float32Array);
      expect(widened(fast)).toEqual(general(text).exam);
    });
  }

  it('whole, half and quarter points stay a Float32Array; a 0.1 or a 0.3 widens the matrix, earlier rows kept', () => {
    const quarter = `${H}\ns1,一中,1班,4.75,9.5,2.25\ns2,一中,1班,0.125,0,0\n`;
    expect(compact(quarter)?.scores).toBeInstanceOf(Float32Array);
    for (const cell of ['0.1', '0.3', '2.2', '4.999']) {
      const text = `${H}\ns1,一中,1班,4.75,9.5,2.25\ns2,一中,1班,${cell},1,1\ns3,二中,1班,1,2,1\n`;
      const fast = compact(text);
      expect(fast?.scores).toBeInstanceOf(Float64Array);
      expect(fast).toEqual(general(text).exam);
      expect(fast?.scores[3]).toBe(Number(cell));
    }
  });

  it('a widened matrix still grows past its first guess of rows (lone CRs)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `s${i},一中,1班,${i === 3 ? '0.1' : '1'},2,1`);
    const text = `${H}\r${rows.join('\r')}\r`;
    const fast = compact(text);
    expect(fast?.scores).toBeInstanceOf(Float64Array);
    expect(fast).toEqual(general(text).exam);
  });

  it('without the option the matrix is a Float64Array, as the server stages it', () => {
    expect(readScoreCsvFast(FAST['plain LF'] ?? '', ITEMS)?.scores).toBeInstanceOf(Float64Array);
  });
});

/** The UTF-8 bytes of a text, and the same bytes as a "binary" string (one char per byte, as Node's latin1). */
function utf8Of(text: string): { bytes: Uint8Array; binary: string } {
  const bytes = new TextEncoder().encode(text);
  return { bytes, binary: Array.from(bytes, (b) => String.fromCharCode(b)).join('') };
}

describe('the fast paths on undecoded UTF-8 (the binary string and its bytes)', () => {
  // 丠 is E4 B8 A0 and 丅 is E4 B8 85 in UTF-8: as binary chars their last byte is NBSP or NEL, which trim() removes
  const TRICKY: Record<string, string> = {
    'a school ending in a byte 0xA0, a class ending in 0x85': `${H}\ns1,一丠,1丅,1,1,1\ns2,一丠,1丅,2,2,2\n`,
    'a school of an ideographic space only (U+3000 trims to nothing)': `${H}\ns1,\u3000,1班,1,1,1\n`,
    'an ideographic space around a school and in a column the sheet does not use': `${H},备注\ns1,\u3000一中\u3000,1班,1,1,1,\u3000\n`,
    'a no-break space inside a score cell': `${H}\ns1,一中,1班,1\u00a0,1,1\n`,
    'a Chinese header': `考号,学校,班级,Q1,Q2,Q3\ns1,一中,1班,1,1,1\n`,
    'a byte-order mark left in the text (a second one)': `\ufeff${H}\ns1,一中,1班,1,1,1\n`,
  };
  const cases = { ...FAST, ...GENERAL, ...TRICKY };
  for (const [name, text] of Object.entries(cases)) {
    it(`scores: ${name} — the same answer as the decoded text`, () => {
      const { bytes, binary } = utf8Of(text);
      expect(readScoreCsvFast(binary, ITEMS, {}, bytes)).toEqual(readScoreCsvFast(text, ITEMS));
    });
  }
  for (const [name, text] of Object.entries({
    plain: 'student_id,prior_score\na1,70\na2,81.5\n',
    'a Chinese header and an id of Chinese characters': '考号,前测成绩\n学生丠,70\n',
    'an id padded with ideographic spaces': 'student_id,prior_score\n\u3000a1\u3000,70\n',
  })) {
    it(`prior: ${name} — the same answer as the decoded text`, () => {
      const { bytes, binary } = utf8Of(text);
      expect(readPriorCsvFast(binary, bytes)).toEqual(readPriorCsvFast(text));
    });
  }
});

describe('readPriorCsvFast', () => {
  const P = 'student_id,prior_score';
  const generalPrior = (text: string) => readPriorSheet({ records: parseCsv(text) });
  const asEntries = (p: { ids: readonly string[]; scores: Float64Array }) =>
    p.ids.map((id, i) => [id, p.scores[i]]);

  const ACCEPTED: Record<string, string> = {
    'sorted ids': `${P}\na1,70\na2,81.5\na3,.5\n`,
    'ids out of order (duplicates checked with a hash index)': `${P}\nb,1\na,2\nc,3\n`,
    'blank prior score = no prior, the id still counts': `${P}\na,\nb,5\n`,
    'CRLF, lone CR, no final line break': `${P}\r\na,1\rb,2\r\nc,3`,
    'blank lines and lines of commas': `${P}\n\na,1\n,\n\nb,2\n`,
    'Chinese header, columns swapped, an extra column': `前测成绩,考号,备注\n60,s1,x\n70,s2,\n`,
    'spaces around the id': `${P}\n s1 ,60\n`,
    'ids of every code character, one of 32': `${P}\n0-9_AZaz,1\nzZ-_09,2\n${'A'.repeat(32)},3\n`,
    'a long file that outgrows its first guess (lone CRs)': `${P}\r${Array.from({ length: 50 }, (_, i) => `s${i},${i}`).join('\r')}`,
  };
  for (const [name, text] of Object.entries(ACCEPTED)) {
    it(`reads ${name} as readPriorSheet does`, () => {
      const g = generalPrior(text);
      expect(g.errors).toEqual([]);
      const fast = readPriorCsvFast(text);
      expect(fast).not.toBeNull();
      expect(asEntries(fast as NonNullable<typeof fast>)).toEqual([...g.prior]);
    });
  }

  const DECLINED: Record<string, string> = {
    'duplicate student (sorted)': `${P}\na,1\na,2\n`,
    'duplicate student (out of order)': `${P}\nb,1\na,2\nb,3\n`,
    'duplicate student, the first without a prior score': `${P}\na,\nb,1\na,2\n`,
    'a sign': `${P}\na,-1\n`,
    'spaces in the score': `${P}\na, 1\n`,
    'not a number': `${P}\na,x\n`,
    'a lone dot': `${P}\na,.\n`,
    'too many digits': `${P}\na,1234567890123456\n`,
    'missing id': `${P}\n,5\n`,
    quotes: `${P}\n"a",5\n`,
    BOM: `\ufeff${P}\na,5\n`,
    'missing column': 'student_id,score\na,5\n',
    'blank first line': `\n${P}\na,5\n`,
    'empty text': '',
    'a student id of 5,000 characters': `${P}\n${'9'.repeat(5000)},5\n`,
    'an emoji student id': `${P}\na😀,5\n`,
    'a 33-character student id': `${P}\n${'A'.repeat(33)},5\n`,
  };
  for (const [name, text] of Object.entries(DECLINED)) {
    it(`leaves ${name} to readPriorSheet`, () => {
      expect(readPriorCsvFast(text)).toBeNull();
    });
  }

  it('reads every decimal of up to 15 digits to the same double as Number() (scores and prior scores)', () => {
    let a = 11;
    const rnd = (n: number) => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return Math.floor((a / 2147483648) * n);
    };
    const digits = (n: number) => Array.from({ length: n }, () => String(rnd(10))).join('');
    const cells = [
      '0.1',
      '0.3',
      '2.675',
      '.5',
      '5.',
      '007.50',
      '0.00000000000001',
      '99999999999999.9',
      '1.00000000000001',
    ];
    for (let i = 0; i < 3000; i++) {
      const whole = rnd(15);
      const frac = 1 + rnd(15 - whole);
      cells.push(`${digits(whole)}.${digits(frac)}`);
    }
    const prior = readPriorCsvFast(`${P}\n${cells.map((c, i) => `s${i},${c}`).join('\n')}\n`);
    expect(prior?.ids).toHaveLength(cells.length);
    const wrong = cells.filter((c, i) => !Object.is(prior?.scores[i], Number(c)));
    expect(wrong).toEqual([]);
    // a score cell the same way (one item of max 10^15)
    const [item] = readItemSheet({
      records: [
        ['item_id', 'max_score'],
        ['Q1', '1000000000000000'],
      ],
    }).items;
    const exam = readScoreCsvFast(
      `student_id,school,class,Q1\n${cells.map((c, i) => `s${i},一中,1班,${c}`).join('\n')}\n`,
      item ? [item] : [],
    );
    expect(cells.filter((c, i) => !Object.is(exam?.scores[i], Number(c)))).toEqual([]);
  });

  it('hardening: a prior sheet’s student ids follow the same rule (STUDENT_ID_FORMAT)', () => {
    const r = generalPrior(`${P}\n${'9'.repeat(5000)},5\na😀,5\n${'A'.repeat(32)},5\n`);
    expect(r.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, 'student_id', 'STUDENT_ID_FORMAT'],
      [3, 'student_id', 'STUDENT_ID_FORMAT'],
    ]);
    expect([...r.prior.keys()]).toEqual(['A'.repeat(32)]);
  });
});
