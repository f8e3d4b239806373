import { afterAll, describe, expect, it } from 'vitest';
import { hostile, rowXml, workbookOf } from '../../test/fixtures/hostile-files';
import { readSheetCells, SheetReadError } from '../sheet-cells';
import { checkCsvBounds } from './csv';
import { DEFAULT_SHEET_LIMITS, SheetError, type SheetLimits } from './limits';
import { createSheetPool, SheetPoolBusy } from './pool';
import { readSheetRows } from './rows';
import type { SheetRow } from './xlsx';

const limits: SheetLimits = { ...DEFAULT_SHEET_LIMITS, maxRows: 1000, maxColumns: 50, maxCellChars: 200 };

async function rowsOf(buf: Buffer, l: SheetLimits = limits, name = 'f.xlsx'): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  await readSheetRows(buf, name, l, (r) => rows.push(r));
  return rows;
}

async function refusal(p: Promise<unknown>): Promise<SheetError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SheetError) return err;
    throw err;
  }
  throw new Error('expected a SheetError');
}

function refusalOf(f: () => void): unknown {
  try {
    f();
  } catch (err) {
    if (err instanceof SheetError) return err.details;
    throw err;
  }
  throw new Error('expected a SheetError');
}

describe('hardening: an uploaded sheet is held to its limits while it is read', () => {
  it('a 100 MiB cell that deflates to about 0.1 MB is refused by the zip ratio before it inflates', async () => {
    const buf = await hostile.hugeCell(100);
    expect(buf.length).toBeLessThan(400_000);
    const e = await refusal(rowsOf(buf));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ limit: 'maxZipRatio', max: 100, setting: 'MAX_ZIP_RATIO' });
    expect(e.message).toContain('压缩比');
  });

  it('the same cell with the ratio allowed is refused by the unzipped budget, counted as it inflates', async () => {
    const buf = await hostile.hugeCell(100);
    const e = await refusal(
      rowsOf(buf, { ...limits, maxZipRatio: 100_000, maxUnzippedBytes: 10 * 1024 * 1024 }),
    );
    expect(e.details).toMatchObject({ limit: 'maxUnzippedBytes', setting: 'MAX_UNZIPPED_MB' });
  });

  it('a cell one character over MAX_CELL_CHARS is refused naming row and column; at the limit it is read', async () => {
    const over = await refusal(rowsOf(await hostile.longCell(201)));
    expect(over.code).toBe('FILE_LIMIT_EXCEEDED');
    expect(over.details).toMatchObject({ limit: 'maxCellChars', max: 200, row: 2, column: 'A', actual: 201 });
    expect(over.message).toContain('第 2 行 A 列');
    const at = await rowsOf(await hostile.longCell(200));
    expect(at[1]?.values[0]).toHaveLength(200);
  });

  it('a shared-strings table over MAX_SHARED_STRINGS_MB is refused', async () => {
    const buf = await hostile.sharedStrings(3);
    const e = await refusal(
      rowsOf(buf, { ...limits, maxZipRatio: 100_000, maxSharedStringsBytes: 2 * 1024 * 1024 }),
    );
    expect(e.details).toMatchObject({ limit: 'maxSharedStringsBytes', entry: 'xl/sharedStrings.xml' });
  });

  it('a sheet that declares 1 KB and inflates to 5 MiB is refused as malformed', async () => {
    const e = await refusal(rowsOf(await hostile.lyingSize(5), { ...limits, maxZipRatio: 100_000 }));
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('实际大小与声明不符');
  });

  it('rows: the header plus 999 rows are read, one more row is refused naming it', async () => {
    expect(await rowsOf(await hostile.manyRows(999))).toHaveLength(1000);
    const e = await refusal(rowsOf(await hostile.manyRows(1000)));
    expect(e.details).toMatchObject({ limit: 'maxRows', max: 1000, row: 1001 });
  });

  it('a value in column XFD is refused by MAX_SHEET_COLUMNS without building a 16,384-cell row', async () => {
    const e = await refusal(rowsOf(await hostile.farColumn()));
    expect(e.details).toMatchObject({ limit: 'maxColumns', max: 50, row: 2, column: 'XFD', actual: 16_384 });
  });

  it('more zip entries than MAX_ZIP_ENTRIES are refused', async () => {
    const e = await refusal(rowsOf(await hostile.manyEntries(1000)));
    expect(e.details).toMatchObject({ limit: 'maxZipEntries', max: 1000 });
  });

  it('CSV: one huge field, too many lines and too many fields are refused by the same limits', async () => {
    expect((await refusal(rowsOf(hostile.csvHugeField(5000), limits, 'f.csv'))).details).toMatchObject({
      limit: 'maxCellChars',
      row: 2,
      column: 'A',
    });
    expect((await refusal(rowsOf(hostile.csvManyRows(1000), limits, 'f.csv'))).details).toMatchObject({
      limit: 'maxRows',
      row: 1001,
    });
    expect((await refusal(rowsOf(hostile.csvManyColumns(60), limits, 'f.csv'))).details).toMatchObject({
      limit: 'maxColumns',
      row: 2,
    });
    expect(await rowsOf(hostile.csvManyRows(999), limits, 'f.csv')).toHaveLength(1000);
  });

  it('hardening: empty records are not rows, but no more of them than of rows are read (CSV and .xlsx)', async () => {
    // CSV: the header and 999 empty lines or lines of commas pass; one more is refused at once, naming the line
    for (const empty of ['\n', ',\n', ',,\r\n', '""\n']) {
      expect(() => checkCsvBounds(`a,b\n${empty.repeat(1000)}`, limits)).not.toThrow();
      expect(refusalOf(() => checkCsvBounds(`a,b\n${empty.repeat(1001)}`, limits))).toMatchObject({
        limit: 'maxRows',
        max: 1000,
        row: 1002,
        blank: true,
      });
    }
    // with 999 rows of values as well: each kind has its own count
    expect(() => checkCsvBounds(`a,b\n${'1,2\n'.repeat(999)}${'\n'.repeat(1000)}`, limits)).not.toThrow();
    const csv = await refusal(rowsOf(Buffer.from(`a,b\n${'\n'.repeat(5000)}`), limits, 'f.csv'));
    expect(csv.message).toContain('空行过多');
    // .xlsx: <row/> elements without a value
    const empties = (n: number) =>
      workbookOf({
        rows: [
          { text: '<row r="1"><c t="inlineStr"><is><t>a</t></is></c></row>' },
          { text: '<row/>', times: n },
        ],
      });
    expect(await rowsOf(await empties(1000))).toHaveLength(1);
    const x = await refusal(rowsOf(await empties(1001)));
    expect(x.details).toMatchObject({ limit: 'maxRows', blank: true });
  });

  it('hardening: a record of empty cells is refused past twice the columns allowed, before the parser builds them', () => {
    expect(() => checkCsvBounds(`a\n${','.repeat(99)}\n`, limits)).not.toThrow(); // 100 cells = 2 × 50
    expect(refusalOf(() => checkCsvBounds(`a\n${','.repeat(100)}\n`, limits))).toMatchObject({
      limit: 'maxColumns',
      row: 2,
      empty: true,
    });
    expect(refusalOf(() => checkCsvBounds(`a\n${','.repeat(5_000_000)}\n`, limits))).toMatchObject({
      empty: true,
    });
  });

  it('CSV bounds count a quoted field by its content: "" is one character; commas and newlines inside quotes too', () => {
    const l = { ...limits, maxCellChars: 3, maxColumns: 2 };
    expect(() => checkCsvBounds('a,"x""y"\n', l)).not.toThrow();
    expect(() => checkCsvBounds('a,"x""yz"\n', l)).toThrow(SheetError);
    expect(() => checkCsvBounds('"a,\nb"\n', l)).toThrow(SheetError);
    expect(() => checkCsvBounds('"a,b"\n', l)).not.toThrow();
  });

  it('CSV bounds without quotes, judged from the line lengths when they are far inside the limits: the same verdicts', () => {
    const l = { ...limits, maxCellChars: 5, maxColumns: 7, maxRows: 3 };
    expect(() => checkCsvBounds('abcde\nab,cd\n', l)).not.toThrow(); // longest line = maxCellChars
    expect(refusalOf(() => checkCsvBounds('ab,cd\nabcdef\n', l))).toMatchObject({
      limit: 'maxCellChars',
      row: 2,
    });
    expect(() => checkCsvBounds('a,b,c\n1\n2', l)).not.toThrow(); // three records = maxRows
    expect(refusalOf(() => checkCsvBounds('a\r1\r2\r3', l))).toMatchObject({ limit: 'maxRows', row: 4 });
    expect(refusalOf(() => checkCsvBounds('a,b,c,d,e,f,g,h\n', l))).toMatchObject({ limit: 'maxColumns' });
    // lines longer than the limits, but no field is: the char-by-char check decides, and lets it through
    expect(() => checkCsvBounds('abcd,abcd,abcd\n', { ...l, maxColumns: 3 })).not.toThrow();
  });

  it('a UTF-8 CSV is read undecoded only when its bytes are within the limits; its chars decide otherwise', async () => {
    const l = { ...limits, maxCellChars: 200 };
    const wide = (n: number) => Buffer.from(`student_id,school\ns1,${'校'.repeat(n)}\n`, 'utf8');
    // 200 Chinese chars are 600 bytes: over the limit counted in bytes, within it in chars: read
    expect((await readSheetCells(wide(200), 'scores.csv', l)).records[1]?.[1]).toBe('校'.repeat(200));
    const err = await readSheetCells(wide(201), 'scores.csv', l).catch((e) => e);
    expect(err).toBeInstanceOf(SheetReadError);
    expect((err as SheetReadError).details).toMatchObject({ limit: 'maxCellChars', row: 2, column: 'B' });
  });

  it('exam sheets (score, item, prior) are held to the same limits, naming the file', async () => {
    const err = await readSheetCells(await hostile.hugeCell(20), 'scores.xlsx', limits).catch((e) => e);
    expect(err).toBeInstanceOf(SheetReadError);
    expect((err as SheetReadError).code).toBe('FILE_TOO_LARGE');
    expect((err as SheetReadError).message).toContain('scores.xlsx');
  });

  it('reads an ordinary workbook: the first sheet of the workbook, Excel row numbers, dates, numbers, rich and phonetic text', async () => {
    const buf = await workbookOf({
      rows: [
        { text: rowXml(1, ['a', 'b']) },
        { text: '<row r="5"><c r="B5"><v>42</v></c><c r="C5" t="b"><v>1</v></c></row>' },
        {
          text: '<row r="6"><c r="A6" t="inlineStr"><is><r><t>清</t></r><r><t>远</t></r><rPh><t>qing</t></rPh></is></c></row>',
        },
      ],
    });
    const rows = await rowsOf(buf);
    expect(rows).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 5, values: [null, 42, true] },
      { row: 6, values: ['清远'] },
    ]);
  });
});

