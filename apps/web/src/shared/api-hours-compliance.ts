/** 学时 compliance of a unit: its counts and its child units', the teachers behind, reminders to them. */
import {
  type ComplianceFilter,
  type ComplianceRemindRequest,
  type ComplianceRemindResult,
  type ComplianceTeachers,
  complianceRemindResultSchema,
  complianceTeachersSchema,
  type HourCategoryCode,
  type HoursCompliance,
  hoursComplianceSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

/** Which teachers a list (or its Excel file) shows; the unit is the actor's own when `orgId` is absent. */
export interface ComplianceTeachersParams {
  orgId?: string;
  behind: ComplianceFilter;
  category?: HourCategoryCode;
  page?: number;
  pageSize?: number;
}

export const COMPLIANCE_TEACHERS_XLSX = '/api/v1/hours/compliance/teachers.xlsx';

export function hoursComplianceApi({ get, json }: Transport) {
  return {
    hoursCompliance(orgId?: string): Promise<HoursCompliance> {
      return get(hoursComplianceSchema, '/api/v1/hours/compliance', { orgId });
    },
    complianceTeachers(params: ComplianceTeachersParams): Promise<ComplianceTeachers> {
      return get(complianceTeachersSchema, '/api/v1/hours/compliance/teachers', { ...params });
    },
    async remindBehind(body: ComplianceRemindRequest): Promise<ComplianceRemindResult> {
      const path = '/api/v1/hours/compliance/reminders';
      return parseWith(
        complianceRemindResultSchema,
        await json('POST', path, { json: body }),
        `POST ${path}`,
      );
    },
  };
}
