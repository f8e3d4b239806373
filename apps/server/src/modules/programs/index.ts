export { createProgramsRepository, type ProgramsRepository } from './programs.repository';
export { programsRoutes } from './programs.routes';
export {
  BUILTIN_PACKS,
  createProgramsService,
  type ProgrammeRef,
  type ProgramsService,
  syncBuiltinPacks,
} from './programs.service';
