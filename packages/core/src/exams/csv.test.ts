import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('splits records on LF, CRLF and CR; a final line break makes no empty record', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsv('a\r1')).toEqual([['a'], ['1']]);
  });

  it('keeps quoted commas, line breaks and doubled quotes', () => {
    expect(parseCsv('"a,b","say ""hi""","x\r\ny"\n1,,3')).toEqual([
      ['a,b', 'say "hi"', 'x\r\ny'],
      ['1', '', '3'],
    ]);
  });

  it('drops a UTF-8 BOM, keeps empty fields and empty lines as one empty field', () => {
    expect(parseCsv('\ufeff考号,学校\n\n1,')).toEqual([['考号', '学校'], [''], ['1', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('does not trim unquoted fields', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the record', () => {
    expect(() => parseCsv('a\n"open,1')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb\n"x"y,1');
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).record).toBe(3);
    }
  });
});
