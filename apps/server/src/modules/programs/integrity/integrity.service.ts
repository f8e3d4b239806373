import { bind, type ProgramsContext } from '../context';
import { appealIntegrity, decideAppeal } from './integrity-appeals';
import { integrityOf, listIntegrity, myIntegrity } from './integrity-view';
import { createIntegrity } from './record-integrity';

/** The integrity archive (诚信档案, R-004-20), bound to the context. */
export function integrityService(ctx: ProgramsContext) {
  return {
    listIntegrity: bind(ctx, listIntegrity),
    createIntegrity: bind(ctx, createIntegrity),
    myIntegrity: bind(ctx, myIntegrity),
    integrityOf: bind(ctx, integrityOf),
    appealIntegrity: bind(ctx, appealIntegrity),
    decideAppeal: bind(ctx, decideAppeal),
  };
}

export type IntegrityService = ReturnType<typeof integrityService>;
