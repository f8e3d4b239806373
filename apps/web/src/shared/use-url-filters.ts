import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * List filters live in the URL (`?orgId=…&q=…&page=2`), so a filtered list can be bookmarked, shared and
 * reached from links elsewhere (org page → teachers of that county). Changing a filter returns to page 1.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = {} as Record<K, string | undefined>;
  for (const key of keys) filters[key] = params.get(key) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE));

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (typeof value === 'string' && value !== '') next.set(key, value);
            else next.delete(key);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(nextPage));
        if (nextSize === DEFAULT_PAGE_SIZE) next.delete('pageSize');
        else next.set('pageSize', String(nextSize));
        return next;
      });
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, page, pageSize, setFilters, setPage, clear };
}
