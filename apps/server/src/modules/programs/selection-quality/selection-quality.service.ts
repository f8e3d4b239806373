import { bind, type ProgramsContext } from '../context';
import { exportSelectionQuality } from './export-selection-quality';
import { countySelectionCounts, selectionQuality } from './selection-quality';

/** Selection quality (R3-B03), bound to the context. */
export function selectionQualityService(ctx: ProgramsContext) {
  return {
    selectionQuality: bind(ctx, selectionQuality),
    exportSelectionQuality: bind(ctx, exportSelectionQuality),
    /** R3-B03's person-times of a county over the year (the evaluation module's live item); no actor. */
    countySelectionCounts: (county: { id: string; path: string }, year: number) =>
      countySelectionCounts(ctx, county, year),
  };
}

export type SelectionQualityService = ReturnType<typeof selectionQualityService>;
