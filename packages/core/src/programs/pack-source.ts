/** Where a policy pack comes from: the region's document, and the document its values were adopted from. */

/** The document a pack's rules come from: its name, number, issuer and date. */
export interface SourceDocument {
  /** 文件名: '关于组织实施2021年…的通知'. */
  document: string;
  /** 文号, the issuer's number of the document ('…〔2021〕…号'); absent when not recorded. */
  documentNumber?: string;
  /** 发文单位: '河南省教育厅'. */
  issuer: string;
  /** Date the document was signed ('YYYY-MM-DD'); absent when not yet known (a fresh clone). */
  signedOn?: string;
}

/**
 * Where a pack comes from: the region's own document (title, issuer, number, date an officer sets on clone
 * and may edit on a draft) and, for a pack cloned from another region's pack, the document its rule values
 * were adopted from (the seed lines in each value's `source` point into that document).
 */
export interface PackSource extends SourceDocument {
  /** Seed tag of the spec digests the values' `source` lines refer to: 'S004'. */
  seed: string;
  /** The other region's document the values were adopted from (kept through later clones). */
  adoptedFrom?: SourceDocument & { year: number };
}
