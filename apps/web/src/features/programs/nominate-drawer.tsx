import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Nomination, Programme, TeacherRow } from '@yanxun/contracts';
import { App, Button, Checkbox, Drawer, Empty, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api';
import { codeName, useCodes } from '../../shared/codes';
import { useI18n } from '../../shared/i18n';
import { EligibilityResultView } from './eligibility-result';
import { RuleErrorAlert } from './rule-error';

interface Attestation {
  code: string;
  label: string;
}

function attestationList(v: unknown): Attestation[] {
  if (typeof v !== 'object' || v === null || !('value' in v) || !Array.isArray(v.value)) return [];
  return v.value.flatMap((a: unknown) =>
    typeof a === 'object' && a !== null && 'code' in a && 'label' in a
      ? [{ code: String(a.code), label: String(a.label) }]
      : [],
  );
}

/** A teacher picker that searches the user's scope by name, pinyin or ID tail. */
function TeacherPicker({
  value,
  onChange,
  exclude,
}: {
  value: TeacherRow | null;
  onChange: (t: TeacherRow | null) => void;
  exclude?: string;
}) {
  const { t, lang } = useI18n();
  const codes = useCodes();
  const [q, setQ] = useState('');
  const teachers = useQuery({
    queryKey: ['teachers', { q, pageSize: 30, status: 'active' }],
    queryFn: () => api.listTeachers({ q: q || undefined, pageSize: 30, page: 1, status: 'active' }),
  });
  const options = (teachers.data?.items ?? [])
    .filter((x) => x.id !== exclude)
    .map((x) => ({
      value: x.id,
      label: `${x.name} · ${x.schoolName} · ${codeName(codes.data, 'subjects', x.subject, lang)}`,
      teacher: x,
    }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value?.id}
      placeholder={t('prog.nom.pickTeacher')}
      notFoundContent={
        teachers.isFetching ? <Spin size="small" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      }
      options={options}
      onChange={(id: string | undefined) => onChange(options.find((o) => o.value === id)?.teacher ?? null)}
      style={{ width: '100%' }}
      data-testid="nom-teacher"
    />
  );
}

/**
 * Nominate a teacher (or, with `replacing`, substitute 替训 a selected one): pick, see the eligibility result
 * rule by rule, confirm. A failed "原则上" rule can be passed with a recorded reason.
 */
export function NominateDrawer({
  programme,
  replacing,
  onClose,
}: {
  programme: Programme;
  replacing?: Nomination;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [teacher, setTeacher] = useState<TeacherRow | null>(null);
  const [attestations, setAttestations] = useState<string[]>([]);
  const [flags, setFlags] = useState<string[]>([]);
  const [overrideReason, setOverrideReason] = useState('');
  const [reason, setReason] = useState('');
  const [waitlist, setWaitlist] = useState(false);
  const pack = useQuery({ queryKey: ['pack', programme.packId], queryFn: () => api.pack(programme.packId) });
  const track = useMemo(() => {
    const type = pack.data?.pack.projectTypes.find((x) => x.code === programme.projectTypeCode);
    return type?.tracks.find((x) => x.code === programme.trackCode) ?? type?.tracks[0];
  }, [pack.data, programme]);
  const eligibilityRules = (track?.eligibility ?? {}) as Record<string, unknown>;
  const attestationOptions = attestationList(eligibilityRules.attestations);
  const priorityOptions = attestationList(eligibilityRules.priorities);

  const eligibility = useQuery({
    queryKey: ['eligibility', programme.id, teacher?.id, attestations, flags],
    queryFn: () =>
      api.checkEligibility(programme.id, {
        teacherId: teacher?.id ?? '',
        ...(attestations.length ? { attestations } : {}),
        ...(flags.length ? { flags } : {}),
      }),
    enabled: Boolean(teacher),
  });
  const result = eligibility.data;
  const needsReason = Boolean(result && !result.eligible && result.needsOverride);
  const overrideOk = !needsReason || overrideReason.trim().length >= 2;
  const reasonOk = !replacing || reason.trim().length >= 2;
  const canConfirm = Boolean(result && (result.eligible || result.needsOverride) && overrideOk && reasonOk);

  const submit = useMutation({
    mutationFn: async () => {
      const extras = {
        teacherId: teacher?.id ?? '',
        ...(attestations.length ? { attestations } : {}),
        ...(flags.length ? { flags } : {}),
        ...(needsReason ? { overrideReason: overrideReason.trim() } : {}),
      };
      if (replacing) {
        const r = await api.substituteNomination(programme.id, replacing.id, {
          ...extras,
          reason: reason.trim(),
        });
        return { kind: 'request' as const, r };
      }
      const n = await api.nominate(programme.id, { ...extras, ...(waitlist ? { waitlist: true } : {}) });
      return { kind: 'nomination' as const, n };
    },
    onSuccess: (res) => {
      void queryClient.invalidateQueries({ queryKey: ['nominations', programme.id] });
      void queryClient.invalidateQueries({ queryKey: ['quotas', programme.id] });
      void queryClient.invalidateQueries({ queryKey: ['programme', programme.id] });
      void queryClient.invalidateQueries({ queryKey: ['substitutions', programme.id] });
      if (res.kind === 'request') {
        message.success(
          t('prog.sub.requestedOk', { name: res.r.teacherName, old: res.r.replacedTeacherName }),
        );
      } else {
        const n = res.n;
        message.success(
          n.status === 'waitlisted'
            ? t('prog.nom.waitlistedOk', { name: n.teacherName, n: n.waitlistPosition ?? '' })
            : n.status === 'candidate'
              ? t('prog.short.candidateOk', { name: n.teacherName })
              : t('prog.nom.selectedOk', { name: n.teacherName }),
        );
      }
      onClose();
    },
  });

  return (
    <Drawer
      open
      size={880}
      title={
        replacing
          ? t('prog.nom.substituteTitle', { name: replacing.teacherName })
          : t('prog.nom.nominateTitle')
      }
      onClose={onClose}
      extra={
        <Button
          type="primary"
          disabled={!canConfirm}
          loading={submit.isPending}
          onClick={() => submit.mutate()}
          data-testid="nom-confirm"
        >
          {replacing ? t('prog.nom.confirmSubstitute') : t('prog.nom.confirm')}
        </Button>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('prog.nom.teacher')} required>
          <TeacherPicker value={teacher} onChange={setTeacher} exclude={replacing?.teacherId} />
        </Form.Item>
        {attestationOptions.length > 0 ? (
          <Form.Item label={t('prog.nom.attestations')} extra={t('prog.nom.attestationsHelp')}>
            <Checkbox.Group
              value={attestations}
              onChange={(v) => setAttestations(v as string[])}
              options={attestationOptions.map((a) => ({ value: a.code, label: a.label }))}
            />
          </Form.Item>
        ) : null}
        {priorityOptions.length > 0 ? (
          <Form.Item label={t('prog.nom.priorities')}>
            <Checkbox.Group
              value={flags}
              onChange={(v) => setFlags(v as string[])}
              options={priorityOptions.map((a) => ({ value: a.code, label: a.label }))}
            />
          </Form.Item>
        ) : null}
      </Form>
      {!teacher ? (
        <Empty description={t('prog.nom.pickFirst')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : eligibility.isError ? (
        <RuleErrorAlert error={eligibility.error} />
      ) : !result ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('prog.nom.checkTitle', { name: teacher.name })}
          </Typography.Title>
          <EligibilityResultView result={result} teacherName={teacher.name} />
          {needsReason ? (
            <Form layout="vertical">
              <Form.Item label={t('prog.nom.overrideReason')} required extra={t('prog.nom.overrideHelp')}>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  value={overrideReason}
                  onChange={(e) => setOverrideReason(e.target.value)}
                  data-testid="nom-override"
                />
              </Form.Item>
            </Form>
          ) : null}
          {replacing ? (
            <Form layout="vertical">
              <Form.Item label={t('prog.nom.substituteReason')} required>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="nom-reason"
                />
              </Form.Item>
            </Form>
          ) : result.eligible || result.needsOverride ? (
            <Checkbox
              checked={waitlist}
              onChange={(e) => setWaitlist(e.target.checked)}
              data-testid="nom-waitlist"
            >
              {t('prog.nom.waitlistIfFull')}
            </Checkbox>
          ) : null}
          {submit.isError ? <RuleErrorAlert error={submit.error} /> : null}
        </Space>
      )}
    </Drawer>
  );
}
