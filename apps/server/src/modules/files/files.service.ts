import { createHash } from 'node:crypto';
import type { FileMeta } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import type { FileRow, FilesRepository } from './files.repository';

/** The first bytes of every PDF file ("%PDF-"). */
const PDF_MAGIC = Buffer.from('%PDF-', 'ascii');

export interface Upload {
  name: string;
  content: Buffer;
}

export interface FileOwner {
  id: string;
  path: string;
}

/** Kinds of file the platform accepts, by content (never by the name or the browser's content type). */
export type FileKind = 'pdf' | 'docx' | 'mp4';
/** Every kind the store recognises: the outcome kinds and the photos of 学时申报 evidence. */
export type StoredKind = FileKind | 'jpg' | 'png' | 'xlsx';

// ---- outcomes: DOCX and MP4 by content ----
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const FTYP = Buffer.from('ftyp', 'ascii');
// ---- 学时申报 evidence: photos of certificates ----
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KIND_MIME: Record<StoredKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const KIND_NAME: Record<StoredKind, string> = {
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  mp4: 'MP4 视频',
  jpg: 'JPG 图片',
  png: 'PNG 图片',
  xlsx: 'Excel（XLSX）',
};

/** The kind of a file by its first bytes (a DOCX is a ZIP holding word/…), or undefined. */
export function detectFileKind(content: Buffer): StoredKind | undefined {
  if (content.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pdf';
  if (content.subarray(0, 4).equals(ZIP_MAGIC) && content.includes('word/')) return 'docx';
  // evaluation evidence: a workbook is a ZIP holding xl/…
  if (content.subarray(0, 4).equals(ZIP_MAGIC) && content.includes('xl/')) return 'xlsx';
  if (content.length >= 12 && content.subarray(4, 8).equals(FTYP)) return 'mp4';
  if (content.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return 'jpg';
  if (content.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'png';
  return undefined;
}

export function toFileMeta(r: FileRow): FileMeta {
  return {
    id: r.id,
    name: r.name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Uploaded files (a sealed PDF of a training plan; outcome uploads later), stored in the database with their
 * SHA-256. The calling module authorizes: it decides which org owns a file and who may read it.
 */
export function createFilesService(deps: { db: Database; repo: FilesRepository; maxBytes: number }) {
  const { repo, maxBytes } = deps;
  const limitMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;

  function assertKind(kind: FileKind, content: Buffer, ruleId?: string): string {
    if (kind === 'pdf') {
      if (content.length < PDF_MAGIC.length || !content.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
        throw new AppError('FILE_UNREADABLE', `文件不是 PDF 文档，请上传加盖公章后扫描或导出的 PDF 文件`, {
          field: 'file',
          ...(ruleId ? { ruleId } : {}),
        });
      }
      return 'application/pdf';
    }
    throw new AppError('VALIDATION_FAILED', `不支持的文件类型 ${kind}`);
  }

  return {
    /** The largest file accepted, in bytes (config MAX_FILE_MB). */
    maxBytes,

    /**
     * Store an upload after checking it is not empty, within the size limit and of the expected kind by its
     * magic bytes. Pass the caller's transaction so the file and the row that points to it land together.
     */
    async store(
      actor: Actor,
      owner: FileOwner,
      purpose: string,
      kind: FileKind,
      upload: Upload,
      options: { trx?: Database; ruleId?: string } = {},
    ): Promise<FileMeta> {
      if (upload.content.length === 0) throw new AppError('FILE_EMPTY', '文件为空', { field: 'file' });
      if (upload.content.length > maxBytes) {
        throw new AppError('FILE_TOO_LARGE', `文件过大：上限 ${limitMb} MB`, { field: 'file', maxBytes });
      }
      const mime = assertKind(kind, upload.content, options.ruleId);
      const row = await repo.insert(
        {
          ownerOrgId: owner.id,
          ownerPath: owner.path,
          purpose,
          name: upload.name.slice(0, 200) || 'upload.pdf',
          mime,
          sha256: createHash('sha256').update(upload.content).digest('hex'),
          content: upload.content,
          uploadedBy: actor.accountId,
        },
        options.trx,
      );
      return toFileMeta(row);
    },

    /**
     * Store an upload of any of the `allowed` kinds, recognised by its content (outcomes: PDF, DOCX, MP4).
     * Refuses an empty file, one over the size limit, or one of another kind naming `ruleId`.
     */
    async storeAnyOf(
      actor: Actor,
      owner: FileOwner,
      purpose: string,
      allowed: StoredKind[],
      upload: Upload,
      options: { trx?: Database; ruleId?: string } = {},
    ): Promise<FileMeta> {
      if (upload.content.length === 0) throw new AppError('FILE_EMPTY', '文件为空', { field: 'file' });
      if (upload.content.length > maxBytes) {
        throw new AppError('FILE_TOO_LARGE', `文件过大：上限 ${limitMb} MB`, { field: 'file', maxBytes });
      }
      const kind = detectFileKind(upload.content);
      if (!kind || !allowed.includes(kind)) {
        const names = allowed.map((k) => KIND_NAME[k]).join('、');
        throw new AppError('FILE_UNREADABLE', `文件类型不符：此处只接受 ${names} 文件`, {
          field: 'file',
          allowed,
          ...(options.ruleId ? { ruleId: options.ruleId } : {}),
        });
      }
      const row = await repo.insert(
        {
          ownerOrgId: owner.id,
          ownerPath: owner.path,
          purpose,
          name: upload.name.slice(0, 200) || `upload.${kind}`,
          mime: KIND_MIME[kind],
          sha256: createHash('sha256').update(upload.content).digest('hex'),
          content: upload.content,
          uploadedBy: actor.accountId,
        },
        options.trx,
      );
      return toFileMeta(row);
    },

    async meta(id: string): Promise<FileRow | undefined> {
      return isId(id) ? repo.findMeta(id) : undefined;
    },

    async metaOf(ids: string[]): Promise<Map<string, FileMeta>> {
      return new Map((await repo.metaOf(ids)).map((r) => [r.id, toFileMeta(r)]));
    },

    /** The bytes of a file the caller has already authorized. */
    async content(id: string): Promise<Buffer | undefined> {
      return repo.content(id);
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
