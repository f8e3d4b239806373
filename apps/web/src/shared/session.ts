import { useQuery } from '@tanstack/react-query';
import { anyRoleHas, type Grant, type Me, type Permission, type Role } from '@yanxun/contracts';
import { api } from './api';

export const ME_QUERY_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: () => api.me(), staleTime: 5 * 60_000, retry: false });
}

/** Whether the user holds the permission anywhere. The server decides; this only hides what cannot be used. */
export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  return Boolean(
    me &&
      anyRoleHas(
        me.grants.map((g) => g.role),
        permission,
      ),
  );
}

/** Whether the user may move teachers between schools. */
export function canTransferTeachers(me: Me | undefined): boolean {
  return hasPermission(me, 'teacher.write');
}

/** A teacher with no management role: their home is their own profile. */
export function ownProfileOnly(me: Me | undefined): string | null {
  if (!me?.teacherId || hasPermission(me, 'org.read')) return null;
  return me.teacherId;
}

/**
 * Whether the account is an expert (评审专家) and nothing else: its work is its 评审任务, where it lands and which
 * takes the place of 工作台 in its menu.
 */
export function evaluatorOnly(me: Me | undefined): boolean {
  return me !== undefined && me.grants.length > 0 && me.grants.every((g) => g.role === 'evaluator');
}

/** The grant shown in the header: the broadest one first (by role rank). */
const ROLE_RANK: Record<Role, number> = {
  system_admin: 0,
  bureau_admin: 1,
  tdc_staff: 2,
  school_admin: 3,
  provider_staff: 4,
  trainer: 5,
  evaluator: 6,
  teacher: 7,
};

export function primaryGrant(me: Me | undefined): Grant | undefined {
  if (!me) return undefined;
  return [...me.grants].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role])[0];
}
