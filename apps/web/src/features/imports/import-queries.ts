import { useQuery } from '@tanstack/react-query';
import type { ImportStatus } from '@yanxun/contracts';
import { api } from '../../shared/api';

export const POLL_MS = 500;

export function importJobKey(id: string) {
  return ['imports', 'job', id] as const;
}

/** The server is still working on it: keep asking. */
export function isBusy(status: ImportStatus | undefined): boolean {
  return status === 'queued' || status === 'validating' || status === 'committing';
}

export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importJobKey(id ?? ''),
    queryFn: () => api.getImport(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) => (isBusy(query.state.data?.status) ? POLL_MS : false),
    staleTime: 0,
  });
}
