import { bind, type ProgramsContext } from '../context';
import { cloneDefaultsOf, clonePack } from './clone-pack';
import { getPack, listPacks, publishPack, updatePack } from './manage-packs';
import { previewPack } from './preview-pack';
import { listRuleSources } from './rule-sources';
import { communityRulesAt, communityRulesIn, hourRulesIn } from './rules-in-force';

/** Policy packs, bound to the context: list, read, clone for a year (and its defaults), edit a draft, publish, what-if preview. */
export function packsService(ctx: ProgramsContext) {
  return {
    listPacks: bind(ctx, listPacks),
    getPack: bind(ctx, getPack),
    cloneDefaults: bind(ctx, cloneDefaultsOf),
    clonePack: bind(ctx, clonePack),
    updatePack: bind(ctx, updatePack),
    publishPack: bind(ctx, publishPack),
    previewPack: bind(ctx, previewPack),
    listRuleSources: bind(ctx, listRuleSources),
    hourRulesIn: bind(ctx, hourRulesIn),
    communityRulesIn: bind(ctx, communityRulesIn),
    communityRulesAt: bind(ctx, communityRulesAt),
  };
}

export type PacksService = ReturnType<typeof packsService>;
