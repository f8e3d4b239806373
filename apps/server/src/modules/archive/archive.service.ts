import type { Actor } from '../../shared/actor';
import { archivePdf, myArchivePdf } from './archive-pdf';
import type { ArchiveContext, ArchiveDeps } from './context';
import { myArchive, teacherArchive } from './teacher-archive';

/**
 * The teacher's growth archive (教师成长档案, R3-T09): a read model over other modules' records, no tables of its
 * own. The page as JSON and the same as an audited PDF, for a teacher the actor may read and for the teacher.
 */
export function createArchiveService(deps: ArchiveDeps) {
  const ctx: ArchiveContext = {
    people: deps.people,
    programs: deps.programs,
    training: deps.training,
    hours: deps.hours,
    growth: deps.growth,
    audit: deps.audit,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    teacherArchive: (actor: Actor, teacherId: string) => teacherArchive(ctx, actor, teacherId),
    myArchive: (actor: Actor) => myArchive(ctx, actor),
    archivePdf: (actor: Actor, teacherId: string) => archivePdf(ctx, actor, teacherId),
    myArchivePdf: (actor: Actor) => myArchivePdf(ctx, actor),
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
