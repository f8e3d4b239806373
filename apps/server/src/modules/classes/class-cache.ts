import { type ClassOperations, classOperationsOf, type PolicyPack } from '@yanxun/core';
import { AppError } from '../../shared/app-error';
import type { ClassesRepository, ClassRow, SessionRow } from './classes.repository';
import type { ProgrammesPort } from './ports';

/** How long the check-in path trusts its copy of a class (dates, sessions, pack rules). */
const CLASS_CACHE_MS = 5_000;
/** How long a policy pack read for classes is kept. */
const PACK_CACHE_MS = 60_000;

/** A class as the check-in path uses it: its row, pack and rules, and timetable. */
export interface ClassInfo {
  row: ClassRow;
  pack: PolicyPack;
  ops: ClassOperations;
  sessions: SessionRow[];
  at: number;
}

/**
 * The in-process copies of packs and classes that keep a check-in at one statement: a pack for a minute, a
 * class (row, pack, sessions) for 5 seconds; one per service, so each server process keeps its own.
 */
export function createClassCache(repo: ClassesRepository, programmes: Pick<ProgrammesPort, 'pack'>) {
  const packs = new Map<string, { pack: PolicyPack; at: number }>();
  async function packById(id: string): Promise<PolicyPack> {
    const hit = packs.get(id);
    if (hit && Date.now() - hit.at < PACK_CACHE_MS) return hit.pack;
    const pack = await programmes.pack(id);
    if (!pack) throw new AppError('INTERNAL', `政策包 ${id} 不存在`);
    packs.set(id, { pack, at: Date.now() });
    return pack;
  }

  const infos = new Map<string, ClassInfo>();
  /** Loads in flight, one per class: when the copy expires under load, concurrent check-ins share one reload. */
  const loading = new Map<string, Promise<ClassInfo | undefined>>();
  function loadClassInfo(id: string): Promise<ClassInfo | undefined> {
    const p = (async () => {
      const row = await repo.findClass(id);
      if (!row) return undefined;
      const [pack, sessions] = await Promise.all([packById(row.pack_id), repo.listSessions(id)]);
      return { row, pack, ops: classOperationsOf(pack), sessions, at: Date.now() };
    })();
    loading.set(id, p);
    const settle = (info: ClassInfo | undefined) => {
      if (loading.get(id) !== p) return; // forgotten meanwhile (a write to the class): do not cache
      loading.delete(id);
      if (!info) return;
      infos.set(id, info);
      if (infos.size > 10_000) infos.delete(infos.keys().next().value ?? '');
    };
    p.then(settle, () => settle(undefined));
    return p;
  }

  return {
    packById,

    async classInfo(id: string): Promise<ClassInfo | undefined> {
      const hit = infos.get(id);
      if (hit && Date.now() - hit.at < CLASS_CACHE_MS) return hit;
      return loading.get(id) ?? loadClassInfo(id);
    },

    /** After a write to the class: drop the copy and any reload that started before the write. */
    forgetClassInfo(id: string): void {
      infos.delete(id);
      loading.delete(id);
    },
  };
}

export type ClassCache = ReturnType<typeof createClassCache>;
