import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Nomination, PolicyPackBody, Programme, QuotaNode } from '@yanxun/contracts';
import { Alert, App, Button, Card, Checkbox, Empty, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';
import { RuleErrorAlert } from './rule-error';

export const SHORTLIST_RULE_ID = 'R-004-59';

/** The project type's 差额 ratio (R-004-59) in the pack, or null when selection is not competitive. */
export function competitiveRatio(pack: PolicyPackBody | undefined, projectTypeCode: string): number | null {
  const type = pack?.projectTypes.find((x) => x.code === projectTypeCode) as
    | { competitiveRatio?: { value?: unknown } }
    | undefined;
  const v = type?.competitiveRatio?.value;
  return typeof v === 'number' && v >= 1 ? v : null;
}

/** ⌈places × ratio⌉ in thousandths, as the server computes it (core `shortlistSize`). */
export function shortlistCap(places: number, ratio: number): number {
  return Math.ceil((places * Math.round(ratio * 1000)) / 1000);
}

function NodeShortlist({
  programme,
  node,
  ratio,
  candidates,
  notSelected,
}: {
  programme: Programme;
  node: QuotaNode;
  ratio: number;
  candidates: Nomination[];
  notSelected: Nomination[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const own = node.seats - node.allocated;
  const free = node.seats - node.allocated - node.used;
  const cap = shortlistCap(own, ratio);
  const confirm = useMutation({
    mutationFn: () => api.confirmShortlist(programme.id, { orgId: node.orgId, selectedIds: chosen }),
    onSuccess: () => {
      for (const key of ['nominations', 'quotas', 'programme']) {
        void queryClient.invalidateQueries({ queryKey: [key, programme.id] });
      }
      message.success(t('prog.short.confirmedOk', { name: node.orgName }));
      setConfirming(false);
      setChosen([]);
    },
  });
  return (
    <Card
      size="small"
      title={t('prog.short.node', { name: node.orgName, seats: own, cap, count: candidates.length })}
      data-testid={`shortlist-node-${node.orgId}`}
      extra={
        programme.canManage && candidates.length > 0 ? (
          <Button
            type="primary"
            size="small"
            onClick={() => setConfirming(true)}
            data-testid="shortlist-confirm"
          >
            {t('prog.short.confirm')}
          </Button>
        ) : null
      }
    >
      {candidates.length === 0 ? (
        <Typography.Text type="secondary">{t('prog.short.noCandidates')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {programme.canManage ? (
            <Typography.Text type="secondary">{t('prog.short.pick', { n: free })}</Typography.Text>
          ) : null}
          <Checkbox.Group
            value={chosen}
            onChange={(v) => setChosen(v.map(String))}
            disabled={!programme.canManage}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          >
            {candidates.map((c) => (
              <Checkbox
                key={c.id}
                value={c.id}
                disabled={!chosen.includes(c.id) && chosen.length >= free}
                data-testid="shortlist-candidate"
              >
                {c.teacherName}
                <Typography.Text type="secondary"> · {c.schoolName}</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Space>
      )}
      {notSelected.length > 0 ? (
        <Space orientation="vertical" size={2} style={{ marginTop: 8, width: '100%' }}>
          {notSelected.map((n) => (
            <Typography.Text
              key={n.id}
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="shortlist-not-selected"
            >
              <Tag>{t('prog.short.notSelected')}</Tag>
              {n.teacherName}：{n.reason ?? t('prog.short.notSelectedReason')}
              <RuleRef rules={SHORTLIST_RULE_ID} />
            </Typography.Text>
          ))}
        </Space>
      ) : null}
      {confirming ? (
        <Modal
          open
          title={t('prog.short.confirmTitle', { name: node.orgName })}
          okText={t('prog.short.confirm')}
          cancelText={t('common.cancel')}
          confirmLoading={confirm.isPending}
          onOk={() => confirm.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <Typography.Paragraph>
            {t('prog.short.confirmHelp', { n: chosen.length, m: candidates.length - chosen.length })}
          </Typography.Paragraph>
          {confirm.isError ? <RuleErrorAlert error={confirm.error} /> : null}
        </Modal>
      ) : null}
    </Card>
  );
}

/**
 * 差额遴选 (R-004-59): per quota node in scope, the candidates against the cap ⌈seats × ratio⌉; the programme
 * owner ticks at most the node's free seats and confirms; the not selected are listed with the rule.
 */
export function ShortlistPanel({ programme, ratio }: { programme: Programme; ratio: number }) {
  const { t } = useI18n();
  const quotas = useQuery({ queryKey: ['quotas', programme.id], queryFn: () => api.quotas(programme.id) });
  const candidates = useQuery({
    queryKey: ['nominations', programme.id, 'shortlist', 'candidate'],
    queryFn: () => api.listNominations(programme.id, { status: 'candidate', pageSize: 200 }),
  });
  const notSelected = useQuery({
    queryKey: ['nominations', programme.id, 'shortlist', 'not_selected'],
    queryFn: () => api.listNominations(programme.id, { status: 'not_selected', pageSize: 200 }),
  });
  const all = [...(candidates.data?.items ?? []), ...(notSelected.data?.items ?? [])];
  const nodes = (quotas.data?.nodes ?? []).filter((n) => all.some((x) => x.quotaOrgId === n.orgId));
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="shortlist-panel">
      <Alert
        type="info"
        showIcon
        title={
          <>
            {t('prog.short.title')}
            <RuleRef rules={{ ruleId: SHORTLIST_RULE_ID, value: `1:${ratio}` }} />
          </>
        }
        description={t('prog.short.intro', { ratio })}
      />
      {/* shortlist: the provider university's own selection (R-004-59) */}
      <Alert
        type="warning"
        showIcon
        title={
          <>
            {t('sl.providerSelects')}
            <RuleRef rules={SHORTLIST_RULE_ID} />
          </>
        }
        action={<Link to={`/shortlists/${programme.id}`}>{t('sl.viewSelection')}</Link>}
      />
      {quotas.isError || candidates.isError ? (
        <RuleErrorAlert error={quotas.error ?? candidates.error} />
      ) : null}
      {nodes.length === 0 && !candidates.isLoading ? (
        <Empty description={t('prog.short.noCandidates')} />
      ) : null}
      {nodes.map((n) => (
        <NodeShortlist
          key={n.orgId}
          programme={programme}
          node={n}
          ratio={ratio}
          candidates={(candidates.data?.items ?? []).filter((c) => c.quotaOrgId === n.orgId)}
          notSelected={(notSelected.data?.items ?? []).filter((c) => c.quotaOrgId === n.orgId)}
        />
      ))}
    </Space>
  );
}
