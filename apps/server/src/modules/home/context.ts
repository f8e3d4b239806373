import { todayInShanghai } from '@yanxun/core';
import type {
  ClassesPort,
  OutcomesPort,
  OverviewPort,
  PlansPort,
  ShortlistsPort,
  WarningsPort,
} from './ports';

/** What every use case of the home module is given, built once by createHomeService: only ports and a clock. */
export interface HomeContext {
  overview: OverviewPort;
  warnings: WarningsPort;
  classes: ClassesPort;
  plans: PlansPort;
  shortlists: ShortlistsPort;
  outcomes: OutcomesPort;
  now: () => Date;
}

/** Today's date in Shanghai on the context's clock. */
export function todayOf(ctx: Pick<HomeContext, 'now'>): string {
  return todayInShanghai(ctx.now());
}
