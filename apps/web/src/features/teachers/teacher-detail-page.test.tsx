import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, TeacherDetail } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { hoursEntry, teacherHoursOf } from '../outcomes/hours.test-data';
import { TeacherDetailPage } from './teacher-detail-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      me: vi.fn(),
      teacher: vi.fn(),
      revealIdNumber: vi.fn(),
      revealPhone: vi.fn(),
      codes: vi.fn(async () => ({})),
      teacherHours: vi.fn(async (teacherId: string) => ({ ...teacherHoursOf([]), teacherId })),
    },
  };
});

const me = (role: Me['grants'][number]['role']): Me => ({
  id: '1',
  username: role,
  displayName: role,
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const detail = (over: Partial<TeacherDetail> = {}): TeacherDetail => ({
  id: '42',
  name: '罗晓燕',
  gender: 'F',
  birthDate: '1990-07-21',
  idNumberMasked: '4418*************8',
  phoneMasked: '137****6149',
  schoolId: '9',
  schoolName: '清城一小',
  countyName: '清城区',
  stage: null,
  subject: null,
  title: null,
  backbone: null,
  teachingStartDate: null,
  status: 'active',
  rolesHeld: [],
  trainingYears: null,
  teachingYears: null,
  age: 36,
  postings: [],
  ancestors: [],
  canRevealIdNumber: true,
  canRevealPhone: true,
  ...over,
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('hardening: the teacher page shows full numbers only through the audited reveal', () => {
  it('phone and ID number are masked; the phone is revealed (audited on the server) only after a confirmation', async () => {
    vi.mocked(api.me).mockResolvedValue(me('school_admin'));
    vi.mocked(api.teacher).mockResolvedValue(detail());
    vi.mocked(api.revealPhone).mockResolvedValue({ phone: '13725806149' });
    renderWithApp(<TeacherDetailPage />, { route: '/teachers/42', path: '/teachers/:id' });
    expect((await screen.findByTestId('teacher-phone')).textContent).toBe('137****6149');
    expect(screen.getByTestId('teacher-id-number').textContent).toBe('4418*************8');
    expect(document.body.textContent).not.toContain('13725806149');
    fireEvent.click(screen.getByTestId('teacher-phone-reveal'));
    expect(await screen.findByText(/查看完整手机号将被记录到审计日志/)).toBeTruthy();
    expect(api.revealPhone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('teacher-phone-reveal-confirm'));
    await waitFor(() => expect(screen.getByTestId('teacher-phone').textContent).toBe('13725806149'));
    expect(api.revealPhone).toHaveBeenCalledWith('42');
    expect(api.revealIdNumber).not.toHaveBeenCalled();
  });

  it('a role without the permission (canReveal… false) gets no reveal button for either number', async () => {
    vi.mocked(api.me).mockResolvedValue(me('tdc_staff'));
    vi.mocked(api.teacher).mockResolvedValue(detail({ canRevealIdNumber: false, canRevealPhone: false }));
    renderWithApp(<TeacherDetailPage />, { route: '/teachers/42', path: '/teachers/:id' });
    expect((await screen.findByTestId('teacher-phone')).textContent).toBe('137****6149');
    expect(screen.queryByTestId('teacher-phone-reveal')).toBeNull();
    expect(screen.queryByTestId('teacher-id-number-reveal')).toBeNull();
  });
});

describe('the teacher’s own profile', () => {
  it('shows the 学时 card an officer sees (without the reverse action), with the total', async () => {
    vi.mocked(api.me).mockResolvedValue({ ...me('teacher'), teacherId: '42' });
    vi.mocked(api.teacher).mockResolvedValue(detail({ canRevealIdNumber: false, canRevealPhone: false }));
    vi.mocked(api.teacherHours).mockResolvedValue(
      teacherHoursOf(
        [
          hoursEntry({
            id: '5',
            programmeId: '1',
            programmeTitle: '省级骨干教师培育项目',
            classId: '1',
            hoursTenths: 300,
            ruleId: 'R-004-05',
            postedAt: '2026-10-30T02:00:00Z',
          }),
        ],
        { teacherId: '42' },
      ),
    );
    renderWithApp(<TeacherDetailPage />, { route: '/teachers/42', path: '/teachers/:id' });
    expect(await screen.findByText('省级骨干教师培育项目')).toBeTruthy();
    expect(api.teacherHours).toHaveBeenCalledWith('42');
    expect(screen.getByTestId('teacher-hours').textContent).toContain('30');
    expect(screen.queryByText('撤销')).toBeNull();
  });
});
