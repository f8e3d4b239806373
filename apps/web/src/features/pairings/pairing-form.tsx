/**
 * The create / edit form of a pairing: the kind, the lead (a school found by name, or a studio), the partners
 * (schools, or workshops), the school years and a note. The rules are checked by the server and shown on the
 * pairing (R3-B05/B06 flagged; R3-G20 refused with its reason).
 */
import { useQuery } from '@tanstack/react-query';
import {
  COMMUNITY_LEVEL_LABELS,
  PAIRING_KINDS,
  type PairingDetail,
  type PairingInput,
  type PairingKind,
} from '@yanxun/contracts';
import { Alert, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { currentSchoolYear } from '../communities/community-options';
import { FindingsList } from '../communities/findings-list';

export interface PairingFormValues {
  kind: PairingKind;
  leadId: string;
  partnerIds: string[];
  fromYear: string;
  toYear: string;
  note?: string;
}

/** This school year, two before and three after. */
export function schoolYearOptions(): { value: string; label: string }[] {
  const first = Number(currentSchoolYear().slice(0, 4));
  return [-2, -1, 0, 1, 2, 3].map((d) => {
    const y = `${first + d}-${first + d + 1}`;
    return { value: y, label: y };
  });
}

export const initialValues = (p?: PairingDetail): Partial<PairingFormValues> =>
  p
    ? {
        kind: p.kind,
        leadId: p.lead.id,
        partnerIds: p.partners.map((x) => x.id),
        fromYear: p.fromYear,
        toYear: p.toYear,
        note: p.note ?? '',
      }
    : { kind: 'dev_school', partnerIds: [], fromYear: currentSchoolYear(), toYear: currentSchoolYear() };

export const asInput = (v: PairingFormValues): PairingInput => ({
  kind: v.kind,
  leadId: v.leadId,
  partnerIds: v.partnerIds ?? [],
  fromYear: v.fromYear,
  toYear: v.toYear,
  ...(v.note ? { note: v.note } : {}),
});

/** A school picker that searches the schools of the actor's region by name. */
function SchoolSelect({
  mode,
  value,
  onChange,
  known,
}: {
  mode?: 'multiple';
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  known: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const schools = useQuery({
    queryKey: ['pairings', 'schools', q],
    queryFn: () => api.listSchools({ q: q || undefined, pageSize: 20 }),
  });
  const options = new Map(known.map((k) => [k.id, k.name]));
  for (const s of schools.data?.items ?? []) options.set(s.id, s.name);
  return (
    <Select
      {...(mode ? { mode } : {})}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('pair.searchSchool')}
      loading={schools.isLoading}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
    />
  );
}

/**
 * The server's checks of the pairing as it stands in the form (POST /pairings/check, nothing kept): R3-B05/B06
 * with the numbers, R3-G20's reason, before saving.
 */
function LiveCheck({ editing }: { editing?: PairingDetail }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<PairingFormValues>();
  const v = Form.useWatch([], form) as Partial<PairingFormValues> | undefined;
  const kind = editing?.kind ?? v?.kind;
  const leadId = editing?.lead.id ?? v?.leadId;
  const partnerIds = v?.partnerIds ?? [];
  const years = { fromYear: v?.fromYear ?? currentSchoolYear(), toYear: v?.toYear ?? currentSchoolYear() };
  const check = useQuery({
    queryKey: ['pairings', 'check', kind, leadId, partnerIds, years.fromYear, years.toYear],
    queryFn: () =>
      api.checkPairing({ kind: kind ?? 'dev_school', leadId: leadId ?? '', partnerIds, ...years }),
    enabled: v !== undefined && kind !== undefined && leadId !== undefined && years.toYear >= years.fromYear,
  });
  if (!leadId) return null;
  return (
    <Form.Item label={t('pair.check')}>
      {check.error ? (
        <Alert type="error" showIcon title={errorMessage(check.error, lang)} />
      ) : check.data ? (
        <FindingsList findings={check.data.findings} />
      ) : null}
    </Form.Item>
  );
}

export function PairingFields({ editing }: { editing?: PairingDetail }) {
  const { t } = useI18n();
  const kind = Form.useWatch<PairingKind | undefined>('kind') ?? editing?.kind ?? 'dev_school';
  const studios = useQuery({
    queryKey: ['pairings', 'communities'],
    queryFn: () => api.communities({}),
    enabled: kind === 'studio_workshop',
  });
  const communityOptions = (workshop: boolean) =>
    (studios.data ?? [])
      .filter((c) => (c.kind === 'workshop') === workshop)
      .map((c) => ({ value: c.id, label: `${c.name}（${COMMUNITY_LEVEL_LABELS[c.level]}）` }));
  const known = editing ? [editing.lead, ...editing.partners] : [];
  const years = schoolYearOptions();
  return (
    <>
      <Form.Item name="kind" label={t('pair.kind')} rules={[{ required: true }]}>
        <Select
          disabled={editing !== undefined}
          options={PAIRING_KINDS.map((k) => ({ value: k, label: t(`pair.kind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'studio_workshop' ? (
        <>
          <Form.Item name="leadId" label={t('pair.lead.studio')} rules={[{ required: true }]}>
            <Select
              disabled={editing !== undefined}
              showSearch
              optionFilterProp="label"
              options={communityOptions(false)}
            />
          </Form.Item>
          <Form.Item name="partnerIds" label={t('pair.partners.workshops')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={communityOptions(true)} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="leadId" label={t('pair.lead.school')} rules={[{ required: true }]}>
            {editing ? (
              <Select disabled options={[{ value: editing.lead.id, label: editing.lead.name }]} />
            ) : (
              <SchoolSelect known={known} />
            )}
          </Form.Item>
          <Form.Item name="partnerIds" label={t('pair.partners.schools')}>
            <SchoolSelect mode="multiple" known={known} />
          </Form.Item>
        </>
      )}
      <LiveCheck {...(editing ? { editing } : {})} />
      <Form.Item name="fromYear" label={t('pair.fromYear')} rules={[{ required: true }]}>
        <Select options={years} />
      </Form.Item>
      <Form.Item name="toYear" label={t('pair.toYear')} rules={[{ required: true }]}>
        <Select options={years} />
      </Form.Item>
      <Form.Item name="note" label={t('pair.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </>
  );
}
