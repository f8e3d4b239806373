/**
 * exceljs, with one fix: its streaming reader decodes every chunk of a sheet's XML on its own
 * (`utils/parse-sax.js`), so a Chinese character whose UTF-8 bytes straddle two chunks turns into U+FFFD
 * (exceljs issues #2063/#2084, unfixed in 4.4.0). About one row in 3,000 of a real workbook was damaged.
 * Here parse-sax is replaced by the same parser fed through one StringDecoder, and exceljs is loaded afresh
 * so that its readers take the fixed version even if another module loaded exceljs first.
 * Every server module reads and writes workbooks through this module, never `exceljs` directly.
 */
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSDefault from 'exceljs';

type SaxEvent = { eventType: string; value: unknown };
interface SaxesLike {
  on(event: string, cb: (value: unknown) => void): void;
  write(text: string): void;
}

const require = createRequire(import.meta.url);
const excelRoot = path.dirname(require.resolve('exceljs/package.json'));
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(saxPath)('saxes') as { SaxesParser: new () => SaxesLike };

async function* parseSax(
  source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
): AsyncGenerator<SaxEvent[]> {
  let iterable = source as AsyncIterable<Buffer | string>;
  if (!(Symbol.asyncIterator in source)) iterable = (source as NodeJS.ReadableStream).pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => {
    error = err;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

for (const key of Object.keys(require.cache)) {
  if (key.startsWith(excelRoot + path.sep)) delete require.cache[key];
}
const patched = new Module(saxPath);
patched.filename = saxPath;
patched.loaded = true;
patched.exports = parseSax;
require.cache[saxPath] = patched;

export const ExcelJS = require('exceljs') as typeof ExcelJSDefault;
export type { CellValue, Row, Workbook, Worksheet } from 'exceljs';

/**
 * A workbook written as a stream (rows committed as they come, so a large sheet is never held as objects) into
 * one Buffer: add sheets to `wb`, commit rows and sheets, then `finish()` commits the workbook and gives the bytes.
 */
export function streamedWorkbook(): {
  wb: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
  finish: () => Promise<Buffer>;
} {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  return {
    wb,
    finish: async () => {
      await wb.commit();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
