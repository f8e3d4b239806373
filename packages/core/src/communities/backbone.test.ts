import { describe, expect, it } from 'vitest';
import { backboneCandidates, type CycleMembership, registrationCycle } from './backbone';

const reg = { firstSchoolYear: '2024-2025', registeredOn: '2024-09-20' };
const member = (id: string, over: Partial<CycleMembership> = {}): CycleMembership => ({
  memberId: `m${id}`,
  teacherId: id,
  name: `教师${id}`,
  role: 'formal',
  joinedOn: '2024-09-20',
  leftOn: null,
  ...over,
});
const run = (over: Partial<Parameters<typeof backboneCandidates>[0]> = {}) =>
  backboneCandidates({
    kind: 'workshop',
    registrations: [reg],
    members: [member('1')],
    titleYears: [2025],
    asOf: '2026-09-01',
    ...over,
  }).map((c) => c.teacherId);

describe('R3-W15: backbone candidates of a titled workshop', () => {
  it('the cycle is the registration’s two school years, to the day before the third starts', () => {
    expect(registrationCycle('2024-2025')).toEqual({
      schoolYears: ['2024-2025', '2025-2026'],
      start: '2024-09-01',
      end: '2026-08-31',
    });
  });

  it('R3-W15: offered the day after the cycle ends, not on its last day', () => {
    expect(run({ asOf: '2026-08-31' })).toEqual([]);
    expect(run({ asOf: '2026-09-01' })).toEqual(['1']);
    const [c] = backboneCandidates({
      kind: 'workshop',
      registrations: [reg],
      members: [member('1')],
      titleYears: [2025],
      asOf: '2026-09-01',
    });
    expect(c).toMatchObject({ rule: 'R3-W15', schoolYears: ['2024-2025', '2025-2026'], titleYears: [2025] });
    expect(c?.message).not.toContain('R3-');
    expect(c?.message).toContain('完成 2024—2025、2025—2026 学年两年周期');
  });

  it('R3-W15: a title of a year the cycle touches counts (2024 … 2026); 2023 and 2027 do not; no title, no offer', () => {
    expect(run({ titleYears: [2024] })).toEqual(['1']);
    expect(run({ titleYears: [2026] })).toEqual(['1']);
    expect(run({ titleYears: [2023, 2027] })).toEqual([]);
    expect(run({ titleYears: [] })).toEqual([]);
  });

  it('R3-W15: a member on the roster the day it was registered, still on it the last day; not one who joined later or left', () => {
    const members = [
      member('on-time'),
      member('late', { joinedOn: '2024-09-21' }),
      member('left-on-last-day', { leftOn: '2026-08-31' }),
      member('left-after', { leftOn: '2026-09-01' }),
      member('applicant', { role: 'applicant' }),
      member('host', { role: 'host' }),
      member('core', { role: 'core' }),
      member('mentee', { role: 'mentee' }),
    ];
    expect(run({ members })).toEqual(['on-time', 'left-after', 'host', 'core']);
  });

  it('only workshops: a studio’s members are not offered by this rule', () => {
    expect(run({ kind: 'master_teacher_studio' })).toEqual([]);
  });
});
