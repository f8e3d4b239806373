import type { Actor } from '../../shared/actor';
import type { HomeContext } from './context';
import { home } from './home';
import type {
  ClassesPort,
  OutcomesPort,
  OverviewPort,
  PlansPort,
  ShortlistsPort,
  WarningsPort,
} from './ports';

export interface HomeDeps {
  /** the training overview (reports) */
  overview: OverviewPort;
  /** the newest cycle's early warnings (exams) */
  warnings: WarningsPort;
  classes: ClassesPort;
  plans: PlansPort;
  shortlists: ShortlistsPort;
  /** outcomes waiting and completion runs per class (the outcomes module's queries) */
  outcomes: OutcomesPort;
  clock?: () => Date;
}

/**
 * The landing page's read model: no tables of its own; what the account's roles give it to watch and to do,
 * read through other modules' services and queries (ports.ts).
 */
export function createHomeService(deps: HomeDeps) {
  const ctx: HomeContext = {
    overview: deps.overview,
    warnings: deps.warnings,
    classes: deps.classes,
    plans: deps.plans,
    shortlists: deps.shortlists,
    outcomes: deps.outcomes,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    home: (actor: Actor) => home(ctx, actor),
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
