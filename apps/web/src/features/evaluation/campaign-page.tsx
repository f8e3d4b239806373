import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Appeal,
  CampaignDetail,
  CampaignSubject,
  EvaluationStatus,
  RankingRow,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { formatDateTime } from '../../shared/time';
import { failText, StatusTag } from './eval-labels';
import { rubricFindingSentence } from './rubrics/rubric-finding-words';
import { ScorecardsExcelButton } from './scorecard-downloads';

const NEXT: Partial<Record<EvaluationStatus, Exclude<EvaluationStatus, 'draft'>>> = {
  draft: 'open',
  open: 'scoring',
  scoring: 'appeal',
  appeal: 'published',
};

type Dialog =
  | { kind: 'raters'; subject: CampaignSubject }
  | { kind: 'moderate'; subject: CampaignSubject }
  | { kind: 'appeal'; appeal: Appeal; decision: 'uphold' | 'dismiss' };

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['eval-campaign', id] });
    void queryClient.invalidateQueries({ queryKey: ['eval-ranking', id] });
  };
}

/** Assign raters, moderate a unit, or decide an appeal: one small form each. */
function ActionModal({
  c,
  dialog,
  onClose,
}: {
  c: CampaignDetail;
  dialog: Dialog | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh(c.id);
  const [form] = Form.useForm<{ usernames?: string; unitId?: string; value?: number; reason?: string }>();
  const run = useMutation({
    mutationFn: async (v: { usernames?: string; unitId?: string; value?: number; reason?: string }) => {
      if (!dialog) return;
      if (dialog.kind === 'raters')
        await api.assignEvaluationRaters(c.id, {
          assignments: [
            {
              subjectId: dialog.subject.id,
              usernames: (v.usernames ?? '').split(/[,，\s]+/).filter(Boolean),
            },
          ],
        });
      else if (dialog.kind === 'moderate')
        await api.moderateEvaluation(dialog.subject.id, {
          unitId: v.unitId ?? '',
          value: v.value ?? 0,
          reason: v.reason ?? '',
        });
      else
        await api.decideEvaluationAppeal(dialog.appeal.id, {
          decision: dialog.decision,
          ...(v.value !== undefined ? { newScore: v.value } : {}),
          reason: v.reason ?? '',
        });
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  const title = !dialog
    ? ''
    : dialog.kind === 'raters'
      ? `${t('eval.assign')} · ${dialog.subject.name}`
      : dialog.kind === 'moderate'
        ? `${t('eval.moderate')} · ${dialog.subject.name}`
        : `${t(dialog.decision === 'uphold' ? 'eval.uphold' : 'eval.dismiss')} · ${dialog.appeal.unitTitle}`;
  return (
    <Modal
      open={dialog !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        {dialog?.kind === 'raters' ? (
          <Form.Item name="usernames" label={t('eval.usernames')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'moderate' ? (
          <Form.Item name="unitId" label={t('eval.unit')} rules={[{ required: true }]}>
            <Select
              options={c.units.map((u) => ({
                value: u.id,
                label: `${u.id} ${u.title}（${t('eval.max', { n: u.max })}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'moderate' || (dialog?.kind === 'appeal' && dialog.decision === 'uphold') ? (
          <Form.Item
            name="value"
            label={t(dialog.kind === 'moderate' ? 'eval.value' : 'eval.newScore')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} step={0.1} />
          </Form.Item>
        ) : null}
        {dialog && dialog.kind !== 'raters' ? (
          <Form.Item
            name="reason"
            label={t('eval.reason')}
            rules={[{ required: true, whitespace: true, min: 2 }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** A campaign: subjects × evidence × rater progress, provisional totals, moderation, appeals, the next step. */
export function EvaluationCampaignPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const refresh = useRefresh(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // a phone reads the subjects as a list and the actions under the campaign's facts, so nothing is cut at 390 px
  const narrow = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['eval-campaign', id], queryFn: () => api.evaluationCampaign(id) });
  const ranking = useQuery({
    queryKey: ['eval-ranking', id],
    queryFn: () => api.evaluationRanking(id),
    enabled: q.data !== undefined && q.data.status !== 'draft' && q.data.status !== 'open',
  });
  const advance = useMutation({
    mutationFn: (to: Exclude<EvaluationStatus, 'draft'>) => api.advanceEvaluationCampaign(id, { to }),
    onSuccess: refresh,
    onError: (e) => message.error(failText(e, lang)),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  const c = q.data;
  if (!c) return <Card loading />;
  const manage = hasPermission(me, 'evaluation.manage');
  const next = NEXT[c.status];
  const raterTags = (s: CampaignSubject) =>
    s.raters.map((r) => (
      <Tag key={r.accountId} color={r.submitted ? 'green' : 'orange'}>
        {r.label} · {t(r.submitted ? 'eval.submitted' : 'eval.pending')}
      </Tag>
    ));
  const provisionalOf = (s: CampaignSubject) =>
    s.provisional ? `${s.provisional.score}/${s.provisional.max} ${s.provisional.band}` : '—';
  const spreadOf = (s: CampaignSubject) =>
    s.widestRange === null ? (
      '—'
    ) : (
      <Space size={2} wrap>
        <span>{t('eval.widestRange', { n: s.widestRange })}</span>
        {s.outlierUnits.map((u) => (
          <Tag key={u} color="red">
            {u} {t('eval.outlier')}
          </Tag>
        ))}
      </Space>
    );
  const actionsOf = (s: CampaignSubject) => (
    <Space size={4} wrap>
      {manage && c.status !== 'appeal' && c.status !== 'published' ? (
        <Button size="small" onClick={() => setDialog({ kind: 'raters', subject: s })}>
          {t('eval.assign')}
        </Button>
      ) : null}
      {manage && (c.status === 'scoring' || c.status === 'appeal') ? (
        <Button size="small" onClick={() => setDialog({ kind: 'moderate', subject: s })}>
          {t('eval.moderate')}
        </Button>
      ) : null}
      {s.provisional ? (
        <Link to={`/evaluation/subjects/${s.id}/scorecard`}>{t('eval.scorecard')}</Link>
      ) : null}
    </Space>
  );
  const subjectColumns: TableColumnsType<CampaignSubject> = [
    { title: t('eval.subjects'), dataIndex: 'name', width: 140 },
    {
      title: t('eval.evidence'),
      width: 100,
      render: (_, s) => t('eval.evidenceOf', { n: s.evidenceUnits, total: s.units }),
    },
    { title: t('eval.selfScores'), width: 80, render: (_, s) => (s.selfScored ? '✓' : '—') },
    { title: t('eval.raters'), render: (_, s) => raterTags(s) },
    { title: t('eval.provisional'), width: 130, render: (_, s) => provisionalOf(s) },
    { title: t('eval.spread'), width: 160, render: (_, s) => spreadOf(s) },
    { title: '', width: 220, render: (_, s) => actionsOf(s) },
  ];
  const subjectItem = (s: CampaignSubject) => (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space size={8} wrap>
        <Typography.Text strong>{s.name}</Typography.Text>
        <span>{provisionalOf(s)}</span>
      </Space>
      <Typography.Text type="secondary">
        {t('eval.evidence')} {t('eval.evidenceOf', { n: s.evidenceUnits, total: s.units })} ·{' '}
        {t('eval.selfScores')} {s.selfScored ? '✓' : '—'}
      </Typography.Text>
      <Space size={4} wrap>
        {raterTags(s)}
      </Space>
      <span>{spreadOf(s)}</span>
      {actionsOf(s)}
    </Space>
  );
  const appealColumns: TableColumnsType<Appeal> = [
    { title: t('eval.subjects'), dataIndex: 'subjectName', width: 140 },
    { title: t('eval.unit'), render: (_, a) => `${a.unitId} ${a.unitTitle}` },
    { title: t('eval.reason'), dataIndex: 'reason' },
    { title: t('eval.statusCol'), width: 90, render: (_, a) => t(`eval.appealStatus.${a.status}`) },
    {
      title: '',
      width: 170,
      render: (_, a) =>
        manage && a.status === 'pending' && c.status === 'appeal' ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              onClick={() => setDialog({ kind: 'appeal', appeal: a, decision: 'uphold' })}
            >
              {t('eval.uphold')}
            </Button>
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'appeal', appeal: a, decision: 'dismiss' })}
            >
              {t('eval.dismiss')}
            </Button>
          </Space>
        ) : (
          (a.decisionReason ?? '')
        ),
    },
  ];
  const campaignActions = (
    <Space>
      {c.status !== 'draft' && c.status !== 'open' ? (
        <ScorecardsExcelButton campaignId={c.id} name={c.name} />
      ) : null}
      {manage && next ? (
        <Button
          type="primary"
          loading={advance.isPending}
          onClick={() => advance.mutate(next)}
          data-testid="eval-advance"
        >
          {t(`eval.next.${next}`)}
        </Button>
      ) : null}
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="eval-campaign">
      <Card
        title={c.name}
        styles={{ title: { whiteSpace: 'normal' } }}
        extra={narrow ? null : campaignActions}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('eval.statusCol')}>
            <StatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('eval.rubric')}>{c.rubricTitle}</Descriptions.Item>
          <Descriptions.Item label={t('eval.normalisation')}>
            {t(`eval.norm.${c.normalisation}`)}（
            {t('eval.normRecorded', { who: c.normalisationBy ?? '', at: formatDateTime(c.normalisationAt) })}
            ）
          </Descriptions.Item>
          <Descriptions.Item label={t('eval.owner')}>{c.ownerOrgName}</Descriptions.Item>
          {c.appealClosesOn ? (
            <Descriptions.Item label={t('eval.appeals')}>
              {t('eval.appealClosesOn', { date: c.appealClosesOn })}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {narrow ? <div style={{ margin: '8px 0' }}>{campaignActions}</div> : null}
        {c.warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('eval.warnings')}
            description={c.warnings.map((w) => (
              <div key={`${w.code}-${w.path}`}>{rubricFindingSentence(t, w)}</div>
            ))}
          />
        ) : null}
        {manage && c.blockers.length > 0 ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('eval.blockers')}
            description={c.blockers.map((b) => <div key={b}>{b}</div>)}
            data-testid="eval-blockers"
          />
        ) : null}
      </Card>
      <Card title={t('eval.subjects')}>
        {narrow ? (
          <ItemList items={c.subjects} rowKey={(s) => s.id} render={subjectItem} />
        ) : (
          <Table<CampaignSubject>
            rowKey="id"
            size="small"
            dataSource={c.subjects}
            columns={subjectColumns}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        )}
      </Card>
      {c.appeals.length > 0 ? (
        <Card title={t('eval.appeals')}>
          <Table<Appeal>
            rowKey="id"
            size="small"
            dataSource={c.appeals}
            columns={appealColumns}
            scroll={{ x: 800 }}
            pagination={false}
          />
        </Card>
      ) : null}
      {ranking.data && ranking.data.length > 0 ? (
        <Card title={t('eval.ranking')}>
          <Table
            rowKey="subjectId"
            size="small"
            dataSource={ranking.data}
            pagination={false}
            columns={[
              { title: t('eval.rank'), dataIndex: 'rank', width: narrow ? 56 : 70 },
              { title: t('eval.subjects'), dataIndex: 'subjectName' },
              { title: t('eval.total'), width: narrow ? 96 : 110, render: (_, r) => `${r.score}/${r.max}` },
              ...(narrow
                ? []
                : [
                    {
                      title: t('eval.percent'),
                      width: 90,
                      render: (_: unknown, r: RankingRow) => `${r.percent}%`,
                    },
                  ]),
              { title: t('eval.band'), dataIndex: 'band', width: narrow ? 64 : 90 },
            ]}
          />
        </Card>
      ) : null}
      <ActionModal c={c} dialog={dialog} onClose={() => setDialog(null)} />
    </Space>
  );
}
