import type { Me, Programme } from '@yanxun/contracts';

/** The province's bureau officer, as the programme pages' tests sign in. */
export const PROVINCE_ME: Me = {
  id: '1',
  username: 'province',
  displayName: '省教育厅',
  grants: [{ role: 'bureau_admin', orgId: '1', orgName: '广东省', orgKind: 'province' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

/** A provincial programme of the demo year; `over` changes what a test is about. */
export function programmeFixture(over: Partial<Programme> = {}): Programme {
  return {
    id: '4',
    title: '2026年"省培计划"省级骨干教师培育项目（清远市）',
    packId: '440000-2026-v2',
    packTitle: '广东省 2026 年教师培训政策包',
    projectTypeCode: 'backbone_cultivation',
    projectTypeName: '省级骨干教师培育项目',
    trackCode: 'backbone',
    level: 'provincial',
    year: 2026,
    ownerOrgId: '1',
    ownerOrgName: '广东省',
    selectionDeadline: '2026-09-30',
    startDate: '2026-10-19',
    endDate: '2026-11-20',
    totalSeats: 45,
    usedSeats: 38,
    candidates: 0,
    canManage: true,
    ...over,
  };
}
