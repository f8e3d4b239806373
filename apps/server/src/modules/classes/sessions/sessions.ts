/** The timetable: adding a session, and naming and checking the slots (注册, 报到, a session) check-in uses. */

import type { ClassSession, CreateSessionRequest } from '@yanxun/contracts';
import { CLASS_DATES_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { loadManaged } from '../class-access';
import type { ClassInfo } from '../class-cache';
import type { SessionRow } from '../classes.repository';
import type { ClassesContext } from '../context';

/** Sessions and documents must lie inside the class's dates. */

export function toSession(s: SessionRow): ClassSession {
  return {
    id: s.id,
    date: s.session_date,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    title: s.title,
    mode: s.mode,
    location: s.location,
  };
}

/** '注册', '报到', or the session's date, start and title. */
export function slotLabel(slot: string, sessions: SessionRow[]): string {
  if (slot === 'register') return '注册';
  if (slot === 'arrive') return '报到';
  const s = sessions.find((x) => `s${x.id}` === slot);
  return s ? `${s.session_date} ${s.starts_at} ${s.title}` : slot;
}

/** The session of a slot (null for 注册 / 报到); not found when the slot is no session of the class. */
export function requireSlot(slot: string, info: ClassInfo): SessionRow | null {
  if (slot === 'register' || slot === 'arrive') return null;
  const s = info.sessions.find((x) => `s${x.id}` === slot);
  if (!s) throw new AppError('NOT_FOUND', '该课次不存在或不属于本班');
  return s;
}

/** A session on a day inside the class's dates (Y-004-CLASS-DATES), starting before it ends. */
export async function addSession(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  req: CreateSessionRequest,
): Promise<ClassSession> {
  const c = await loadManaged(ctx, actor, id);
  if (req.date < c.start_date || req.date > c.end_date) {
    throw new AppError(
      'VALIDATION_FAILED',
      `课次日期 ${req.date} 不在培训班日期 ${c.start_date}～${c.end_date} 内`,
      { ruleId: CLASS_DATES_RULE_ID },
    );
  }
  if (req.startsAt >= req.endsAt) {
    throw new AppError('VALIDATION_FAILED', `课次开始时间 ${req.startsAt} 应早于结束时间 ${req.endsAt}`);
  }
  const w = {
    classId: c.id,
    date: req.date,
    startsAt: req.startsAt,
    endsAt: req.endsAt,
    title: req.title,
    mode: req.mode ?? 'centralized',
    location: req.location ?? '',
  };
  const sid = await ctx.db.transaction().execute(async (trx) => {
    const s = await ctx.repo.insertSession(w, trx);
    await ctx.audit.record(
      actor,
      { action: 'class.session.create', entity: 'class_session', entityId: s, details: w },
      trx,
    );
    return s;
  });
  ctx.cache.forgetClassInfo(c.id);
  return toSession({
    id: sid,
    class_id: c.id,
    session_date: w.date,
    starts_at: w.startsAt,
    ends_at: w.endsAt,
    title: w.title,
    mode: w.mode,
    location: w.location,
  });
}
