import type { Me } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { canTransferTeachers, evaluatorOnly, hasPermission, ownProfileOnly } from './session';

const me = (roles: Me['grants'][number]['role'][], teacherId: string | null = null): Me => ({
  id: '1',
  username: 'u',
  displayName: 'u',
  teacherId,
  grants: roles.map((role) => ({ role, orgId: '7', orgName: '清城区', orgKind: 'county' })),
  csrfToken: 'c',
  mustChangePassword: false,
});

describe('role-aware navigation (mirrors the server PERMISSIONS)', () => {
  it('a county admin sees teachers and imports', () => {
    expect(hasPermission(me(['bureau_admin']), 'teacher.read')).toBe(true);
    expect(hasPermission(me(['bureau_admin']), 'import.teachers')).toBe(true);
    expect(canTransferTeachers(me(['bureau_admin']))).toBe(true);
  });

  it('teacher-development-centre staff read teachers but neither import nor transfer', () => {
    expect(hasPermission(me(['tdc_staff']), 'teacher.read')).toBe(true);
    expect(hasPermission(me(['tdc_staff']), 'import.teachers')).toBe(false);
    expect(canTransferTeachers(me(['tdc_staff']))).toBe(false);
  });

  it('a teacher with no other role lands on their own profile', () => {
    expect(ownProfileOnly(me(['teacher'], '42'))).toBe('42');
    expect(hasPermission(me(['teacher'], '42'), 'org.read')).toBe(false);
  });

  it('a teacher who is also a school admin keeps the full dashboard', () => {
    expect(ownProfileOnly(me(['teacher', 'school_admin'], '42'))).toBeNull();
    expect(ownProfileOnly(undefined)).toBeNull();
  });

  it('an expert with no other role has 评审任务 for its 工作台; an expert who is also staff keeps the dashboard', () => {
    expect(evaluatorOnly(me(['evaluator']))).toBe(true);
    expect(evaluatorOnly(me(['evaluator', 'tdc_staff']))).toBe(false);
    expect(evaluatorOnly(me([]))).toBe(false);
    expect(evaluatorOnly(undefined)).toBe(false);
  });
});
