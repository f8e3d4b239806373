import { bind, type ProgramsContext } from '../context';
import { decideSubstitution } from './decide-substitution';
import { substitute } from './request-substitution';
import { listSubstitutions } from './substitution-view';

/** Substitution requests (替训), bound to the context. */
export function substitutionsService(ctx: ProgramsContext) {
  return {
    substitute: bind(ctx, substitute),
    listSubstitutions: bind(ctx, listSubstitutions),
    decideSubstitution: bind(ctx, decideSubstitution),
  };
}

export type SubstitutionsService = ReturnType<typeof substitutionsService>;
