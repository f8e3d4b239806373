/**
 * The sheet reader in the calling thread, with the same limits and results as the worker pool: for tools, the
 * command line and tests of a single service. The server reads uploads through the pool (sheets/pool.ts).
 */

import { readExamFiles } from './exam-files';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './limits';
import type { SheetPool } from './pool';
import { checkSheetEnvelope, readSheetRows } from './rows';
import type { SheetRow } from './xlsx';

export function inProcessSheets(limits: SheetLimits = DEFAULT_SHEET_LIMITS): Omit<SheetPool, 'close'> {
  return {
    limits,
    checkEnvelope: (buf: Uint8Array, fileName: string) => checkSheetEnvelope(buf, fileName, limits),
    async visitRows(buf: Uint8Array, fileName: string, onBatch: (rows: SheetRow[]) => void) {
      let n = 0;
      await readSheetRows(buf, fileName, limits, (r) => {
        n++;
        onBatch([r]);
      });
      return n;
    },
    readExam: (files, knownSchools, fastPath) => readExamFiles(files, limits, [...knownSchools], fastPath),
  };
}
