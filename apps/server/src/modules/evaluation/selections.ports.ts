/**
 * What the annual selections need from other modules, wired in services-evaluation.ts: teachers nominated for
 * 先进个人 (the people module), the 优秀工作坊 / 优秀工作室 title recorded and removed through the communities
 * module's own use case (R3-W15 reads it there), and a teacher's memberships (whose workshop's or studio's honour
 * the growth archive shows).
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
    /** Record a community's title of a year as the actor, source 'selection' (the communities module picks the
     * title by kind, authorizes it with community.title and audits it). */
    recordTitle(actor: Actor, communityId: string, year: number): Promise<void>;
    /** Remove the title of a year a selection recorded (source 'selection'; one the bureau recorded by hand
     * stays), as the actor, authorized and audited by the communities module; whether the title is gone. */
    removeTitle(actor: Actor, communityId: string, year: number): Promise<boolean>;
    /** Every membership of a teacher (current and ended) with its community and days. */
    membershipsOf(
      teacherId: string,
    ): Promise<{ communityId: string; role: string; fromDate: string; toDate: string | null }[]>;
  };
}

/** No teachers and no communities: for a caller that runs campaigns only (the benchmark). */
export const NO_SELECTION_PORTS: SelectionPorts = {
  teachers: { factsOf: async () => [] },
  communities: {
    recordTitle: async () => undefined,
    removeTitle: async () => false,
    membershipsOf: async () => [],
  },
};
