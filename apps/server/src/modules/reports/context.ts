import type { OverviewRepository } from './overview/overview.repository';
import type { ClassCountsPort, CompletionCounter, OrgsPort, ProgrammesPort, SelectionPort } from './ports';

/** What every use case of the reports module is given, built once by createReportsService. */
export interface ReportsContext {
  /** the read model of the training overview */
  repo: OverviewRepository;
  programs: ProgrammesPort;
  selection: SelectionPort;
  orgs: OrgsPort;
  classes: ClassCountsPort;
  /** 结业 counts from the outcomes module; absent → 结业 "—". */
  completionCounts?: CompletionCounter | undefined;
  now: () => Date;
}
