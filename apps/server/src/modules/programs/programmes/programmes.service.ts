import { bind, type ProgramsContext } from '../context';
import {
  createProgramme,
  deleteProgramme,
  getProgramme,
  listProgrammes,
  updateProgramme,
} from './manage-programmes';
import { programmesAround, programmesInScope, programmeWithPack } from './programme-refs';

/** Programmes, bound to the context; and what other modules read of them (no actor: callers authorize). */
export function programmesService(ctx: ProgramsContext) {
  return {
    listProgrammes: bind(ctx, listProgrammes),
    getProgramme: bind(ctx, getProgramme),
    createProgramme: bind(ctx, createProgramme),
    updateProgramme: bind(ctx, updateProgramme),
    deleteProgramme: bind(ctx, deleteProgramme),
    programmeWithPack: bind(ctx, programmeWithPack),
    programmesInScope: bind(ctx, programmesInScope),
    programmesAround: bind(ctx, programmesAround),
  };
}

export type ProgrammesService = ReturnType<typeof programmesService>;
