/**
 * The page every certificate Yanxun prints shares (a 结业证书, a 荣誉证书): A4 landscape in a double gold frame, the
 * number top right, the spaced heading, the body's paragraphs, the closing line, and the foot with the QR to the
 * public verification page, the printed code, and the issuer with the date.
 */
import { renderPdf } from './pdf';

const INK = '#3a2a12';
const GOLD = '#a8802c';

/** A paragraph of the body: text runs (a string or a bold run), 16 pt, indented unless `indent` is false. */
export interface CertificateParagraph {
  runs: Array<string | { text: string; bold: true }>;
  indent?: boolean;
}

export interface CertificatePage {
  /** 证书编号 */
  no: string;
  /** the heading as printed, e.g. 结 业 证 书 */
  heading: string;
  /** the document's title and subject in its properties */
  title: string;
  subject: string;
  body: CertificateParagraph[];
  /** 特发此证。 */
  closing: string;
  issuer: string;
  issuedOn: string;
  /** the printed verification code and the site's origin the QR points to */
  code: string;
  origin: string;
}

const frame = (_page: number, size: { width: number; height: number }) => ({
  canvas: [28, 36].map((inset, i) => ({
    type: 'rect',
    x: inset,
    y: inset,
    w: size.width - inset * 2,
    h: size.height - inset * 2,
    lineWidth: i === 0 ? 3 : 1,
    lineColor: GOLD,
  })),
});

export function renderCertificatePage(c: CertificatePage): Promise<Buffer> {
  const url = `${c.origin}/verify/${c.code}`;
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 60],
    info: { title: c.title, subject: c.subject },
    background: frame,
    content: [
      { text: `证书编号：${c.no}`, alignment: 'right', fontSize: 10, color: INK },
      {
        text: c.heading,
        alignment: 'center',
        fontSize: 36,
        bold: true,
        color: '#8a1f11',
        margin: [0, 16, 0, 28],
      },
      ...c.body.map((p) => ({
        text: p.runs,
        fontSize: 16,
        lineHeight: 1.8,
        ...(p.indent === false ? {} : { leadingIndent: 32 }),
        color: INK,
      })),
      { text: c.closing, fontSize: 16, leadingIndent: 32, margin: [0, 8, 0, 0], color: INK },
      {
        columns: [
          { width: 72, qr: url, fit: 72, margin: [0, 4, 0, 0] },
          {
            width: '*',
            margin: [10, 8, 0, 0],
            fontSize: 9,
            color: INK,
            text: [`扫码或访问 ${c.origin}/verify 核验\n`, { text: `验证码：${c.code}`, bold: true }],
          },
          {
            width: 260,
            text: `${c.issuer}\n${c.issuedOn}`,
            alignment: 'right',
            fontSize: 14,
            lineHeight: 1.6,
            margin: [0, 16, 0, 0],
            color: INK,
          },
        ],
        margin: [0, 24, 0, 0],
      },
    ],
  });
}
