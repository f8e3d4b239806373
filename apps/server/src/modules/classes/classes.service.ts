import type {
  CheckinRequest,
  ClassListQuery,
  CreateClassRequest,
  CreateDocumentRequest,
  CreateSessionRequest,
  EnrolRequest,
  LeaveDecision,
  LeaveRequestBody,
  ManualAttendanceRequest,
  UpdateClassRequest,
} from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { once } from '../../shared/once';
import type { AuditService } from '../audit';
import type { ThrottleService } from '../throttle';
import { checkin, myClasses } from './checkin/checkin';
import { display, live, markAttendance } from './checkin/venue';
import { createClassCache } from './class-cache';
import type { ClassesRepository } from './classes.repository';
import type { ClassesContext } from './context';
import { addDocument, alerts } from './deadlines/documents';
import { enrol, enrolments } from './enrolment/enrolment';
import { decideLeave, listLeave, requestLeave } from './leave/leave';
import { createClass, getClass, listClasses, providers, updateClass } from './lifecycle/class-lifecycle';
import type { ProgrammesPort } from './ports';
import { addSession } from './sessions/sessions';

export interface ClassesDeps {
  db: Database;
  repo: ClassesRepository;
  /** the programmes a class belongs to (services.ts wires it from the programs module) */
  programmes: ProgrammesPort;
  audit: AuditService;
  /**
   * The HMAC key of the check-in codes; every server of a deployment must share it: CHECKIN_SECRET, or else a
   * random key generated on first use and kept in the database (app_secrets), so several servers agree by default.
   */
  checkinSecret?: Buffer;
  /** the deployment's shared failure throttle (wrong short codes) */
  throttle: ThrottleService;
  clock?: () => Date;
}

/**
 * Classes (期/班) of a programme: the class itself, its timetable, deadline documents and board, enrolment of the
 * selected nominations, rotating-QR check-in and attendance, leave. Builds the context once; each method is a
 * use case of an area folder bound to it.
 */
export function createClassesService(deps: ClassesDeps) {
  const ctx: ClassesContext = {
    db: deps.db,
    repo: deps.repo,
    programmes: deps.programmes,
    audit: deps.audit,
    throttle: deps.throttle,
    checkinKey: once(() => deps.repo.secret('checkin'), deps.checkinSecret),
    cache: createClassCache(deps.repo, deps.programmes),
    now: deps.clock ?? (() => new Date()),
  };
  return {
    // lifecycle/
    providers: (actor: Actor) => providers(ctx, actor),
    list: (actor: Actor, query: ClassListQuery) => listClasses(ctx, actor, query),
    get: (actor: Actor, id: string) => getClass(ctx, actor, id),
    create: (actor: Actor, req: CreateClassRequest) => createClass(ctx, actor, req),
    update: (actor: Actor, id: string, req: UpdateClassRequest) => updateClass(ctx, actor, id, req),
    // sessions/
    addSession: (actor: Actor, id: string, req: CreateSessionRequest) => addSession(ctx, actor, id, req),
    // deadlines/
    addDocument: (actor: Actor, id: string, req: CreateDocumentRequest) => addDocument(ctx, actor, id, req),
    alerts: (actor: Actor) => alerts(ctx, actor),
    // enrolment/
    enrol: (actor: Actor, id: string, req: EnrolRequest) => enrol(ctx, actor, id, req),
    enrolments: (actor: Actor, id: string) => enrolments(ctx, actor, id),
    // checkin/
    display: (actor: Actor, id: string, slot: string) => display(ctx, actor, id, slot),
    checkin: (actor: Actor, req: CheckinRequest) => checkin(ctx, actor, req),
    live: (actor: Actor, id: string, slot: string) => live(ctx, actor, id, slot),
    markAttendance: (actor: Actor, id: string, req: ManualAttendanceRequest) =>
      markAttendance(ctx, actor, id, req),
    myClasses: (actor: Actor) => myClasses(ctx, actor),
    // leave/
    requestLeave: (actor: Actor, id: string, req: LeaveRequestBody) => requestLeave(ctx, actor, id, req),
    listLeave: (actor: Actor, id: string) => listLeave(ctx, actor, id),
    decideLeave: (actor: Actor, id: string, leaveId: string, req: LeaveDecision) =>
      decideLeave(ctx, actor, id, leaveId, req),
  };
}

export type ClassesService = ReturnType<typeof createClassesService>;
