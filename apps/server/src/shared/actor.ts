import type { Role } from '@yanxun/contracts';

export interface ActorGrant {
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgKind: string;
}

/** Who is acting: resolved from the session by the auth module, passed explicitly into every service call. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  teacherId: string | null;
  grants: ActorGrant[];
  requestId: string;
  ip: string | null;
}
