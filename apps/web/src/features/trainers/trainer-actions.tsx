/**
 * The decisions on a trainer record, each a small modal: the school's recommendation or return, the bureau's
 * approval (a reason for each soft rule's warning it accepts) or return, the annual assessment, revocation with
 * one of R3-P10's reasons, an assignment; and direct appointment of an expert with consent (R3-P08).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  TRAINER_ASSIGNMENT_ROLES,
  TRAINER_REVOCATION_REASONS,
  type TrainerDetail,
  type TrainerRecord,
} from '@yanxun/contracts';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { api, isApiError } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { useMe } from '../../shared/session';
import { TeacherPicker } from '../../shared/teacher-picker';
import { currentYear, todayIso } from '../../shared/time';

export type TrainerActionKind =
  | 'recommend'
  | 'schoolReturn'
  | 'approve'
  | 'return'
  | 'assess'
  | 'revoke'
  | 'assign';

type Values = Record<string, string | number | undefined>;

const TITLE_KEY = {
  recommend: 'trainer.recommend',
  schoolReturn: 'trainer.returnIt',
  approve: 'trainer.approve',
  return: 'trainer.returnIt',
  assess: 'trainer.assess',
  revoke: 'trainer.revoke',
  assign: 'trainer.assign',
} as const;

function run(kind: TrainerActionKind, r: TrainerRecord, v: Values): Promise<TrainerDetail> {
  const text = (k: string) =>
    typeof v[k] === 'string' && String(v[k]).trim() ? String(v[k]).trim() : undefined;
  switch (kind) {
    case 'recommend':
      return api.recommendTrainer(r.id, { decision: 'recommend', reason: text('reason') });
    case 'schoolReturn':
      return api.recommendTrainer(r.id, { decision: 'return', reason: text('reason') });
    case 'return':
      return api.decideTrainer(r.id, { decision: 'return', reason: text('reason') });
    case 'approve': {
      const overrides = (r.eligibility?.findings ?? []).flatMap((f) => {
        const reason = text(`override:${f.rule}`);
        return f.severity === 'warning' && reason ? [{ rule: f.rule, reason }] : [];
      });
      return api.decideTrainer(r.id, {
        decision: 'approve',
        reason: text('reason'),
        overrides,
        termStart: text('termStart'),
      });
    }
    case 'assess':
      return api.assessTrainer(r.id, {
        year: Number(v.year),
        result: v.result === 'fail' ? 'fail' : 'pass',
        note: text('note'),
      });
    case 'revoke':
      return api.revokeTrainer(r.id, {
        reason: (v.reason ?? 'duties') as (typeof TRAINER_REVOCATION_REASONS)[number],
        note: text('note') ?? '',
      });
    case 'assign':
      return api.assignTrainer(r.id, {
        targetKind: v.targetKind === 'class' ? 'class' : 'programme',
        targetId: text('targetId') ?? '',
        role: (v.role ?? 'lecturer') as (typeof TRAINER_ASSIGNMENT_ROLES)[number],
      });
  }
}

/** One decision on `record`; the server's refusal is shown as its sentence. */
export function TrainerActionModal({
  action,
  onClose,
}: {
  action: { kind: TrainerActionKind; record: TrainerRecord } | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const act = useMutation({
    mutationFn: (v: Values) => {
      if (!action) throw new Error('no action');
      return run(action.kind, action.record, v);
    },
    onSuccess: () => {
      message.success(t('trainer.done'));
      void queryClient.invalidateQueries({ queryKey: ['trainers'] });
      void queryClient.invalidateQueries({ queryKey: ['trainer'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  const kind = action?.kind;
  const reasonRule = [{ required: true, min: 2, whitespace: true, message: t('trainer.reasonRequired') }];
  const open = (action?.record.eligibility?.findings ?? []).filter(
    (f) => f.severity === 'warning' && !f.overriddenBy,
  );
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(TITLE_KEY[action.kind])} · ${action.record.teacherName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year: currentYear(),
          result: 'pass',
          reason: undefined,
          targetKind: 'programme',
          role: 'lecturer',
        }}
        onFinish={(v) => act.mutate(v)}
      >
        {kind === 'approve'
          ? open.map((f) => (
              <Form.Item
                key={f.rule}
                name={`override:${f.rule}`}
                label={t('trainer.overrideReason', { message: f.message })}
                rules={reasonRule}
              >
                <Input maxLength={500} />
              </Form.Item>
            ))
          : null}
        {kind === 'approve' ? (
          <Form.Item name="termStart" label={t('trainer.termStart')}>
            <DateField style={{ width: '100%' }} aria-label={t('trainer.termStart')} />
          </Form.Item>
        ) : null}
        {kind === 'recommend' || kind === 'approve' || kind === 'schoolReturn' || kind === 'return' ? (
          <Form.Item
            name="reason"
            label={t('trainer.reason')}
            rules={kind === 'schoolReturn' || kind === 'return' ? reasonRule : []}
          >
            <Input.TextArea rows={2} maxLength={1000} aria-label={t('trainer.reason')} />
          </Form.Item>
        ) : null}
        {kind === 'assess' ? (
          <>
            <Form.Item name="year" label={t('trainer.year')}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} aria-label={t('trainer.year')} />
            </Form.Item>
            <Form.Item name="result" label={t('trainer.result')}>
              <Radio.Group
                options={[
                  { value: 'pass', label: t('trainer.pass') },
                  { value: 'fail', label: t('trainer.fail') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('trainer.note')}>
              <Input.TextArea rows={2} maxLength={1000} aria-label={t('trainer.note')} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'revoke' ? (
          <>
            <Form.Item
              name="reason"
              label={t('trainer.revocationReason')}
              rules={[{ required: true, message: t('trainer.reasonRequired') }]}
            >
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={TRAINER_REVOCATION_REASONS.map((r) => ({
                  value: r,
                  label: t(`trainer.revocation.${r}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('trainer.note')} rules={reasonRule}>
              <Input.TextArea rows={2} maxLength={1000} aria-label={t('trainer.note')} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'assign' ? (
          <>
            <Form.Item name="targetKind" label={t('trainer.targetKind')}>
              <Radio.Group
                options={(['programme', 'class'] as const).map((k) => ({
                  value: k,
                  label: t(`trainer.target.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="targetId"
              label={t('trainer.targetId')}
              rules={[{ required: true, message: t('claim.required') }]}
            >
              <Input maxLength={20} aria-label={t('trainer.targetId')} />
            </Form.Item>
            <Form.Item name="role" label={t('trainer.role')}>
              <Select
                aria-label={t('trainer.role')}
                options={TRAINER_ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`trainer.role.${r}`) }))}
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** R3-P08: appoint an expert of the officer's county or city, after the expert consented. */
export function AppointModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const pools = (me?.grants ?? []).filter(
    (g) =>
      (g.role === 'bureau_admin' || g.role === 'tdc_staff') &&
      (g.orgKind === 'county' || g.orgKind === 'city'),
  );
  const act = useMutation({
    mutationFn: (v: Values) =>
      api.appointTrainer({
        teacherId: String(v.teacherId ?? ''),
        poolOrgId: String(v.poolOrgId ?? ''),
        consentOn: String(v.consentOn ?? ''),
        consentNote: String(v.consentNote ?? ''),
        overrides: (['R3-P03', 'R3-P04'] as const).flatMap((rule) =>
          typeof v[`override:${rule}`] === 'string' && String(v[`override:${rule}`]).trim()
            ? [{ rule, reason: String(v[`override:${rule}`]).trim() }]
            : [],
        ),
      }),
    onSuccess: () => {
      message.success(t('trainer.done'));
      void queryClient.invalidateQueries({ queryKey: ['trainers'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  const required = [{ required: true, message: t('claim.required') }];
  return (
    <Modal
      open={open}
      title={t('trainer.appoint')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ poolOrgId: pools[0]?.orgId, consentOn: todayIso() }}
        onFinish={(v) => act.mutate(v)}
      >
        <Form.Item name="teacherId" label={t('trainer.teacher')} rules={required}>
          <TeacherPicker ariaLabel={t('trainer.teacher')} />
        </Form.Item>
        <Form.Item name="poolOrgId" label={t('trainer.poolOrg')} rules={required}>
          <Select
            aria-label={t('trainer.poolOrg')}
            options={pools.map((g) => ({ value: g.orgId, label: g.orgName }))}
          />
        </Form.Item>
        <Form.Item name="consentOn" label={t('trainer.consentOn')} rules={required}>
          <DateField max={todayIso()} style={{ width: '100%' }} aria-label={t('trainer.consentOn')} />
        </Form.Item>
        <Form.Item
          name="consentNote"
          label={t('trainer.consentNote')}
          rules={[{ required: true, min: 2, message: t('trainer.reasonRequired') }]}
        >
          <Input maxLength={500} aria-label={t('trainer.consentNote')} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('trainer.appointHint')}
        </Typography.Paragraph>
        {(['R3-P03', 'R3-P04'] as const).map((rule) => (
          <Form.Item
            key={rule}
            name={`override:${rule}`}
            label={t(rule === 'R3-P03' ? 'trainer.overrideTitle' : 'trainer.overrideAge')}
          >
            <Input maxLength={500} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
