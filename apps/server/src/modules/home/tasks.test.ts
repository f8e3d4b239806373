/**
 * The landing page's tasks and phases over stub ports: which role is told what, and the date boundaries (a
 * class's first and last day are running days; the application deadline's own day is still open, R-004-08).
 */
import type { ClassSummary, OpenProgramme, PlanSummary, ShortlistSummary } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { testActor } from '../../test/factories';
import type { OrgRow } from '../org';
import { classesAtAGlance } from './classes';
import type { HomeContext } from './context';
import { classTasks, officeTasks, providerTasks } from './tasks';
import { phaseOf } from './training';

const org = (kind: string): OrgRow => ({ id: '9', path: '/1/9/', name: kind, kind }) as unknown as OrgRow;

const plan = (id: string, status: PlanSummary['status'], canReview = false): PlanSummary => ({
  id,
  programmeId: `p${id}`,
  programmeTitle: `项目${id}`,
  ownerOrgName: '省教育厅',
  providerOrgId: '9',
  providerName: '承训机构',
  status,
  currentVersion: 1,
  submittedAt: null,
  updatedAt: '2026-11-01T00:00:00Z',
  canEdit: !canReview,
  canReview,
});

const open = (id: string, deadline: string, over: Partial<OpenProgramme> = {}): OpenProgramme => ({
  id,
  title: `可申报项目${id}`,
  projectTypeName: '乡村骨干',
  level: 'provincial',
  year: 2026,
  ownerOrgName: '省教育厅',
  startDate: '2027-01-01',
  endDate: '2027-01-10',
  totalSeats: 10,
  deadline,
  planId: null,
  planStatus: null,
  approvedProviderName: null,
  ...over,
});

const shortlist = (programmeId: string, status: ShortlistSummary['status']): ShortlistSummary => ({
  programmeId,
  programmeTitle: `遴选${programmeId}`,
  ownerOrgName: '市教育局',
  providerName: '承训机构',
  selectionDeadline: '2026-12-11',
  status,
  totalSeats: 10,
  candidates: 12,
  selected: 10,
  submittedAt: null,
});

const klass = (
  id: string,
  startDate: string,
  endDate: string,
  over: Partial<ClassSummary> = {},
): ClassSummary => ({
  id,
  programmeId: '1',
  programmeTitle: '项目',
  name: `班${id}`,
  periodNo: 1,
  startDate,
  endDate,
  venue: '',
  providerOrgId: '9',
  providerOrgName: '承训机构',
  enrolled: 40,
  lights: { green: 1, amber: 0, red: 0, grey: 0 },
  canManage: true,
  ...over,
});

function ctxWith(p: {
  plans?: PlanSummary[];
  open?: OpenProgramme[];
  shortlists?: ShortlistSummary[];
  state?: Record<string, { waiting: number; judged: number }>;
}): HomeContext {
  const fail = () => {
    throw new Error('not used');
  };
  return {
    overview: { trainingOverview: fail },
    warnings: { latestWarnings: fail },
    classes: { listClasses: fail },
    plans: { listPlans: async () => p.plans ?? [], openProgrammes: async () => p.open ?? [] },
    shortlists: { list: async () => p.shortlists ?? [] },
    outcomes: {
      reviewState: async (ids) => new Map(ids.map((id) => [id, p.state?.[id] ?? { waiting: 0, judged: 0 }])),
    },
    now: () => new Date('2026-11-23T02:00:00Z'),
  };
}

describe('phaseOf: a class or programme on a day', () => {
  it('the day before the start is upcoming; the first and the last day run; the day after is finished', () => {
    const c = { startDate: '2026-11-16', endDate: '2026-11-27' };
    expect(phaseOf(c, '2026-11-15')).toBe('upcoming');
    expect(phaseOf(c, '2026-11-16')).toBe('running');
    expect(phaseOf(c, '2026-11-27')).toBe('running');
    expect(phaseOf(c, '2026-11-28')).toBe('finished');
  });

  it('classes at a glance: running, then the next to start, then the latest ended; at most 8', () => {
    const all = [
      klass('old', '2026-09-01', '2026-09-05'),
      klass('next', '2026-12-01', '2026-12-05'),
      klass('now', '2026-11-20', '2026-11-25'),
      klass('last', '2026-10-19', '2026-10-23'),
    ];
    const g = classesAtAGlance(all, '2026-11-23');
    expect(g).toMatchObject({ total: 4, running: 1, upcoming: 1 });
    expect(g.items.map((c) => c.id)).toEqual(['now', 'next', 'last', 'old']);
    const many = Array.from({ length: 12 }, (_, i) => klass(String(i), '2026-11-01', '2026-11-30'));
    expect(classesAtAGlance(many, '2026-11-23').items).toHaveLength(8);
  });
});

