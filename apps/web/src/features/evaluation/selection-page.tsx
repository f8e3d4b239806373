/**
 * One selection (评优评先): the candidates with rank, score and band as drawn from the campaign, pre-checked by the
 * policy (eligible bands, the most awards); while a draft, the officer checks or unchecks with a reason where it
 * departs from the pre-check (R3-G18), nominates 先进个人 with a reason (R3-S06, R3-S08), and publishes; then the
 * certificates of honour download one by one or all at once, and the owner revokes one awarded in error with a
 * reason (honour-revoke.tsx). Refusals are the server's own words.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SELECTION_BANDS, type SelectionCandidate, type SelectionDetail } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { selectionFiles } from '../../shared/api-selections';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { TeacherPicker } from '../../shared/teacher-picker';
import { failText } from './eval-labels';
import { HonourStatus, RevokeHonour } from './honour-revoke';
import { SELECTIONS_KEY } from './selections-page';

type Changes = Record<string, { selected: boolean; reason: string }>;

function Candidates({ d }: { d: SelectionDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<Changes>({});
  const draft = d.status === 'draft' && d.canManage;
  const save = useMutation({
    mutationFn: () =>
      api.decideEvaluationSelection(d.id, {
        decisions: Object.entries(changes).map(([candidateId, c]) => ({
          candidateId,
          selected: c.selected,
          ...(c.reason.trim() ? { reason: c.reason.trim() } : {}),
        })),
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(['eval-selection', d.id], next);
      void queryClient.invalidateQueries({ queryKey: SELECTIONS_KEY });
      setChanges({});
      message.success(t('sel.saved'));
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  const missingReason = Object.values(changes).some((c) => c.reason.trim().length < 2);
  const columns: TableColumnsType<SelectionCandidate> = [
    {
      title: t('sel.selected'),
      width: 70,
      render: (_, c) => (
        <Checkbox
          aria-label={`${t('sel.selected')} ${c.name}`}
          checked={changes[c.id]?.selected ?? c.selected}
          disabled={!draft}
          onChange={(e) =>
            setChanges((prev) => {
              const { [c.id]: _, ...rest } = prev;
              return e.target.checked === c.selected
                ? rest
                : { ...rest, [c.id]: { selected: e.target.checked, reason: prev[c.id]?.reason ?? '' } };
            })
          }
        />
      ),
    },
    ...(d.campaignId ? [{ title: t('sel.rank'), dataIndex: 'rank', width: 70 }] : []),
    { title: t('sel.holder'), dataIndex: 'name' },
    ...(d.campaignId
      ? [
          {
            title: t('sel.score'),
            width: 120,
            render: (_: unknown, c: SelectionCandidate) => (c.score === null ? '—' : `${c.score} / ${c.max}`),
          },
          {
            title: t('sel.band'),
            width: 150,
            render: (_: unknown, c: SelectionCandidate) => (
              <Space size={4}>
                {c.bandLabel}
                {c.eligible ? null : <Tag>{t('sel.notEligible')}</Tag>}
              </Space>
            ),
          },
        ]
      : [{ title: t('sel.unit'), dataIndex: 'unitName' }]),
    {
      title: t('sel.reason'),
      render: (_, c) =>
        changes[c.id] ? (
          <Input
            size="small"
            aria-label={`${t('sel.reason')} ${c.name}`}
            placeholder={t('sel.reasonNeeded')}
            status={changes[c.id]?.reason.trim() ? undefined : 'warning'}
            value={changes[c.id]?.reason}
            maxLength={500}
            onChange={(e) =>
              setChanges((prev) => ({
                ...prev,
                [c.id]: { selected: prev[c.id]?.selected ?? c.selected, reason: e.target.value },
              }))
            }
          />
        ) : (
          c.reason
        ),
    },
  ];
  const n = Object.keys(changes).length;
  return (
    <Card
      size="small"
      title={t('sel.candidates')}
      extra={
        draft && n > 0 ? (
          <Space>
            <span>{t('sel.changed', { n: String(n) })}</span>
            <Button
              type="primary"
              size="small"
              disabled={missingReason}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="sel-save"
            >
              {t('sel.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Table<SelectionCandidate>
        rowKey="id"
        size="small"
        dataSource={d.candidateList}
        columns={columns}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="sel-candidates"
      />
    </Card>
  );
}

function Nominate({ d }: { d: SelectionDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ teacherId: string; reason: string }>();
  const nominate = useMutation({
    mutationFn: (v: { teacherId: string; reason: string }) => api.nominateForSelection(d.id, v),
    onSuccess: (next) => {
      queryClient.setQueryData(['eval-selection', d.id], next);
      form.resetFields();
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  return (
    <Card size="small" title={t('sel.nominate')}>
      <Form form={form} layout="inline" onFinish={(v) => nominate.mutate(v)}>
        <Form.Item name="teacherId" label={t('sel.teacher')} rules={[{ required: true }]}>
          <TeacherPicker ariaLabel={t('sel.teacher')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('sel.nominateReason')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={500} style={{ width: 360 }} />
        </Form.Item>
        <Button htmlType="submit" loading={nominate.isPending}>
          {t('sel.nominate')}
        </Button>
      </Form>
    </Card>
  );
}

function Honours({ d }: { d: SelectionDetail }) {
  const { t } = useI18n();
  const { download, pending } = useDownload();
  return (
    <Card
      size="small"
      title={t('sel.honours')}
      extra={
        <Button
          size="small"
          loading={pending === selectionFiles.zip(d.id)}
          onClick={() => void download(selectionFiles.zip(d.id), `荣誉证书-${d.name}.zip`)}
          data-testid="sel-zip"
        >
          {t('sel.zip')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 860 }}
        dataSource={d.honours}
        columns={[
          { title: t('sel.certificateNo'), dataIndex: 'certificateNo', width: 160 },
          { title: t('sel.holder'), dataIndex: 'holderName' },
          { title: t('sel.code'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
          { title: t('sel.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          {
            title: t('sel.honourStatus'),
            width: 220,
            render: (_, h) => <HonourStatus h={h} />,
          },
          {
            title: '',
            width: 150,
            render: (_, h) =>
              h.revokedOn ? null : (
                <Space size={0}>
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      void download(selectionFiles.honourPdf(d.id, h.id), `荣誉证书-${h.certificateNo}.pdf`)
                    }
                  >
                    {t('sel.pdf')}
                  </Button>
                  {d.canManage ? <RevokeHonour d={d} h={h} /> : null}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function EvaluationSelectionPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['eval-selection', id], queryFn: () => api.evaluationSelection(id) });
  const publish = useMutation({
    mutationFn: () => api.publishEvaluationSelection(id),
    onSuccess: (next) => {
      queryClient.setQueryData(['eval-selection', id], next);
      void queryClient.invalidateQueries({ queryKey: SELECTIONS_KEY });
      message.success(t('sel.published', { n: String(next.honours.length) }));
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  const d = q.data;
  if (!d) return <Card loading />;
  const bandLabels = SELECTION_BANDS.filter((b) => d.eligibleBands.includes(b))
    .map((b) => t(`sel.band.${b}`))
    .join('、');
  const confirmPublish = () =>
    modal.confirm({
      title: t('sel.publish'),
      content: t('sel.publishConfirm', {
        n: String(d.selected),
        title:
          d.category === 'excellent_workshop'
            ? t('sel.publishTitle')
            : d.category === 'excellent_studio'
              ? t('sel.publishStudioTitle')
              : '',
      }),
      onOk: () => publish.mutateAsync(),
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={d.name}
        extra={
          d.status === 'draft' && d.canManage ? (
            <Button
              type="primary"
              disabled={d.selected === 0}
              loading={publish.isPending}
              onClick={confirmPublish}
              data-testid="sel-publish"
            >
              {t('sel.publish')}
            </Button>
          ) : (
            <Tag color={d.status === 'published' ? 'green' : 'default'}>{t(`sel.status.${d.status}`)}</Tag>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('sel.category')}>{t(`sel.cat.${d.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('sel.rules')}>{d.ruleIds.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('sel.owner')}>{d.ownerOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('sel.year')}>{d.year}</Descriptions.Item>
          {d.campaignName ? (
            <Descriptions.Item label={t('sel.campaign')}>{d.campaignName}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('sel.selected')}>
            {t('sel.selectedOf', { selected: String(d.selected), candidates: String(d.candidates) })}
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type="info"
          showIcon
          title={
            d.campaignId
              ? t('sel.policy', {
                  bands: bandLabels,
                  max: d.maxAwards === null ? t('sel.maxAwardsNone') : String(d.maxAwards),
                })
              : t('sel.policyNominated', {
                  max: d.maxAwards === null ? t('sel.maxAwardsNone') : String(d.maxAwards),
                })
          }
        />
      </Card>
      {d.category === 'advanced_individual' && d.status === 'draft' && d.canManage ? (
        <Nominate d={d} />
      ) : null}
      <Candidates key={d.status} d={d} />
      {d.honours.length > 0 ? <Honours d={d} /> : null}
    </Space>
  );
}
