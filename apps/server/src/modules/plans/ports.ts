/**
 * What the plans module needs from other modules, declared here and wired in services.ts: the programmes a
 * plan is for (programs). Types only come from the offering module.
 */
import type { PolicyPack } from '@yanxun/core';
import type { ProgrammeRef } from '../programs';

export interface ProgrammesPort {
  /** The programme and its policy pack, or undefined. */
  programmeWithPack(id: string): Promise<{ programme: ProgrammeRef; pack: PolicyPack } | undefined>;
  /** Programmes owned on the ancestor chain of `path` (and in its subtree), with their packs; newest first. */
  programmesAround(path: string): Promise<Array<{ programme: ProgrammeRef; pack: PolicyPack }>>;
}
