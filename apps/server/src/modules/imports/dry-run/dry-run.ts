/**
 * The dry run of a teachers or schools import: the file's rows are read (in the upload threads), validated by
 * core, checked against each other (duplicates), against the schools and the importer's scope, and compared with
 * what is stored. What it will write and what it saw of every record go to the job, for the commit.
 */
import {
  cellsByKey,
  isBlankRow,
  matchHeaders,
  type NormalizedSchool,
  type NormalizedTeacher,
  pinyinKey,
  pinyinKeys,
  type RowError,
  validateSchoolRow,
  validateTeacherRow,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { can } from '../../../shared/permissions';
import { RowErrors } from '../../../shared/row-errors';
import { dateOf } from '../../../shared/time';
import { type OrgRow, regionKeyOf, type SchoolWrite } from '../../org';
import type { TeacherRecord, TeacherWrite } from '../../people';
import type { DryRunContext, DryRunTarget, SchoolPrepared, TeacherPrepared } from '../context';
import { orgState, teacherState } from '../stale';
import { visitSheet } from './parser';

export function sameTeacher(w: TeacherWrite, e: TeacherRecord): boolean {
  return (
    w.name === e.name &&
    w.gender === e.gender &&
    w.birthDate === e.birth_date &&
    w.phone === e.phone &&
    w.schoolId === e.school_id &&
    w.stage === e.stage &&
    w.subject === e.subject &&
    w.title === e.title &&
    w.backbone === e.backbone &&
    w.teachingStartDate === e.teaching_start_date &&
    w.trainingStartYear === e.training_start_year &&
    [...w.rolesHeld].sort().join() === [...e.roles_held].sort().join() &&
    w.status === e.status
  );
}

/** Fill the pinyin sort/search keys (only rows that will be written need them; it is the costly part). */
export function withPinyin(w: TeacherWrite): TeacherWrite {
  if (w.namePinyin === '') {
    const k = pinyinKeys(w.name);
    w.namePinyin = k.key;
    w.nameInitials = k.initials;
  }
  return w;
}

export function sameSchool(w: SchoolWrite, e: OrgRow): boolean {
  return (
    w.name === e.name &&
    w.parentId === e.parent_id &&
    [...w.stages].sort().join() === [...e.stages].sort().join() &&
    w.schoolType === e.school_type &&
    w.locationType === e.location_type &&
    w.groupName === e.group_name
  );
}

export async function validateTeachers(
  ctx: DryRunContext,
  actor: Actor,
  job: DryRunTarget,
  buf: Buffer,
  fileName: string,
) {
  const { orgs, people, readRows, maxErrorsKept, now } = ctx;
  const today = dateOf(now());
  const errors = new RowErrors<RowError>(maxErrorsKept);
  const valid: Array<{ row: number; t: NormalizedTeacher }> = [];
  let total = 0;
  let mapping: Map<number, string> = new Map();
  // about 120 bytes of compressed xlsx per teacher row: enough for a progress estimate while streaming
  const expectedRows = Math.max(1, buf.length / 120);
  await visitSheet(readRows, buf, fileName, {
    header: (h) => {
      const match = matchHeaders('teachers', h.values);
      if (match.missing.length > 0) {
        throw new AppError(
          'HEADER_MISMATCH',
          `表头缺少必填列：${match.missing.map((c) => c.header).join('、')}。请使用“下载模板”得到的表头${
            match.unknown.length ? `；无法识别的列：${match.unknown.slice(0, 10).join('、')}` : ''
          }`,
        );
      }
      mapping = match.mapping;
    },
    row: (r) => {
      if (isBlankRow(r.values)) return;
      total++;
      const res = validateTeacherRow(cellsByKey(mapping, r.values), r.row, { today });
      if (res.value) valid.push({ row: r.row, t: res.value });
      else errors.add(...res.errors);
      if (total % 2000 === 0) job.state.progress = Math.min(70, (total / expectedRows) * 70);
    },
  });
  if (total === 0) throw new AppError('FILE_EMPTY', '文件只有表头，没有数据行');

  // the same ID number twice in one file: neither row can be trusted
  const seen = new Map<string, number[]>();
  for (const v of valid) seen.set(v.t.idNumber, [...(seen.get(v.t.idNumber) ?? []), v.row]);
  const dupRows = new Set<number>();
  for (const [idNumber, rows] of seen) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      dupRows.add(row);
      errors.add({
        row,
        column: '身份证号',
        value: idNumber,
        rule: 'DUPLICATE_IN_FILE',
        message: `同一身份证号在文件中出现 ${rows.length} 次（第 ${rows.join('、')} 行），请只保留一行`,
      });
    }
  }

  // schools must exist and lie in the importer's scope
  const codes = [...new Set(valid.map((v) => v.t.schoolCode))];
  const schools = new Map((await orgs.findByCodes(codes)).map((s) => [s.code ?? '', s]));
  const existing = await people.findByIdNumbers(valid.map((v) => v.t.idNumber));
  job.state.progress = 80;
  const prepared: TeacherPrepared[] = [];
  let toCreate = 0;
  let toUpdate = 0;
  let unchanged = 0;
  for (const { row, t } of valid) {
    if (dupRows.has(row)) continue;
    const school = schools.get(t.schoolCode);
    if (!school || (school.kind !== 'school' && school.kind !== 'tdc')) {
      errors.add({
        row,
        column: '学校标识码',
        value: t.schoolCode,
        rule: 'SCHOOL_CODE.NOT_FOUND',
        message: '系统中没有此学校标识码，请先导入学校或核对代码',
      });
      continue;
    }
    if (!can(actor, 'import.teachers', school.path)) {
      errors.add({
        row,
        column: '学校标识码',
        value: t.schoolCode,
        rule: 'SCOPE.SCHOOL',
        message: '该学校不在您的管辖范围内',
      });
      continue;
    }
    // a teacher registered outside the importer's scope reads exactly like an unknown ID number: counted as
    // new here, refused by the commit (commitTeachers) without saying that the number is registered
    const found = existing.get(t.idNumber);
    const e = found && can(actor, 'import.teachers', found.org_path) ? found : undefined;
    const w: TeacherPrepared = {
      row,
      idNumber: t.idNumber,
      name: t.name,
      namePinyin: '',
      nameInitials: '',
      gender: t.gender,
      birthDate: t.birthDate,
      phone: t.phone,
      schoolId: school.id,
      countyId: regionKeyOf(school),
      orgPath: school.path,
      stage: t.stage,
      subject: t.subject,
      title: t.title,
      backbone: t.backbone,
      teachingStartDate: t.teachingStartDate,
      trainingStartYear: t.trainingStartYear,
      rolesHeld: t.roles,
      status: t.status,
    };
    if (!e) toCreate++;
    else if (sameTeacher(w, e)) unchanged++;
    else toUpdate++;
    if (!e || !sameTeacher(w, e)) withPinyin(w);
    prepared.push(w);
    job.seen.see(w.idNumber, row, teacherState(e));
    job.places.set(school.id, orgState(school));
  }
  job.teachers = prepared;
  return { total, errors, toCreate, toUpdate, unchanged };
}

