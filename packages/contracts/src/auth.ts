import { z } from 'zod';

/** Roles a person can hold on an org node; a grant reaches that node's subtree only. */
export const ROLES = [
  'system_admin',
  'bureau_admin',
  'tdc_staff',
  'provider_staff',
  'school_admin',
  'trainer',
  'evaluator',
  'teacher',
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const grantSchema = z.object({
  role: roleSchema,
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(grantSchema),
  /** The teacher record this account belongs to, if any (a teacher's own profile). */
  teacherId: z.string().nullable(),
  /** Send back as the x-csrf-token header on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.object({
  oldPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'yx_session';
