export { createFilesRepository, type FileRow, type FilesRepository } from './files.repository';
export {
  createFilesService,
  detectFileKind,
  type FileKind,
  type FileOwner,
  type FilesService,
  type StoredKind,
  toFileMeta,
  type Upload,
} from './files.service';
export { readSingleUpload } from './files.upload';
