import {
  LOCATION_TYPE_CODES,
  type LocationType,
  ORG_KINDS,
  type OrgKind,
  ROLES,
  type Role,
} from '@yanxun/contracts';
import type { MessageKey } from './i18n';

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function orgKindKey(kind: string): MessageKey | null {
  return isOneOf<OrgKind>(ORG_KINDS, kind) ? `orgKind.${kind}` : null;
}

export function roleKey(role: string): MessageKey | null {
  return isOneOf<Role>(ROLES, role) ? `role.${role}` : null;
}

export function locationKey(value: string | null | undefined): MessageKey | null {
  return value && isOneOf<LocationType>(LOCATION_TYPE_CODES, value) ? `location.${value}` : null;
}

export function genderKey(value: string): MessageKey | null {
  return value === 'M' || value === 'F' ? `gender.${value}` : null;
}
