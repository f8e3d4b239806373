import { LOCATION_TYPE_CODES } from '@yanxun/core/codes';
import { z } from 'zod';

/** Kinds of org node. Administrative units carry a GB/T 2260 code; schools a 10-digit 学校标识码. */
export const ORG_KINDS = [
  'province', // 省
  'city', // 市
  'county', // 县/区
  'township', // 乡镇(中心校)
  'school', // 学校
  'tdc', // 教师发展中心 / 进修学校 / 教研室
  'provider', // 承训高校/机构
  'project_office', // 项目办
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const orgKindSchema = z.enum(ORG_KINDS);

/**
 * 城区 / 镇区 / 乡村 (the national 城乡分类, simplified; core's codes.ts). 乡镇 schools matter for R-004-72.
 */
export { LOCATION_TYPE_CODES, type LocationType } from '@yanxun/core/codes';
export const locationTypeSchema = z.enum(LOCATION_TYPE_CODES);

export const orgNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: orgKindSchema,
  code: z.string().nullable(),
  name: z.string(),
  depth: z.number().int(),
  /** Present on schools. */
  stages: z.array(z.string()).optional(),
  schoolType: z.string().nullable().optional(),
  locationType: locationTypeSchema.nullable().optional(),
  groupName: z.string().nullable().optional(),
  teacherCount: z.number().int().optional(),
  schoolCount: z.number().int().optional(),
  childCount: z.number().int().optional(),
});
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const orgDetailSchema = z.object({
  node: orgNodeSchema,
  ancestors: z.array(orgNodeSchema),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const schoolListQuerySchema = pageQuerySchema.extend({
  orgId: z.string().optional(),
  q: z.string().max(64).optional(),
  stage: z.string().max(8).optional(),
  locationType: locationTypeSchema.optional(),
});
export type SchoolListQuery = z.infer<typeof schoolListQuerySchema>;

export const schoolRowSchema = orgNodeSchema.extend({
  countyName: z.string().nullable(),
  townshipName: z.string().nullable(),
});
export type SchoolRow = z.infer<typeof schoolRowSchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgName: z.string().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntryRow = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  action: z.string().max(64).optional(),
  entity: z.string().max(32).optional(),
  entityId: z.string().max(32).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
