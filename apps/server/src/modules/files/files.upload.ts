import { uploadFileName } from '@yanxun/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error';
import type { Upload } from './files.service';

/**
 * Read the one file part of a multipart/form-data request, refusing it past `maxBytes` (the stream stops
 * there; nothing larger is held in memory). For routes of any module that accept an upload.
 */
export async function readSingleUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件');
  const limitMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  const tooLarge = () =>
    new AppError('FILE_TOO_LARGE', `文件过大：上限 ${limitMb} MB`, { field: 'file', maxBytes });
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { field: 'file' });
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  return { name: uploadFileName(part.filename), content };
}