describe('hardening: the upload worker pool bounds memory, time and waiting', () => {
  const pools: Array<ReturnType<typeof createSheetPool>> = [];
  const pool = (o: Partial<Parameters<typeof createSheetPool>[0]> = {}) => {
    const p = createSheetPool({
      limits: { ...limits, maxRows: 100_000 },
      workers: 1,
      queue: 2,
      workerMemoryMb: 256,
      parseSeconds: 60,
      ...o,
    });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('reads the rows in a worker and hands them over in batches, in order', async () => {
    const p = pool();
    const got: number[] = [];
    const n = await p.visitRows(await hostile.manyRows(999), 'f.xlsx', (rows) => {
      for (const r of rows) got.push(r.row);
    });
    expect(n).toBe(1000);
    expect(got).toHaveLength(1000);
    expect(got[999]).toBe(1000);
  });

  it('a file that needs more heap than UPLOAD_WORKER_MEMORY_MB kills only its worker; the next file is read', async () => {
    // 300 MB of one cell fits every size limit set here, but not a 64 MB heap
    const p = pool({
      workerMemoryMb: 64,
      limits: { ...limits, maxZipRatio: 100_000, maxUnzippedBytes: 1024 ** 3, maxCellChars: 32_767 },
    });
    const e = await refusal(p.visitRows(await hostile.hugeCell(300), 'bomb.xlsx', () => undefined));
    expect(e.details).toMatchObject({ limit: 'workerMemoryMb', setting: 'UPLOAD_WORKER_MEMORY_MB' });
    expect(await p.visitRows(await hostile.manyRows(10), 'ok.xlsx', () => undefined)).toBe(11);
  }, 60_000);

  it('a read over UPLOAD_PARSE_SECONDS is stopped and refused; the pool reads the next file', async () => {
    const p = pool({ parseSeconds: 2 });
    const big = await hostile.manyRows(40_000);
    // the consumer takes 100 ms a batch: the worker waits for it, and the read runs out of time at about 2 s
    const slow = () => {
      const until = Date.now() + 100;
      while (Date.now() < until);
    };
    const e = await refusal(p.visitRows(big, 'slow.xlsx', slow));
    expect(e.code).toBe('FILE_LIMIT_EXCEEDED');
    expect(e.details).toMatchObject({ limit: 'parseSeconds', setting: 'UPLOAD_PARSE_SECONDS' });
    expect(await p.visitRows(await hostile.manyRows(10), 'ok.xlsx', () => undefined)).toBe(11);
  }, 30_000);

  it('with every worker busy and the queue full, a further read is refused as busy', async () => {
    const p = pool({ workers: 1, queue: 1 });
    const slowly = () => {
      const until = Date.now() + 20;
      while (Date.now() < until);
    };
    const file = await hostile.manyRows(5000);
    const reads = [1, 2, 3].map(() =>
      p.visitRows(file, 'f.xlsx', slowly).then(
        (n) => n,
        (e: unknown) => e,
      ),
    );
    const [a, b, c] = await Promise.all(reads);
    expect([a, b]).toEqual([5001, 5001]);
    expect(c).toBeInstanceOf(SheetPoolBusy);
  }, 60_000);
});
