import { bind, type ProgramsContext } from '../context';
import { exportSelectionQuality } from './export-selection-quality';
import { selectionQuality } from './selection-quality';

/** Selection quality (R3-B03), bound to the context. */
export function selectionQualityService(ctx: ProgramsContext) {
  return {
    selectionQuality: bind(ctx, selectionQuality),
    exportSelectionQuality: bind(ctx, exportSelectionQuality),
  };
}

export type SelectionQualityService = ReturnType<typeof selectionQualityService>;
