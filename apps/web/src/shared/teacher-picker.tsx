/**
 * A teacher picked by name, pinyin or ID number (the people search, the reader's scope), shown as 姓名 · 学校: one
 * or several, for a form field (value / onChange of teacher ids). The labels of teachers already picked stay while
 * the search moves on.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useRef, useState } from 'react';
import { api } from './api';
import { useI18n } from './i18n';

type Ids = string | string[] | undefined;

export function TeacherPicker({
  value,
  onChange,
  multiple = false,
  ariaLabel,
  style,
}: {
  value?: Ids;
  onChange?: (v: Ids) => void;
  multiple?: boolean;
  ariaLabel: string;
  style?: React.CSSProperties;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const seen = useRef(new Map<string, string>());
  const found = useQuery({
    queryKey: ['teacher-picker', q],
    queryFn: () => api.listTeachers({ q, pageSize: 20 }),
    enabled: q.trim().length > 0,
  });
  for (const x of found.data?.items ?? []) seen.current.set(x.id, `${x.name} · ${x.schoolName}`);
  const picked = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const shown = new Set((found.data?.items ?? []).map((x) => x.id));
  const options = [
    ...picked.filter((id) => !shown.has(id)).map((id) => ({ value: id, label: seen.current.get(id) ?? id })),
    ...(found.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} · ${x.schoolName}` })),
  ];
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(v: Ids) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('teacherPicker.placeholder')}
      notFoundContent={q.trim() ? t('teacherPicker.none') : t('teacherPicker.hint')}
      aria-label={ariaLabel}
      loading={found.isFetching}
      options={options}
      style={style}
    />
  );
}
