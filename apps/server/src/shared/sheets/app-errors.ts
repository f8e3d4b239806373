import { AppError } from '../app-error';
import { SheetError } from './limits';
import { SheetPoolBusy } from './pool';

/** A sheet reader's error as the API answers it (anything else passes through unchanged). */
export function sheetAppError(err: unknown): unknown {
  if (err instanceof SheetError) return new AppError(err.code, err.message, err.details);
  if (err instanceof SheetPoolBusy) return new AppError('SERVER_BUSY', err.message);
  return err;
}
