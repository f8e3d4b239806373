/**
 * The first worksheet of an .xlsx, read as rows of cell values within SheetLimits. The zip is read through its
 * central directory (yauzl, which also refuses an entry that inflates past its declared size), only the parts a
 * sheet needs are opened (workbook, its relationships, styles, shared strings, the sheet), every part is held to
 * the unzipped budget and the ratio before and while it inflates, and the XML is parsed as a stream (saxes) with
 * one UTF-8 decoder across chunks, so a character split between two chunks stays whole. exceljs's streaming reader
 * has none of these bounds, which is why it is not used for reading.
 *
 * Cell values as exceljs gave them: text, numbers, booleans, a Date (UTC) for a number in a date format, null.
 */
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { limitErrors, SheetError, type SheetLimits, ZIP_RATIO_GRACE_BYTES } from './limits';

export type SheetCell = string | number | boolean | Date | null;

export interface SheetRow {
  /** the row number the user sees in Excel (1-based) */
  row: number;
  values: SheetCell[];
}

const unreadable = (detail: string) =>
  new SheetError('FILE_UNREADABLE', `无法读取 Excel 文件（文件可能已损坏或不完整）：${detail}`);

const localName = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The attribute whose local name is `name`, whatever its prefix (r:id, x:r …). */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [k, v] of Object.entries(tag.attributes)) if (localName(k) === name) return v;
  return undefined;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the CJK ones 27–36 and 50–58). */
function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format code that shows a date or time: y m d h s outside quotes and [...] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel date serial → Date (UTC), as exceljs converts it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** 'AB12' → 28 (the column number); 0 when the reference has no letters. */
function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > 1_000_000) return col;
  }
  return col;
}

interface Budget {
  used: number;
}

