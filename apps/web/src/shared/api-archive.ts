/** The growth archive (成长档案, R3-T09): a teacher's, and the signed-in teacher's own. */
import { type TeacherArchive, teacherArchiveSchema } from '@yanxun/contracts';
import type { Transport } from './api-transport';

export function archiveApi({ get }: Transport) {
  return {
    teacherArchive(teacherId: string): Promise<TeacherArchive> {
      return get(teacherArchiveSchema, `/api/v1/teachers/${encodeURIComponent(teacherId)}/archive`);
    },
    myArchive(): Promise<TeacherArchive> {
      return get(teacherArchiveSchema, '/api/v1/me/archive');
    },
  };
}
