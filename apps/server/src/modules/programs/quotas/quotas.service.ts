import { bind, type ProgramsContext } from '../context';
import { allocate } from './allocate-seats';
import { pullBack } from './pull-back-seats';
import { quotas } from './quota-tree';
import { suggest } from './suggest-split';

/** The quota cascade (R-004-17), bound to the context. */
export function quotasService(ctx: ProgramsContext) {
  return {
    quotas: bind(ctx, quotas),
    suggest: bind(ctx, suggest),
    allocate: bind(ctx, allocate),
    pullBack: bind(ctx, pullBack),
  };
}

export type QuotasService = ReturnType<typeof quotasService>;
