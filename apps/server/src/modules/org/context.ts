import type { OrgRepository } from './org.repository';

/** What the org module's use cases work with. */
export interface OrgContext {
  repo: OrgRepository;
}
