import { type RuleSourceOut, readsRuleRefs } from '@yanxun/contracts';
import { type RuleSource, ruleSources } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { forbidden } from '../../../shared/app-error';
import type { ProgramsContext } from '../context';

let catalogue: RuleSource[] | undefined;

/**
 * Where each rule ID comes from (seed document and line, or a product rule), for the ⓘ the web shows beside a
 * reason: only to those who read rule references (RULE_REF_PERMISSIONS); teachers and parents read words only.
 */
export function listRuleSources(_ctx: ProgramsContext, actor: Actor): RuleSourceOut[] {
  if (!readsRuleRefs(actor.grants.map((g) => g.role))) throw forbidden();
  catalogue ??= ruleSources();
  return catalogue;
}