export async function validateSchools(
  ctx: DryRunContext,
  actor: Actor,
  job: DryRunTarget,
  buf: Buffer,
  fileName: string,
) {
  const { orgs, readRows, maxErrorsKept } = ctx;
  const errors = new RowErrors<RowError>(maxErrorsKept);
  const valid: Array<{ row: number; s: NormalizedSchool }> = [];
  let total = 0;
  let mapping: Map<number, string> = new Map();
  await visitSheet(readRows, buf, fileName, {
    header: (h) => {
      const match = matchHeaders('schools', h.values);
      if (match.missing.length > 0) {
        throw new AppError(
          'HEADER_MISMATCH',
          `表头缺少必填列：${match.missing.map((c) => c.header).join('、')}。请使用“下载模板”得到的表头`,
        );
      }
      mapping = match.mapping;
    },
    row: (r) => {
      if (isBlankRow(r.values)) return;
      total++;
      const res = validateSchoolRow(cellsByKey(mapping, r.values), r.row);
      if (res.value) valid.push({ row: r.row, s: res.value });
      errors.add(...res.errors);
    },
  });
  if (total === 0) throw new AppError('FILE_EMPTY', '文件只有表头，没有数据行');
  job.state.progress = 50;

  const seen = new Map<string, number[]>();
  for (const v of valid) seen.set(v.s.schoolCode, [...(seen.get(v.s.schoolCode) ?? []), v.row]);
  const dupRows = new Set<number>();
  for (const [code, rows] of seen) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      dupRows.add(row);
      errors.add({
        row,
        column: '学校标识码',
        value: code,
        rule: 'DUPLICATE_IN_FILE',
        message: `同一学校标识码在文件中出现 ${rows.length} 次（第 ${rows.join('、')} 行）`,
      });
    }
  }
  const counties = new Map(
    (await orgs.findByCodes([...new Set(valid.map((v) => v.s.countyCode))]))
      .filter((o) => o.kind === 'county')
      .map((o) => [o.code ?? '', o]),
  );
  const townships = await orgs.townshipsOf([...counties.values()].map((c) => c.id));
  const existing = new Map(
    (await orgs.findByCodes(valid.map((v) => v.s.schoolCode))).map((o) => [o.code ?? '', o]),
  );
  const countyAncestors = new Map(
    (
      await orgs.findByIds([
        ...new Set([...counties.values()].flatMap((c) => c.path.split('/').filter(Boolean))),
      ])
    ).map((o) => [o.id, o]),
  );
  const prepared: SchoolPrepared[] = [];
  let toCreate = 0;
  let toUpdate = 0;
  let unchanged = 0;
  for (const { row, s } of valid) {
    if (dupRows.has(row)) continue;
    const county = counties.get(s.countyCode);
    if (!county) {
      errors.add({
        row,
        column: '所属区县代码',
        value: s.countyCode,
        rule: 'COUNTY_CODE.NOT_FOUND',
        message: '系统中没有此区县代码（GB/T 2260 六位代码）',
      });
      continue;
    }
    if (!can(actor, 'import.schools', county.path)) {
      errors.add({
        row,
        column: '所属区县代码',
        value: s.countyCode,
        rule: 'SCOPE.COUNTY',
        message: `${county.name}不在您的管辖范围内`,
      });
      continue;
    }
    let parent: OrgRow = county;
    if (s.townshipCode || s.townshipName) {
      const t = townships.find(
        (x) =>
          x.county_id === county.id &&
          (s.townshipCode ? x.code === s.townshipCode : x.name === s.townshipName),
      );
      if (!t) {
        errors.add({
          row,
          column: '所属乡镇/街道',
          value: s.townshipCode ?? s.townshipName ?? '',
          rule: 'TOWNSHIP.NOT_FOUND',
          message: `${county.name}没有这个乡镇/街道`,
        });
        continue;
      }
      parent = t;
    }
    const e = existing.get(s.schoolCode);
    if (e && e.kind !== 'school') {
      errors.add({
        row,
        column: '学校标识码',
        value: s.schoolCode,
        rule: 'SCHOOL_CODE.TAKEN',
        message: `该代码已被“${e.name}”（非学校单位）使用`,
      });
      continue;
    }
    if (e && e.county_id !== county.id) {
      errors.add({
        row,
        column: '所属区县代码',
        value: s.countyCode,
        rule: 'SCHOOL.COUNTY_CHANGE',
        message: '学校已登记在另一个区县；跨区县调整学校隶属关系请由市级管理员办理',
      });
      continue;
    }
    const ancestors = county.path
      .split('/')
      .filter(Boolean)
      .map((id) => countyAncestors.get(id));
    const w: SchoolPrepared = {
      row,
      code: s.schoolCode,
      name: s.name,
      namePinyin: pinyinKey(s.name),
      parentId: parent.id,
      parentPath: parent.path,
      depth: parent.depth + 1,
      provinceId: ancestors.find((a) => a?.kind === 'province')?.id ?? null,
      cityId: ancestors.find((a) => a?.kind === 'city')?.id ?? null,
      countyId: county.id,
      stages: s.stages,
      schoolType: s.schoolType,
      locationType: s.locationType,
      groupName: s.group,
    };
    if (!e) toCreate++;
    else if (sameSchool(w, e)) unchanged++;
    else toUpdate++;
    prepared.push(w);
    job.seen.see(w.code, row, orgState(e));
    job.places.set(parent.id, orgState(parent));
  }
  job.schools = prepared;
  return { total, errors, toCreate, toUpdate, unchanged };
}
