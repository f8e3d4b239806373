/**
 * What the annual selections need from other modules, wired in services-evaluation.ts: teachers nominated for
 * 先进个人 (the people module), the 优秀工作坊 title recorded through the communities module's own use case
 * (R3-W15 reads it there), and a teacher's memberships (whose workshop's honour the growth archive shows).
 */
import type { Actor } from '../../shared/actor';

export interface SelectionTeacher {
  id: string;
  name: string;
  schoolName: string;
  orgPath: string;
}

export interface SelectionPorts {
  teachers: {
    /** Teachers by id with their school (unknown ids left out); the caller checks the scope. */
    factsOf(ids: string[]): Promise<SelectionTeacher[]>;
  };
  communities: {
    /** Record a workshop's 优秀工作坊 title of a year as the actor, source 'selection' (the communities module
     * authorizes it with community.title and audits it). */
    recordTitle(actor: Actor, communityId: string, year: number): Promise<void>;
    /** Every membership of a teacher (current and ended) with its community and days. */
    membershipsOf(
      teacherId: string,
    ): Promise<{ communityId: string; role: string; fromDate: string; toDate: string | null }[]>;
  };
}

/** No teachers and no communities: for a caller that runs campaigns only (the benchmark). */
export const NO_SELECTION_PORTS: SelectionPorts = {
  teachers: { factsOf: async () => [] },
  communities: { recordTitle: async () => undefined, membershipsOf: async () => [] },
};
