/**
 * PDF documents with Chinese text: pdfmake (0.3, over pdfkit) with Noto Sans SC (OFL) from
 * `@expo-google-fonts/noto-sans-sc`, one TTF per weight; pdfkit embeds only the glyphs used. Loaded on first use
 * so the server starts without parsing the fonts. No document may fetch a URL or read another local file.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface OutputDocument {
  getBuffer(): Promise<Buffer>;
}
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object): OutputDocument;
}

let loaded: PdfMake | undefined;

function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const normal = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  const p = require('pdfmake') as PdfMake;
  p.setFonts({ NotoSansSC: { normal, bold, italics: normal, bolditalics: bold } });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((file) => file === normal || file === bold);
  loaded = p;
  return p;
}

/** Render a pdfmake document definition (default font: Noto Sans SC) to PDF bytes. */
export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const p = pdfmake();
  const defaultStyle = { font: 'NotoSansSC', ...((doc.defaultStyle as object | undefined) ?? {}) };
  return p.createPdf({ ...doc, defaultStyle }).getBuffer();
}

/** A table cell of a document's text (9 pt), with any pdfmake cell properties. */
export const pdfCell = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  fontSize: 9,
  ...extra,
});

/** A table's header cell: bold on a light grey ground. */
export const pdfHeadCell = (text: string) => pdfCell(text, { bold: true, fillColor: '#eef1f5' });
