import { useQuery } from '@tanstack/react-query';
import type { CodeTables } from '@yanxun/contracts';
import { api } from './api';
import type { Lang } from './i18n';

/** Keys of GET /api/v1/codes. */
export type CodeTableKey =
  | 'stages'
  | 'subjects'
  | 'titles'
  | 'backbone'
  | 'rolesHeld'
  | 'schoolTypes'
  | 'statuses'
  | 'locationTypes';

export function useCodes() {
  return useQuery({ queryKey: ['codes'], queryFn: () => api.codes(), staleTime: Number.POSITIVE_INFINITY });
}

/** The display name of a code, in the user's language; the raw code when the table does not know it. */
export function codeName(
  tables: CodeTables | undefined,
  key: CodeTableKey,
  code: string | null | undefined,
  lang: Lang,
): string {
  if (code === null || code === undefined || code === '') return '—';
  const entry = tables?.[key]?.find((e) => e.code === code);
  if (!entry) return code;
  return lang === 'zh-CN' ? entry.name : entry.nameEn || entry.name;
}

export function codeOptions(
  tables: CodeTables | undefined,
  key: CodeTableKey,
  lang: Lang,
): { value: string; label: string }[] {
  return (tables?.[key] ?? []).map((e) => ({
    value: e.code,
    label: lang === 'zh-CN' ? e.name : e.nameEn || e.name,
  }));
}
