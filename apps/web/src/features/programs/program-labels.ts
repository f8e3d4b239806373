import {
  INTEGRITY_KIND_CODES,
  type IntegrityKind,
  type Me,
  NOMINATION_STATUSES,
  type NominationStatus,
  PERMISSIONS,
  PROGRAM_LEVEL_CODES,
  type ProgramLevel,
  type Role,
} from '@yanxun/contracts';
import type { MessageKey } from '../../shared/i18n';

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function levelKey(level: string): MessageKey | null {
  return isOneOf<ProgramLevel>(PROGRAM_LEVEL_CODES, level) ? `prog.level.${level}` : null;
}

export function nominationStatusKey(status: string): MessageKey | null {
  return isOneOf<NominationStatus>(NOMINATION_STATUSES, status) ? `prog.nomStatus.${status}` : null;
}

export function integrityKindKey(kind: string): MessageKey | null {
  return isOneOf<IntegrityKind>(INTEGRITY_KIND_CODES, kind) ? `prog.integrityKind.${kind}` : null;
}

export const NOMINATION_STATUS_COLORS: Record<NominationStatus, string> = {
  selected: 'green',
  waitlisted: 'gold',
  withdrawn: 'default',
  replaced: 'purple',
  candidate: 'blue',
  not_selected: 'default',
};

/** Packs are kept by provinces and cities: a pack.manage grant there may clone and edit. */
export function canKeepPacks(me: Me | undefined): boolean {
  const allowed: readonly Role[] = PERMISSIONS['pack.manage'];
  return Boolean(
    me?.grants.some(
      (g) =>
        allowed.includes(g.role) &&
        (g.orgKind === 'province' || g.orgKind === 'city' || g.role === 'system_admin'),
    ),
  );
}
