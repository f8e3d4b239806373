/**
 * What the notifications module needs from other modules, declared here and wired in services.ts: the accounts
 * that hold a role on an org (the auth module's grants), to address a notification to an office or a provider.
 */
import type { Role } from '@yanxun/contracts';
import type { Database } from '../../db/database';

export interface AccountsPort {
  /** Ids of the enabled accounts holding one of `roles` on exactly this org. */
  holding(roles: readonly Role[], orgId: string, trx?: Database): Promise<string[]>;
}
