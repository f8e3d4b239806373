import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntegrityRecordBody } from '@yanxun/contracts';
import { App, Button, Card, Empty, Input, Modal, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { formatDate, todayIso } from '../../shared/time';
import { integrityKindKey } from './program-labels';
import { RuleErrorAlert } from './rule-error';

const APPEAL_COLORS = {
  none: 'default',
  pending: 'processing',
  upheld: 'success',
  rejected: 'error',
} as const;

export function AppealTag({ appeal }: { appeal: IntegrityRecordBody['appeal'] }) {
  const { t } = useI18n();
  return (
    <Tag color={APPEAL_COLORS[appeal.status]} data-testid="appeal-status">
      {t(`prog.appeal.status.${appeal.status}`)}
    </Tag>
  );
}

/** The bureau decides a pending appeal: upheld (the record stops standing) or rejected, with a reason. */
export function AppealDecisionModal({
  record,
  onClose,
}: {
  record: IntegrityRecordBody;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<'upheld' | 'rejected'>('rejected');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () => api.decideAppeal(record.id, { decision, reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['integrity'] });
      message.success(t('prog.appeal.decidedOk'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('prog.appeal.decideTitle', { name: record.teacherName })}
      okText={t('common.ok')}
      okButtonProps={{ disabled: reason.trim().length < 2, danger: decision === 'upheld' }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => decide.mutate()}
      onCancel={onClose}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">{t('prog.appeal.teacherReason')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {record.appeal.reason ?? '—'}
          </Typography.Paragraph>
        </div>
        <Radio.Group
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
          data-testid="appeal-decision"
        >
          <Radio value="rejected">{t('prog.appeal.reject')}</Radio>
          <Radio value="upheld">{t('prog.appeal.uphold')}</Radio>
        </Radio.Group>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('prog.appeal.decisionReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="appeal-decision-reason"
        />
        {decide.isError ? <RuleErrorAlert error={decide.error} /> : null}
      </Space>
    </Modal>
  );
}

function AppealForm({ record }: { record: IntegrityRecordBody }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const appeal = useMutation({
    mutationFn: () => api.appealIntegrity(record.id, reason.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['my-integrity'] });
      message.success(t('prog.appeal.submittedOk'));
      setReason('');
    },
  });
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text strong>{t('prog.appeal.reason')}</Typography.Text>
      <Input.TextArea
        rows={4}
        maxLength={2000}
        placeholder={t('prog.appeal.reasonPlaceholder')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="appeal-reason"
      />
      {appeal.isError ? <RuleErrorAlert error={appeal.error} /> : null}
      <Button
        type="primary"
        block
        size="large"
        disabled={reason.trim().length < 2}
        loading={appeal.isPending}
        onClick={() => appeal.mutate()}
        data-testid="appeal-submit"
      >
        {t('prog.appeal.submit')}
      </Button>
    </Space>
  );
}

/** One record as a phone-friendly card: kind, date, bar end, evidence, appeal status and the form. */
export function MyIntegrityCard({ record: r }: { record: IntegrityRecordBody }) {
  const { t } = useI18n();
  const kind = integrityKindKey(r.kind);
  const barOver = r.barEndsOn < todayIso();
  const day = (v: string | null) => formatDate(v, '');
  return (
    <Card size="small" data-testid="my-integrity-card">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {kind ? t(kind) : r.kind}
          </Typography.Text>
          <AppealTag appeal={r.appeal} />
        </Space>
        <Typography.Text type="secondary">{r.recordDate}</Typography.Text>
        {r.standing ? (
          <Typography.Text type={barOver ? 'secondary' : 'danger'} data-testid="bar-end">
            {barOver
              ? t('prog.appeal.barOver', { date: r.barEndsOn })
              : t('prog.appeal.barEnds', { date: r.barEndsOn })}
          </Typography.Text>
        ) : (
          <Typography.Text type="success">
            {t('prog.appeal.notStanding')}
            {r.standingReason ? `：${r.standingReason}` : ''}
          </Typography.Text>
        )}
        {r.evidence ? (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {r.evidence}
          </Typography.Paragraph>
        ) : null}
        {r.appeal.status !== 'none' ? (
          <Space orientation="vertical" size={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('prog.appeal.appealedAt', { date: day(r.appeal.appealedAt) })}：{r.appeal.reason}
            </Typography.Text>
            {r.appeal.decidedAt ? (
              <Typography.Text style={{ fontSize: 12 }}>
                {t('prog.appeal.decidedAt', { date: day(r.appeal.decidedAt) })}：{r.appeal.decisionReason}
              </Typography.Text>
            ) : null}
          </Space>
        ) : null}
        {r.standing && r.appeal.status === 'none' ? <AppealForm record={r} /> : null}
      </Space>
    </Card>
  );
}

/** 我的诚信档案: the teacher's own records with the bar end date and an appeal form (works on a phone). */
export function MyIntegrityPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['my-integrity'], queryFn: () => api.myIntegrityRecords() });
  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%', maxWidth: 640 }}
      data-testid="my-integrity"
    >
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('prog.appeal.my')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('prog.appeal.myIntro')}</Typography.Text>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isLoading ? <Spin /> : null}
      {list.data && list.data.length === 0 ? <Empty description={t('prog.appeal.none')} /> : null}
      {(list.data ?? []).map((r) => (
        <MyIntegrityCard key={r.id} record={r} />
      ))}
    </Space>
  );
}
