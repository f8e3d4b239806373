/** Code tables, the org tree, schools and teachers (with the audited reveals), imports. */
import {
  type CodeTables,
  codeTablesSchema,
  type ImportJob,
  type ImportKind,
  type ImportRowError,
  importJobSchema,
  importRowErrorSchema,
  type OrgDetail,
  type OrgNode,
  orgDetailSchema,
  orgNodeSchema,
  type Page,
  pageOf,
  type SchoolListQuery,
  type SchoolRow,
  schoolRowSchema,
  type TeacherDetail,
  type TeacherListQuery,
  type TeacherRow,
  type TransferRequest,
  teacherDetailSchema,
  teacherRowSchema,
} from '@yanxun/contracts';
import { type ListQuery, type Parser, parseWith, type Transport } from './api-transport';

const schoolPage = pageOf(schoolRowSchema);
const teacherPage = pageOf(teacherRowSchema);
const importPage = pageOf(importJobSchema);
const importErrorPage = pageOf(importRowErrorSchema);
const orgNodeList = orgNodeSchema.array();

const idNumberParser: Parser<{ idNumber: string }> = {
  safeParse(input) {
    if (
      typeof input === 'object' &&
      input !== null &&
      'idNumber' in input &&
      typeof input.idNumber === 'string'
    ) {
      return { success: true, data: { idNumber: input.idNumber } };
    }
    return { success: false, error: { issues: [{ path: ['idNumber'], message: 'expected a string' }] } };
  },
};

const phoneParser: Parser<{ phone: string | null }> = {
  safeParse(input) {
    if (typeof input === 'object' && input !== null && 'phone' in input) {
      const phone = input.phone;
      if (phone === null || typeof phone === 'string') return { success: true, data: { phone } };
    }
    return { success: false, error: { issues: [{ path: ['phone'], message: 'expected a string or null' }] } };
  },
};

export function peopleApi({ get, json }: Transport) {
  return {
    codes(): Promise<CodeTables> {
      return get(codeTablesSchema, '/api/v1/codes');
    },
    orgRoots(): Promise<OrgNode[]> {
      return get(orgNodeList, '/api/v1/orgs/roots');
    },
    org(id: string): Promise<OrgDetail> {
      return get(orgDetailSchema, `/api/v1/orgs/${encodeURIComponent(id)}`);
    },
    orgChildren(id: string): Promise<OrgNode[]> {
      return get(orgNodeList, `/api/v1/orgs/${encodeURIComponent(id)}/children`);
    },

    listSchools(query: ListQuery<SchoolListQuery>): Promise<Page<SchoolRow>> {
      return get(schoolPage, '/api/v1/schools', { ...query });
    },
    school(id: string): Promise<SchoolRow> {
      return get(schoolRowSchema, `/api/v1/schools/${encodeURIComponent(id)}`);
    },
    listTeachers(query: ListQuery<TeacherListQuery>): Promise<Page<TeacherRow>> {
      return get(teacherPage, '/api/v1/teachers', { ...query });
    },
    teacher(id: string): Promise<TeacherDetail> {
      return get(teacherDetailSchema, `/api/v1/teachers/${encodeURIComponent(id)}`);
    },
    /** Audited on the server: every call is logged with the caller. */
    revealIdNumber(id: string): Promise<{ idNumber: string }> {
      return get(idNumberParser, `/api/v1/teachers/${encodeURIComponent(id)}/id-number`);
    },
    /** The same permission and the same audit as the ID number. */
    revealPhone(id: string): Promise<{ phone: string | null }> {
      return get(phoneParser, `/api/v1/teachers/${encodeURIComponent(id)}/phone`);
    },
    async transferTeacher(id: string, body: TransferRequest): Promise<void> {
      await json('POST', `/api/v1/teachers/${encodeURIComponent(id)}/transfer`, { json: body });
    },

    listImports(query: { page?: number; pageSize?: number } = {}): Promise<Page<ImportJob>> {
      return get(importPage, '/api/v1/imports', query);
    },
    async createImport(kind: ImportKind, file: File): Promise<ImportJob> {
      const form = new FormData();
      form.append('kind', kind); // the server reads fields in order: kind before file
      form.append('file', file, file.name);
      return parseWith(
        importJobSchema,
        await json('POST', '/api/v1/imports', { form }),
        'POST /api/v1/imports',
      );
    },
    getImport(id: string): Promise<ImportJob> {
      return get(importJobSchema, `/api/v1/imports/${encodeURIComponent(id)}`);
    },
    listImportErrors(id: string, query: { page: number; pageSize: number }): Promise<Page<ImportRowError>> {
      return get(importErrorPage, `/api/v1/imports/${encodeURIComponent(id)}/errors`, query);
    },
    /** Resolves to the job when the server returns it, otherwise null (poll GET /imports/:id). */
    async commitImport(id: string, mode: 'all' | 'valid'): Promise<ImportJob | null> {
      const data = await json('POST', `/api/v1/imports/${encodeURIComponent(id)}/commit`, { json: { mode } });
      const parsed = importJobSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    },
  };
}
