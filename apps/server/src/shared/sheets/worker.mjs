// The upload worker's entry (sheets/pool.ts). Module hooks registered in the main thread do not reach a worker,
// so the worker registers tsx's loader itself before it imports the TypeScript module.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');
export const readSheetTask = mod.readSheetTask;
