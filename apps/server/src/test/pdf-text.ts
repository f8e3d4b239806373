/**
 * Text of a PDF written by pdfkit (pdfmake), for tests: pdfkit subsets the embedded font and writes each string as
 * hex glyph ids (`[<0001 0002> 0] TJ`), with a ToUnicode CMap per font. This reads the objects, inflates the
 * streams, maps every `/Fn` of a page's resources to its CMap and decodes the shown strings in order. Only what
 * pdfkit writes (no object streams, no encryption); not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const body = s.slice(start, end);
    const at = body.indexOf('stream');
    let stream: string | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      const from = start + at + 'stream'.length + (s[start + at + 6] === '\r' ? 2 : 1);
      const to = s.lastIndexOf('endstream', end);
      const raw = pdf.subarray(from, to);
      stream = (/\/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1');
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const u = (hex: string) =>
    String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const [, a, , list] of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const first = Number.parseInt(a ?? '0', 16);
    [...(list ?? '').matchAll(/<([0-9a-f]+)>/gi)].forEach((x, i) => {
      map.set(first + i, u(x[1] ?? ''));
    });
  }
  for (const [, a, b] of text.matchAll(/^<([0-9a-f]+)>\s*<([0-9a-f]+)>$/gim))
    map.set(Number.parseInt(a ?? '0', 16), u(b ?? ''));
  return map;
}

/**
 * Every shown string of every page in drawing order, joined without separators (pdfmake draws CJK text one
 * character per text object), so a name reads as a substring.
 */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (!/\/Type\s*\/Page\b/.test(o.dict)) continue;
    const resId = ref(o.dict, 'Resources');
    const res = resId === null ? o.dict : (objs.get(resId)?.dict ?? '');
    const fontBlock = /\/Font\s*<<([^>]*)>>/.exec(res)?.[1] ?? '';
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, id] of fontBlock.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const tu = ref(objs.get(Number(id))?.dict ?? '', 'ToUnicode');
      fonts.set(name ?? '', cmap(tu === null ? '' : (objs.get(tu)?.stream ?? '')));
    }
    const contentIds = [
      ...(/\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/.exec(o.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
    ];
    for (const [, id] of contentIds) {
      const content = objs.get(Number(id))?.stream ?? '';
      for (const [, bt] of content.matchAll(/BT([\s\S]*?)ET/g)) {
        let font = new Map<number, string>();
        let line = '';
        for (const [, f, hex] of (bt ?? '').matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9a-f]+)>/gi)) {
          if (f) font = fonts.get(f) ?? new Map();
          else
            for (const g of (hex ?? '').match(/.{4}/g) ?? []) line += font.get(Number.parseInt(g, 16)) ?? '';
        }
        lines.push(line);
      }
    }
  }
  return lines.join('');
}
