/**
 * A zip written as a stream (archiver, already in the tree through exceljs): entries come from an async iterable
 * and each is added only after the one before has been written, so a class of hundreds of certificates holds one
 * PDF in memory at a time. An entry that fails to come destroys the stream with its error (the client sees a
 * broken download, the log the cause).
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

const require = createRequire(import.meta.url);

interface Archive extends Readable {
  append(source: Buffer, data: { name: string; date?: Date }): Archive;
  finalize(): Promise<void>;
  on(event: 'entry', listener: () => void): this;
  on(event: 'error' | 'warning', listener: (err: Error) => void): this;
  on(event: string, listener: (...args: unknown[]) => void): this;
}

const archiver = require('archiver') as (format: 'zip', options: { zlib: { level: number } }) => Archive;

export interface ZipEntry {
  name: string;
  content: Buffer;
}

export function zipStream(entries: AsyncIterable<ZipEntry>): Readable {
  const archive = archiver('zip', { zlib: { level: 6 } });
  let written: (() => void) | undefined;
  let closed = false;
  archive.on('entry', () => written?.());
  // a client that goes away destroys the stream: stop rendering, release the wait
  archive.on('close', () => {
    closed = true;
    written?.();
  });
  void (async () => {
    try {
      for await (const e of entries) {
        if (closed) return;
        const done = new Promise<void>((resolve) => {
          written = resolve;
        });
        archive.append(e.content, { name: e.name });
        await done;
      }
      if (!closed) await archive.finalize();
    } catch (err) {
      archive.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return archive;
}
