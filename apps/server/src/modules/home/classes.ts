/** A provider's or trainer's classes on the landing page: running first, then the next to start, then the ended. */
import type { ClassSummary, HomeClasses } from '@yanxun/contracts';
import { phaseOf } from './training';

/** At most this many classes on the page (the class list has them all). */
const CLASSES_SHOWN = 8;

export function classesAtAGlance(all: ClassSummary[], asOf: string): HomeClasses {
  const running = all.filter((c) => phaseOf(c, asOf) === 'running');
  const upcoming = all.filter((c) => phaseOf(c, asOf) === 'upcoming');
  const finished = all.filter((c) => phaseOf(c, asOf) === 'finished');
  const byStart = (a: ClassSummary, b: ClassSummary) => a.startDate.localeCompare(b.startDate);
  return {
    total: all.length,
    running: running.length,
    upcoming: upcoming.length,
    items: [
      ...running.sort(byStart),
      ...upcoming.sort(byStart),
      // the latest ended first: their outcomes and completion come after the class
      ...finished.sort((a, b) => b.endDate.localeCompare(a.endDate)),
    ].slice(0, CLASSES_SHOWN),
  };
}