class XlsxReader {
  private readonly entries = new Map<string, yauzl.Entry>();
  private readonly budget: Budget = { used: 0 };

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly limits: SheetLimits,
  ) {}

  static async open(buf: Buffer, limits: SheetLimits): Promise<XlsxReader> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true });
    } catch (err) {
      throw unreadable((err as Error).message);
    }
    const reader = new XlsxReader(zip, limits);
    try {
      for await (const entry of zip.eachEntry()) {
        if (reader.entries.size >= limits.maxZipEntries) throw limitErrors.entries(limits.maxZipEntries);
        reader.entries.set(entry.fileName.toLowerCase(), entry);
      }
    } catch (err) {
      if (err instanceof SheetError) throw err;
      throw unreadable((err as Error).message);
    }
    return reader;
  }

  /**
   * What the central directory alone tells: every entry's declared size against the unzipped budget and its
   * ratio against the zip-ratio limit. Cheap (nothing is inflated), so it runs before an upload is accepted.
   */
  checkDeclaredSizes(): void {
    const { limits } = this;
    for (const entry of this.entries.values()) {
      const bytes = entry.uncompressedSize;
      if (bytes > limits.maxUnzippedBytes)
        throw limitErrors.unzipped(limits.maxUnzippedBytes, entry.fileName, bytes);
      if (bytes > ZIP_RATIO_GRACE_BYTES && bytes / Math.max(1, entry.compressedSize) > limits.maxZipRatio)
        throw limitErrors.ratio(
          limits.maxZipRatio,
          entry.fileName,
          bytes / Math.max(1, entry.compressedSize),
        );
    }
  }

  close(): void {
    this.zip.close();
  }

  private entry(name: string): yauzl.Entry | undefined {
    return this.entries.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /**
   * Stream one part through `parser`, held to the budget and the ratio by its declared sizes before it is opened
   * and by the bytes that actually come out while it inflates.
   */
  private async parse(entry: yauzl.Entry, parser: SaxesParser, maxBytes = Number.POSITIVE_INFINITY) {
    const { limits, budget } = this;
    const name = entry.fileName;
    const check = (bytes: number) => {
      if (bytes > maxBytes) throw limitErrors.sharedStrings(limits.maxSharedStringsBytes, bytes);
      if (budget.used + bytes > limits.maxUnzippedBytes)
        throw limitErrors.unzipped(limits.maxUnzippedBytes, name, budget.used + bytes);
      if (bytes > ZIP_RATIO_GRACE_BYTES && bytes / Math.max(1, entry.compressedSize) > limits.maxZipRatio)
        throw limitErrors.ratio(limits.maxZipRatio, name, bytes / Math.max(1, entry.compressedSize));
    };
    check(entry.uncompressedSize);
    if (entry.isEncrypted()) throw unreadable('工作簿已加密，请取消密码保护后再上传');
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (err) {
      throw unreadable((err as Error).message);
    }
    const decoder = new StringDecoder('utf8');
    let bytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        check(bytes);
        parser.write(decoder.write(chunk));
      }
      parser.write(decoder.end());
      parser.close();
    } catch (err) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      if (err instanceof SheetError) throw err;
      // yauzl refuses an entry that inflates to more (or less) than its headers declare
      if (/bytes in the stream/.test((err as Error).message))
        throw new SheetError(
          'FILE_UNREADABLE',
          `工作簿内部文件 ${name} 的实际大小与声明不符（文件已损坏或是恶意构造的），已拒绝`,
          { entry: name },
        );
      throw unreadable(`${name}：${(err as Error).message}`);
    }
    budget.used += bytes;
  }

  private async parseOptional(name: string, parser: SaxesParser, maxBytes?: number) {
    const entry = this.entry(name);
    if (entry) await this.parse(entry, parser, maxBytes);
  }

  /** The path of the first worksheet in the workbook's own order, and whether it counts dates from 1904. */
  private async firstSheet(): Promise<{ sheetPath: string; date1904: boolean }> {
    let firstId: string | undefined;
    let date1904 = false;
    const wb = new SaxesParser();
    wb.on('opentag', (tag) => {
      const n = localName(tag.name);
      if (n === 'sheet' && firstId === undefined) firstId = attr(tag, 'id');
      else if (n === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
    });
    await this.parseOptional('xl/workbook.xml', wb);
    const targets = new Map<string, string>();
    const rels = new SaxesParser();
    rels.on('opentag', (tag) => {
      if (localName(tag.name) !== 'Relationship') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, target);
    });
    await this.parseOptional('xl/_rels/workbook.xml.rels', rels);
    const target = firstId ? targets.get(firstId) : undefined;
    const sheetPath = target
      ? target.startsWith('/')
        ? target.slice(1)
        : path.posix.normalize(`xl/${target}`)
      : 'xl/worksheets/sheet1.xml';
    return { sheetPath, date1904 };
  }

  /** Which cell styles (by index) show a date. */
  private async dateStyles(): Promise<Set<number>> {
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    const p = new SaxesParser();
    p.on('opentag', (tag) => {
      const n = localName(tag.name);
      if (n === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) xfFormats.push(Number(attr(tag, 'numFmtId') ?? 0));
    });
    p.on('closetag', (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    });
    await this.parseOptional('xl/styles.xml', p);
    const dates = new Set<number>();
    xfFormats.forEach((id, i) => {
      const code = custom.get(id);
      if (code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id)) dates.add(i);
    });
    return dates;
  }

  /** The shared strings; one over the cell limit is kept as its length only (refused where a cell uses it). */
  private async sharedStrings(): Promise<Array<string | number>> {
    const { maxCellChars } = this.limits;
    const strings: Array<string | number> = [];
    let inSi = false;
    let inT = false;
    let phonetic = 0;
    let text = '';
    const p = new SaxesParser();
    p.on('opentag', (tag) => {
      const n = localName(tag.name);
      if (n === 'si') {
        inSi = true;
        text = '';
      } else if (n === 'rPh') phonetic++;
      else if (n === 't' && inSi && phonetic === 0) inT = !tag.isSelfClosing;
    });
    p.on('text', (t) => {
      if (inT) text += t;
    });
    p.on('cdata', (t) => {
      if (inT) text += t;
    });
    p.on('closetag', (tag) => {
      const n = localName(tag.name);
      if (n === 't') inT = false;
      else if (n === 'rPh') phonetic--;
      else if (n === 'si') {
        strings.push(text.length > maxCellChars ? text.length : text);
        inSi = false;
        text = '';
      }
    });
    await this.parseOptional('xl/sharedStrings.xml', p, this.limits.maxSharedStringsBytes);
    return strings;
  }

  /** Stream the first worksheet's rows that hold a value to `onRow`, in order. */
  async rows(onRow: (row: SheetRow) => void): Promise<void> {
    const { sheetPath, date1904 } = await this.firstSheet();
    const sheet = this.entry(sheetPath);
    if (!sheet) throw unreadable('找不到工作表');
    const dateStyles = await this.dateStyles();
    const strings = await this.sharedStrings();
    const { maxCellChars, maxColumns, maxRows } = this.limits;

    let rowNumber = 0;
    let rowsWithValues = 0;
    let emptyRows = 0;
    let cells: Array<[number, SheetCell]> = [];
    let col = 0;
    let type = '';
    let style = 0;
    let inValue = false;
    let inInline = false;
    let inInlineT = false;
    let phonetic = 0;
    let text = '';
    let hasValue = false;

    const cellValue = (): SheetCell => {
      if (!hasValue) return null;
      switch (type) {
        case 's': {
          const s = strings[Number(text)];
          if (typeof s === 'number') throw limitErrors.cell(maxCellChars, rowNumber, col, s);
          return s ?? null;
        }
        case 'inlineStr':
        case 'str':
          return text;
        case 'b':
          return text === '1' || text === 'true';
        case 'e':
          return null;
        case 'd': {
          const d = new Date(text);
          return Number.isNaN(d.getTime()) ? text : d;
        }
        default: {
          const v = Number(text);
          if (text.trim() === '' || Number.isNaN(v)) return text;
          return dateStyles.has(style) ? excelDate(v, date1904) : v;
        }
      }
    };

    const p = new SaxesParser();
    p.on('opentag', (tag) => {
      switch (localName(tag.name)) {
        case 'row': {
          const r = Number(attr(tag, 'r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          col = 0;
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const c = ref ? columnOfRef(ref) : 0;
          col = c > 0 ? c : col + 1;
          type = attr(tag, 't') ?? 'n';
          style = Number(attr(tag, 's') ?? 0);
          text = '';
          hasValue = false;
          break;
        }
        case 'v':
          inValue = !tag.isSelfClosing;
          if (inValue) hasValue = true;
          break;
        case 'is':
          inInline = true;
          hasValue = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inInlineT = inInline && phonetic === 0 && !tag.isSelfClosing;
          break;
      }
    });
    const onText = (t: string) => {
      if (inValue || inInlineT) text += t;
    };
    p.on('text', onText);
    p.on('cdata', onText);
    p.on('closetag', (tag) => {
      switch (localName(tag.name)) {
        case 'v':
          inValue = false;
          break;
        case 't':
          inInlineT = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          const value = cellValue();
          if (typeof value === 'string' && value.length > maxCellChars)
            throw limitErrors.cell(maxCellChars, rowNumber, col, value.length);
          if (value !== null && value !== '') {
            if (col > maxColumns) throw limitErrors.columns(maxColumns, rowNumber, col);
            cells.push([col, value]);
          }
          text = '';
          break;
        }
        case 'row': {
          if (cells.length === 0) {
            // as in a CSV: empty rows are not rows, but no more of them than of rows allowed
            if (++emptyRows > maxRows) throw limitErrors.blankRows(maxRows, rowNumber);
            break;
          }
          rowsWithValues++;
          if (rowsWithValues > maxRows) throw limitErrors.rows(maxRows, rowNumber);
          let width = 0;
          for (const [c] of cells) if (c > width) width = c;
          const values: SheetCell[] = new Array(width).fill(null);
          for (const [c, v] of cells) values[c - 1] = v;
          onRow({ row: rowNumber, values });
          cells = [];
          break;
        }
      }
    });
    await this.parse(sheet, p);
  }
}

/** Read the rows of the first worksheet of an .xlsx within `limits` (see the module comment). */
export async function readXlsxRows(
  buf: Buffer,
  limits: SheetLimits,
  onRow: (row: SheetRow) => void,
): Promise<void> {
  const reader = await XlsxReader.open(buf, limits);
  await reader.rows(onRow);
}

/** Refuse a workbook whose central directory already breaks a limit (entries, declared size, ratio). */
export async function checkXlsxEnvelope(buf: Buffer, limits: SheetLimits): Promise<void> {
  const reader = await XlsxReader.open(buf, limits);
  try {
    reader.checkDeclaredSizes();
  } finally {
    reader.close();
  }
}
