import type { CommunityDetail } from '@yanxun/contracts';
import { todayIso } from '../../shared/time';

/** The school year today is in ('2026-2027'; it starts in September). */
export function currentSchoolYear(today: string = todayIso()): string {
  const y = Number(today.slice(0, 4));
  const first = Number(today.slice(5, 7)) >= 9 ? y : y - 1;
  return `${first}-${first + 1}`;
}

/** The schools of the host and core members today (a studio: every member but applicants), for host-school pickers. */
export function coreSchoolOptions(d: CommunityDetail): { value: string; label: string }[] {
  const roles = d.kind === 'workshop' ? ['host', 'core'] : ['host', 'core', 'formal'];
  const out = new Map<string, string>();
  for (const m of d.members)
    if (roles.includes(m.role)) out.set(m.currentSchoolId ?? m.schoolId, m.currentSchoolName ?? m.schoolName);
  return [...out].map(([value, label]) => ({ value, label }));
}
