import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, TeacherArchive } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { hoursStanding } from '../outcomes/hours.test-data';
import { ArchivePage } from './archive-page';

// the chart's option as markup: what ECharts would draw (happy-dom has no layout for it to measure)
vi.mock('echarts-for-react/esm/core', () => ({
  default: (p: { option: unknown }) => <div data-testid="chart" data-option={JSON.stringify(p.option)} />,
}));

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      me: vi.fn(),
      codes: vi.fn(async () => ({})),
      teacherArchive: vi.fn(),
      myArchive: vi.fn(),
      fetchFile: vi.fn(async () => ({ blob: new Blob(['%PDF']), fileName: 'a.pdf' })),
    },
  };
});

const teacherMe: Me = {
  id: '5',
  username: 'teacher',
  displayName: '罗晓燕',
  grants: [{ role: 'teacher', orgId: '9', orgName: '清城一小', orgKind: 'school' }],
  teacherId: '42',
  csrfToken: 'x',
  mustChangePassword: false,
};

/** An archive with one of everything Yanxun records (test data). */
function archive(over: Partial<TeacherArchive> = {}): TeacherArchive {
  return {
    asOf: '2026-12-06',
    teacher: {
      id: '42',
      name: '罗晓燕',
      schoolName: '清城一小',
      countyName: '清城区',
      idMasked: '**************2028',
      stage: null,
      subject: null,
      title: null,
      backbone: null,
      teachingYears: 12,
    },
    rolesHeld: [],
    postings: [{ schoolId: '9', schoolName: '清城一小', fromDate: '2014-09-01', toDate: null, reason: null }],
    programmes: [
      {
        programmeId: '3',
        programmeTitle: '市级乡村骨干教师培训',
        year: 2026,
        level: 'city',
        nomination: 'selected',
        nominatedAt: '2026-07-01T02:00:00.000Z',
        classId: '7',
        className: 'A 班',
        startDate: '2026-09-01',
        endDate: '2026-09-10',
        attendance: { sessions: 10, attended: 9, approvedLeave: 1 },
        completion: {
          completed: true,
          attendancePct: 90,
          hoursTenths: 400,
          evaluatedAt: '2026-09-10T08:00:00Z',
        },
      },
    ],
    hours: {
      totalTenths: 400,
      standing: hoursStanding(400, {
        years: [
          {
            schoolYear: '2026-2027',
            countedTenths: 400,
            notCountedTenths: 0,
            categories: [{ category: 'centralized', countedTenths: 400, notCountedTenths: 0 }],
          },
        ],
      }),
    },
    outcomes: [
      {
        programmeTitle: '市级乡村骨干教师培训',
        className: 'A 班',
        label: '示范课',
        version: 1,
        status: 'accepted',
        score: 90,
        submittedAt: '2026-09-08T02:00:00Z',
        reviewedAt: '2026-09-09T02:00:00Z',
      },
    ],
    certificates: [
      {
        certificateNo: '2026-3-00001',
        programmeTitle: '市级乡村骨干教师培训',
        issuedAt: '2026-09-10T08:00:00Z',
        revoked: false,
        verificationCode: 'ABCD-EFGH-JKMN-PQRS-TVWX',
      },
    ],
    documents: [],
    integrity: [
      {
        id: '11',
        kind: 'no_show',
        recordDate: '2025-05-06',
        programmeTitle: '县级班主任能力提升培训',
        standing: true,
        barEndsOn: '2028-05-05',
        appealStatus: 'none',
        standingReason: null,
      },
    ],
    studioRoles: [],
    trainerRoles: [],
    honours: [],
    evaluations: [],
    ...over,
  };
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('R3-T09: the growth archive page', () => {
  it('a teacher read by staff: every section shows the rows the server sent, the ID number only by its last four', async () => {
    vi.mocked(api.teacherArchive).mockResolvedValue(archive());
    renderWithApp(<ArchivePage />, { route: '/teachers/42/archive', path: '/teachers/:id/archive' });
    expect((await screen.findByTestId('archive-name')).textContent).toBe('罗晓燕');
    expect(api.teacherArchive).toHaveBeenCalledWith('42');
    expect(api.myArchive).not.toHaveBeenCalled();
    expect(screen.getByTestId('archive-id').textContent).toBe('**************2028');
    const programmes = screen.getByTestId('archive-programmes');
    expect(programmes.textContent).toContain('市级乡村骨干教师培训');
    expect(programmes.textContent).toContain('已结业 · 40 学时');
    expect(programmes.textContent).toContain('出勤 9/10 次');
    expect(screen.getByTestId('archive-hours-total').textContent).toBe('累计计入 40 学时');
    // 学时 by school year, stacked by category
    const option = JSON.parse(screen.getByTestId('chart').getAttribute('data-option') ?? '{}');
    expect(option.xAxis.data).toEqual(['2026-2027']);
    expect(option.series).toEqual([
      expect.objectContaining({ name: '集中培训', stack: 'hours', data: [40] }),
    ]);
    expect(screen.getByTestId('archive-outcomes').textContent).toContain('示范课');
    expect(screen.getByTestId('archive-outcomes').textContent).toContain('90 分');
    expect(screen.getByTestId('archive-documents').textContent).toContain('ABCD-EFGH-JKMN-PQRS-TVWX');
    expect(screen.getByTestId('archive-integrity').textContent).toContain('无特殊情况未参训');
    expect(screen.getByTestId('archive-integrity').textContent).toContain('限制参训至 2028-05-05');
  });

  it('studio, trainer, honour and evaluation sections read "暂无记录" with what will fill them, nothing invented', async () => {
    vi.mocked(api.teacherArchive).mockResolvedValue(archive());
    renderWithApp(<ArchivePage />, { route: '/teachers/42/archive', path: '/teachers/:id/archive' });
    await screen.findByTestId('archive-name');
    for (const [id, note] of [
      ['archive-studios', '工作室模块'],
      ['archive-trainer', '培训者队伍模块'],
      ['archive-honours', '评价模块'],
      ['archive-evaluations', '评价模块'],
    ] as const) {
      const card = screen.getByTestId(id);
      expect(within(card).getByText('暂无记录')).toBeTruthy();
      expect(card.textContent).toContain(note);
    }
    // a section with rows has no empty note
    expect(screen.getByTestId('archive-programmes').textContent).not.toContain('暂无记录');
  });

  it('the teacher’s own at /me/archive; 下载 PDF asks for the teacher’s own PDF', async () => {
    vi.mocked(api.myArchive).mockResolvedValue(archive({ documents: [] }));
    renderWithApp(<ArchivePage />, { route: '/me/archive', path: '/me/archive', me: teacherMe });
    await screen.findByTestId('archive-name');
    expect(api.myArchive).toHaveBeenCalled();
    expect(api.teacherArchive).not.toHaveBeenCalled();
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByTestId('archive-pdf'));
    await waitFor(() => expect(api.fetchFile).toHaveBeenCalledWith('/api/v1/me/archive.pdf', undefined));
  });
});
