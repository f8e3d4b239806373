import { bind, type ProgramsContext } from '../context';
import { confirmShortlist } from './confirm-shortlist';
import { checkEligibility } from './eligibility';
import { nominate } from './nominate';
import { listNominations, nominationsOf } from './nomination-view';
import { withdraw } from './withdraw-nomination';

/** Nominations, bound to the context: eligibility, list, nominate, withdraw, confirm a shortlist. */
export function nominationsService(ctx: ProgramsContext) {
  return {
    checkEligibility: bind(ctx, checkEligibility),
    listNominations: bind(ctx, listNominations),
    nominate: bind(ctx, nominate),
    withdraw: bind(ctx, withdraw),
    confirmShortlist: bind(ctx, confirmShortlist),
    /** A teacher's nominations, no actor (the growth archive, which authorized through the people module). */
    nominationsOf: bind(ctx, nominationsOf),
  };
}

export type NominationsService = ReturnType<typeof nominationsService>;
