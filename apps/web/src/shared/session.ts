import { useQuery } from '@tanstack/react-query';
import type { Grant, Me, Role } from '@yanxun/contracts';
import { api } from './api';

export const ME_QUERY_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: () => api.me(), staleTime: 5 * 60_000, retry: false });
}

const ADMIN_ROLES: readonly Role[] = ['system_admin', 'bureau_admin'];

/** Whether the user may move teachers between schools. The server decides; this only hides the button. */
export function canTransferTeachers(me: Me | undefined): boolean {
  return Boolean(me?.grants.some((g) => ADMIN_ROLES.includes(g.role)));
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
