import type { PolicyPack } from '@yanxun/core';
import type { ProgrammesPort as ClassesProgrammesPort } from './modules/classes';
import type { ProgramsRepository } from './modules/programs';

/**
 * The classes module's port on the programmes (a programme's owner and dates, a policy pack, the selected
 * nominations read in the enrolment's transaction), built here over the programs repository so that the
 * classes module never receives it.
 */
export function programmesForClasses(repo: ProgramsRepository): ClassesProgrammesPort {
  return {
    async programme(id) {
      const p = await repo.findProgramme(id);
      return (
        p && {
          id: p.id,
          ownerOrgId: p.owner_org_id,
          ownerPath: p.owner_path,
          startDate: p.start_date,
          endDate: p.end_date,
        }
      );
    },
    async pack(packId) {
      return (await repo.findPack(packId))?.body as PolicyPack | undefined;
    },
    async readSelected(programmeId, teacherIds, trx) {
      const rows = await repo.selectedNominations(programmeId, teacherIds, trx);
      return rows.map((n) => ({
        countyId: n.county_id,
        id: n.id,
        teacherId: n.teacher_id,
        orgPath: n.org_path,
      }));
    },
  };
}