describe('the office’s tasks', () => {
  it('plans it may review, submitted shortlists, and the overdue deadline items as one count', async () => {
    const ctx = ctxWith({
      plans: [plan('1', 'submitted', true), plan('2', 'submitted', false)],
      shortlists: [shortlist('7', 'submitted'), shortlist('8', 'open'), shortlist('9', 'confirmed')],
    });
    const tasks = await officeTasks(ctx, testActor('bureau_admin', org('province')), {
      overdueDeadlines: 3,
    } as Parameters<typeof officeTasks>[2]);
    expect(tasks).toEqual([
      { kind: 'plan_review', count: 1, subject: '项目1', id: '1', due: null },
      { kind: 'shortlist_confirm', count: 10, subject: '遴选7', id: '7', due: '2026-12-11' },
      { kind: 'deadline_overdue', count: 3, subject: null, id: null, due: null },
    ]);
  });

  it('a school admin (no plan review, no shortlist review) and nothing overdue: no tasks', async () => {
    const ctx = ctxWith({ plans: [plan('1', 'submitted', true)], shortlists: [shortlist('7', 'submitted')] });
    expect(
      await officeTasks(ctx, testActor('school_admin', org('school')), {
        overdueDeadlines: 0,
      } as Parameters<typeof officeTasks>[2]),
    ).toEqual([]);
  });
});

describe('a provider’s tasks', () => {
  it('R-004-08 returned and draft plans; programmes still open to apply (the deadline day itself is open)', async () => {
    const ctx = ctxWith({
      open: [
        open('a', '2026-11-23'),
        open('b', '2026-11-22'),
        open('c', '2026-12-01', { planId: '5', planStatus: 'draft' }),
        open('d', '2026-12-01', { approvedProviderName: '另一机构' }),
      ],
      shortlists: [shortlist('7', 'returned'), shortlist('8', 'submitted')],
    });
    const tasks = await providerTasks(
      ctx,
      testActor('provider_staff', org('provider')),
      [plan('5', 'draft'), plan('6', 'returned'), plan('4', 'approved')],
      '2026-11-23',
    );
    expect(tasks).toEqual([
      { kind: 'plan_returned', count: 1, subject: '项目6', id: '6', due: null },
      { kind: 'plan_draft', count: 1, subject: '项目5', id: '5', due: null },
      { kind: 'shortlist_select', count: 12, subject: '遴选7', id: '7', due: '2026-12-11' },
      { kind: 'programme_open', count: 1, subject: '可申报项目a', id: 'a', due: '2026-11-23' },
    ]);
  });

  it('several programmes open: one task with the count and the earliest deadline, no single subject', async () => {
    const ctx = ctxWith({ open: [open('a', '2026-12-20'), open('b', '2026-12-01')] });
    const tasks = await providerTasks(ctx, testActor('provider_staff', org('provider')), [], '2026-11-23');
    expect(tasks).toEqual([{ kind: 'programme_open', count: 2, subject: null, id: null, due: '2026-12-01' }]);
  });
});

describe('class tasks', () => {
  const classes = [
    klass('run', '2026-11-16', '2026-11-27', { lights: { green: 0, amber: 1, red: 2, grey: 0 } }),
    klass('ended', '2026-10-19', '2026-10-23'),
    klass('judged', '2026-10-01', '2026-10-05'),
    klass('next', '2026-12-01', '2026-12-05'),
  ];
  const state = {
    run: { waiting: 0, judged: 0 },
    ended: { waiting: 4, judged: 0 },
    judged: { waiting: 0, judged: 40 },
  };

  it('the provider: overdue items, outcomes waiting, completion to run for an ended class no run has judged', async () => {
    const tasks = await classTasks(
      ctxWith({ state }),
      testActor('provider_staff', org('provider')),
      classes,
      '2026-11-23',
    );
    expect(tasks).toEqual([
      { kind: 'deadline_overdue', count: 2, subject: '班run', id: 'run', due: null },
      { kind: 'outcomes_review', count: 4, subject: '班ended', id: 'ended', due: null },
      { kind: 'completion_run', count: 40, subject: '班ended', id: 'ended', due: '2026-10-23' },
    ]);
  });

  it('a trainer (reads, reviews, does not manage): only the outcomes to review', async () => {
    const tasks = await classTasks(
      ctxWith({ state }),
      testActor('trainer', org('provider')),
      classes.map((c) => ({ ...c, canManage: false })),
      '2026-11-23',
    );
    expect(tasks.map((x) => [x.kind, x.id])).toEqual([['outcomes_review', 'ended']]);
  });
});
