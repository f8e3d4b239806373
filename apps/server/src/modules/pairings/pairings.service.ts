import type {
  PairingActivityInput,
  PairingInput,
  PairingListQuery,
  PairingStatsQuery,
  PairingUpdate,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { PairingsContext, PairingsDeps } from './context';
import {
  checkPairing,
  createPairing,
  deletePairing,
  getPairing,
  listPairings,
  recordActivity,
  updatePairing,
} from './pairings';
import { pairingStats } from './stats';

/** 帮扶结对: the use cases bound to the module's context. */
export function createPairingsService(deps: PairingsDeps) {
  const { clock, ...rest } = deps;
  const ctx: PairingsContext = { ...rest, now: clock ?? (() => new Date()) };
  return {
    list: (actor: Actor, q: PairingListQuery) => listPairings(ctx, actor, q),
    get: (actor: Actor, id: string) => getPairing(ctx, actor, id),
    create: (actor: Actor, req: PairingInput) => createPairing(ctx, actor, req),
    check: (actor: Actor, req: PairingInput) => checkPairing(ctx, actor, req),
    update: (actor: Actor, id: string, req: PairingUpdate) => updatePairing(ctx, actor, id, req),
    remove: (actor: Actor, id: string) => deletePairing(ctx, actor, id),
    recordActivity: (actor: Actor, id: string, req: PairingActivityInput) =>
      recordActivity(ctx, actor, id, req),
    stats: (actor: Actor, q: PairingStatsQuery) => pairingStats(ctx, actor, q),
  };
}

export type PairingsService = ReturnType<typeof createPairingsService>;
