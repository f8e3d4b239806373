/** Loading a teacher the actor may see, and the list row of the API; shared by the teachers' use cases. */
import type { BackboneLevel, EmploymentStatus, TeacherRow } from '@yanxun/contracts';
import { maskIdNumber, maskPhone } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { scopeOf } from '../../../shared/permissions';
import type { PeopleContext } from '../context';
import type { TeacherListRow } from './teachers.repository';

export function toRow(r: TeacherListRow): TeacherRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender as 'M' | 'F',
    birthDate: r.birth_date,
    idNumberMasked: maskIdNumber(r.id_number),
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    schoolId: r.school_id,
    schoolName: r.school_name,
    countyName: r.county_name,
    stage: r.stage,
    subject: r.subject,
    title: r.title,
    backbone: r.backbone as BackboneLevel | null,
    teachingStartDate: r.teaching_start_date,
    status: r.status as EmploymentStatus,
  };
}

/** The teacher, if the actor may read them (in scope, or the teacher themself); else "not found". */
export async function loadVisible(ctx: PeopleContext, actor: Actor, id: string): Promise<TeacherListRow> {
  if (!isId(id)) throw notFound('教师');
  const t = await ctx.repo.findVisible(id, scopeOf(actor, 'teacher.read'), actor.teacherId);
  if (!t) throw notFound('教师');
  return t;
}
