import type { Database } from '../../db/database';

export interface FileRow {
  id: string;
  owner_org_id: string;
  owner_path: string;
  purpose: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: Date;
}

export interface FileWrite {
  ownerOrgId: string;
  ownerPath: string;
  purpose: string;
  name: string;
  mime: string;
  sha256: string;
  content: Buffer;
  uploadedBy: string | null;
}

const META = [
  'id',
  'owner_org_id',
  'owner_path',
  'purpose',
  'name',
  'mime',
  'size',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

export function createFilesRepository(db: Database) {
  return {
    async insert(w: FileWrite, trx: Database = db): Promise<FileRow> {
      return trx
        .insertInto('files')
        .values({
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          purpose: w.purpose,
          name: w.name,
          mime: w.mime,
          size: w.content.length,
          sha256: w.sha256,
          content: w.content,
          uploaded_by: w.uploadedBy,
        })
        .returning(META)
        .executeTakeFirstOrThrow();
    },

    findMeta(id: string, trx: Database = db): Promise<FileRow | undefined> {
      return trx.selectFrom('files').select(META).where('id', '=', id).executeTakeFirst();
    },

    metaOf(ids: string[]): Promise<FileRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('files').select(META).where('id', 'in', ids).execute();
    },

    async content(id: string): Promise<Buffer | undefined> {
      const r = await db.selectFrom('files').select('content').where('id', '=', id).executeTakeFirst();
      return r ? Buffer.from(r.content) : undefined;
    },
  };
}

export type FilesRepository = ReturnType<typeof createFilesRepository>;
