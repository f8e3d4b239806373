import type { Database } from '../../db/database';
import type { Services } from '../../services';
import type { Actor } from '../../shared/actor';
import type { DemoCalendar } from '../as-of';
import type { LoadedOrg } from '../org-tree';
import type { Rng } from '../random';

export interface DemoProgrammeAccount {
  username: string;
  accountId: string;
  displayName: string;
  role: Actor['grants'][number]['role'];
  org: LoadedOrg;
  teacherId: string | null;
}

/** The actor a demo loader acts as: the account with its grant (or another org and role of it). */
export function demoActorOf(a: DemoProgrammeAccount, org: LoadedOrg = a.org, role = a.role): Actor {
  return {
    accountId: a.accountId,
    username: a.username,
    displayName: a.displayName,
    teacherId: a.teacherId,
    requestId: 'demo-loader',
    ip: null,
    grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
  };
}

export interface DemoProgramme {
  id: string;
  title: string;
  level: string;
}

export interface DemoClass {
  id: string;
  name: string;
}

/** A teacher the loader may put forward for a programme. */
export interface Candidate {
  id: string;
  school_id: string;
  county_id: string;
  org_path: string;
}

/** What every step of the programme year works with: the services, the moving clock and the demo's actors. */
export interface YearContext {
  db: Database;
  s: Services;
  rng: Rng;
  /** The demo's calendar: `cal.day(d)` moves a date of the script to the as-of (as-of.ts). */
  cal: DemoCalendar;
  /** Move the services' clock to 09:00 (Asia/Shanghai) of `day` (a real date: pass script dates through `cal.day`). */
  at: (day: string) => Promise<void>;
  orgs: LoadedOrg[];
  orgById: Map<string, LoadedOrg>;
  province: Actor;
  city: Actor;
  provider: Actor;
  provinceOrg: LoadedOrg;
  cityOrg: LoadedOrg;
  providerOrg: LoadedOrg;
  qingchengAcc: DemoProgrammeAccount | undefined;
  teacherAcc: DemoProgrammeAccount | undefined;
  /** The county's officer (清城, 英德) acting on one of its counties, else the city's. */
  countyActor: (countyId: string) => Actor;
  /** A teacher acting for themself (submitting outcomes, asking for leave). */
  teacherActor: (teacherId: string, schoolId: string) => Actor;
  /** Teachers already nominated for a programme of the year: not picked again. */
  used: Set<string>;
}

/** The year's context once the pack is published. */
export interface PackYearContext extends YearContext {
  packId: string;
  compulsoryTopics: readonly string[];
  /** The pack's final report items (R-004-15). */
  finalReportItems: readonly string[];
}

/** The actors and the clock of the programme year, for services built on `clock`. */
export function yearContext(
  db: Database,
  s: Services,
  rng: Rng,
  cal: DemoCalendar,
  at: (day: string) => Promise<void>,
  opts: { orgs: LoadedOrg[]; accounts: DemoProgrammeAccount[] },
): YearContext {
  const account = (username: string) => {
    const a = opts.accounts.find((x) => x.username === username);
    if (!a) throw new Error(`the demo programme year needs the ${username} account`);
    return a;
  };
  const province = demoActorOf(account('province'));
  const city = demoActorOf(account('city'));
  const provider = demoActorOf(account('provider'));
  const qingchengAcc = opts.accounts.find((x) => x.username === 'qingcheng');
  const yingdeAcc = opts.accounts.find((x) => x.username === 'yingde');
  const teacherAcc = opts.accounts.find((x) => x.username === 'teacher');
  const countyActor = (countyId: string): Actor => {
    if (qingchengAcc && qingchengAcc.org.id === countyId) return demoActorOf(qingchengAcc);
    if (yingdeAcc && yingdeAcc.org.id === countyId) return demoActorOf(yingdeAcc);
    return city;
  };
  const teacherActor = (teacherId: string, schoolId: string): Actor => {
    const school = opts.orgs.find((o) => o.id === schoolId);
    return {
      accountId: teacherAcc?.accountId ?? '0',
      username: `teacher:${teacherId}`,
      displayName: '学员',
      teacherId,
      requestId: 'demo-loader',
      ip: null,
      grants: school
        ? [
            {
              role: 'teacher',
              orgId: school.id,
              orgPath: school.path,
              orgName: school.name,
              orgKind: school.kind,
            },
          ]
        : [],
    };
  };
  return {
    db,
    s,
    rng,
    cal,
    at,
    orgs: opts.orgs,
    orgById: new Map(opts.orgs.map((o) => [o.id, o])),
    province,
    city,
    provider,
    provinceOrg: account('province').org,
    cityOrg: account('city').org,
    providerOrg: account('provider').org,
    qingchengAcc,
    teacherAcc,
    countyActor,
    teacherActor,
    used: new Set<string>(),
  };
}
