import type { ShortlistMarksRequest, ShortlistReturnRequest } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { type ShortlistsDeps, shortlistsContext } from './context';
import { get, list } from './list-selections';
import { mark } from './mark-candidates';
import { confirm, returnSelection } from './review-selection';
import { submit } from './submit-selection';

/**
 * The provider's selection from a competitive shortlist (差额遴选, R-004-59): the approved provider of a
 * programme scores and marks its candidates and submits; the owner confirms or returns (pack setting
 * `shortlistSelection.ownerConfirms`). Confirmation takes the seats through the seat cascade and decides the
 * nominations; every candidate is notified. A provider sees only its own programmes; the owner only those it
 * owns (anyone else: 404). The context is built once; each method is a use case bound to it.
 */
export function createShortlistsService(deps: ShortlistsDeps) {
  const ctx = shortlistsContext(deps);
  return {
    list: (actor: Actor) => list(ctx, actor),
    get: (actor: Actor, programmeId: string) => get(ctx, actor, programmeId),
    mark: (actor: Actor, programmeId: string, req: ShortlistMarksRequest) =>
      mark(ctx, actor, programmeId, req),
    submit: (actor: Actor, programmeId: string) => submit(ctx, actor, programmeId),
    confirm: (actor: Actor, programmeId: string) => confirm(ctx, actor, programmeId),
    returnSelection: (actor: Actor, programmeId: string, req: ShortlistReturnRequest) =>
      returnSelection(ctx, actor, programmeId, req),
  };
}

export type ShortlistsService = ReturnType<typeof createShortlistsService>;
