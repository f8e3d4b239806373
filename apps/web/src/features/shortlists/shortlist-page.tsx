import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShortlistCandidate, ShortlistNodeBody, ShortlistSelection } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { codeName, useCodes } from '../../shared/codes';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { formatDateTime } from '../../shared/time';
import { EligibilityResultView } from '../programs/eligibility-result';
import { quotaProblemSentence } from '../programs/quota-words';
import { RuleErrorAlert } from '../programs/rule-error';
import {
  type CandidateFilters,
  countsByNode,
  type Draft,
  eligibilityState,
  filterCandidates,
  marksOf,
  type NodeCounts,
  withDraft,
} from './shortlist-model';
import { ShortlistStatusTag } from './shortlist-status-tag';
import { SHORTLIST_RULE_ID } from './shortlists-page';

const at = (iso: string | null) => formatDateTime(iso);

function Header({ s }: { s: ShortlistSelection }) {
  const { t } = useI18n();
  return (
    <Card>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {s.programmeTitle}
          </Typography.Title>
          <ShortlistStatusTag status={s.status} />
          <span>
            <Tag>{t('sl.ratio', { ratio: s.ratio })}</Tag>
            <RuleRef rules={{ ruleId: SHORTLIST_RULE_ID, value: `1:${s.ratio}` }} />
          </span>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('sl.owner')}>{s.ownerOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('sl.provider')}>{s.providerName}</Descriptions.Item>
          <Descriptions.Item label={t('sl.deadline')}>
            <Space size={4}>
              {t('sl.deadlineValue', { date: s.selectionDeadline })}
              <RuleRef rules={{ ruleId: 'R-004-18', value: s.selectionDeadline }} />
              {s.deadlinePassed ? <Tag color="error">{t('sl.deadlinePassed')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('sl.confirmMode')}>
            <Typography.Text title={s.ownerConfirms.note ?? undefined}>
              {t(s.ownerConfirms.value ? 'sl.ownerConfirms.yes' : 'sl.ownerConfirms.no')}
              <RuleRef rules={s.ownerConfirms.ruleId} />
            </Typography.Text>
          </Descriptions.Item>
          {s.submittedAt ? (
            <Descriptions.Item label={t('sl.submitted')}>
              {t('sl.submittedBy', { name: s.submittedBy ?? '—', at: at(s.submittedAt), round: s.round })}
            </Descriptions.Item>
          ) : null}
          {s.decidedAt && (s.status === 'confirmed' || s.status === 'returned') ? (
            <Descriptions.Item label={t(`sl.decided.${s.status}`)}>
              {t('sl.decidedBy', {
                name: s.decidedBy ?? '—',
                at: at(s.decidedAt),
                what: t(`sl.decided.${s.status}`),
              })}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {s.status === 'returned' && s.returnComment ? (
          <Alert type="warning" showIcon title={t('sl.returned')} description={s.returnComment} />
        ) : null}
      </Space>
    </Card>
  );
}

function Nodes({ s, live }: { s: ShortlistSelection; live: Map<string, NodeCounts> }) {
  const { t } = useI18n();
  const selected = [...live.values()].reduce((a, b) => a + b.selected, 0);
  return (
    <Card
      size="small"
      title={t('sl.nodes')}
      extra={
        <Typography.Text strong data-testid="shortlist-total">
          {t('sl.total', { selected, places: s.totalPlaces })}
        </Typography.Text>
      }
    >
      <Table<ShortlistNodeBody>
        rowKey="orgId"
        size="small"
        pagination={false}
        dataSource={s.nodes}
        columns={[
          { title: t('sl.node'), dataIndex: 'orgName' },
          { title: t('sl.places'), dataIndex: 'places', align: 'right', width: 80 },
          { title: t('sl.cap', { ratio: s.ratio }), dataIndex: 'cap', align: 'right', width: 170 },
          { title: t('sl.candidates'), dataIndex: 'candidates', align: 'right', width: 90 },
          {
            title: `${t('sl.selected')} / ${t('sl.places')}`,
            width: 220,
            render: (_, n) => {
              const sel = live.get(n.orgId)?.selected ?? 0;
              return (
                <Space size={8}>
                  <Progress
                    percent={n.places > 0 ? Math.round((sel / n.places) * 100) : 0}
                    steps={Math.min(Math.max(n.places, 1), 12)}
                    size="small"
                    status={sel > n.places ? 'exception' : sel === n.places ? 'success' : 'normal'}
                    showInfo={false}
                  />
                  <Typography.Text type={sel > n.places ? 'danger' : undefined}>
                    {sel} / {n.places}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('sl.notSelected'),
            align: 'right',
            width: 90,
            render: (_, n) => live.get(n.orgId)?.notSelected ?? 0,
          },
          {
            title: t('sl.undecided'),
            align: 'right',
            width: 90,
            render: (_, n) => live.get(n.orgId)?.undecided ?? 0,
          },
        ]}
      />
    </Card>
  );
}

function EligibilityTag({ c }: { c: ShortlistCandidate }) {
  const { t } = useI18n();
  const state = eligibilityState(c);
  const color = state === 'ok' ? 'success' : state === 'override' ? 'warning' : 'error';
  return <Tag color={color}>{t(`sl.elig.${state}`)}</Tag>;
}

/**
 * One programme's competitive selection (R-004-59). The provider scores and marks candidates (edits are kept
 * as drafts and saved together, all or nothing), sees selected / places per nominating unit live, and submits;
 * the owner reads the same page and confirms or returns with a comment.
 */
export function ShortlistPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const codes = useCodes();
  const q = useQuery({ queryKey: ['shortlist', id], queryFn: () => api.shortlistSelection(id) });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [filters, setFilters] = useState<CandidateFilters>({
    node: null,
    decision: 'all',
    attention: false,
    search: '',
  });
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);

  const s = q.data;
  const shown = useMemo(
    () => (s?.candidates ?? []).map((c) => withDraft(c, drafts[c.nominationId])),
    [s, drafts],
  );
  const live = useMemo(() => countsByNode(shown), [shown]);
  const rows = filterCandidates(shown, filters);
  const dirty = Object.keys(drafts).length;

  const done = (next: ShortlistSelection, text: string) => {
    queryClient.setQueryData(['shortlist', id], next);
    void queryClient.invalidateQueries({ queryKey: ['shortlists'] });
    setDrafts({});
    setError(null);
    message.success(text);
  };
  const save = useMutation({
    mutationFn: () => api.markShortlist(id, { marks: marksOf(drafts, s?.candidates ?? []).marks }),
    onSuccess: (next) => done(next, t('sl.saved')),
    onError: setError,
  });
  const act = useMutation({
    mutationFn: (a: 'submit' | 'confirm' | 'return') => api.shortlistAction(id, a, comment),
    onSuccess: (next, a) => {
      setReturning(false);
      done(next, t(a === 'submit' ? 'sl.submitted' : a === 'confirm' ? 'sl.confirmed' : 'sl.returnedOk'));
    },
    onError: setError,
  });

  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!s) return <Card loading />;

  const edit = (nominationId: string, d: Draft) =>
    setDrafts((prev) => ({ ...prev, [nominationId]: { ...prev[nominationId], ...d } }));
  const missing = marksOf(drafts, s.candidates).missingReason;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="shortlist-page">
      <Link to="/shortlists">← {t('sl.list.title')}</Link>
      <Header s={s} />
      <Nodes s={s} live={live} />
      {error ? <RuleErrorAlert error={error} /> : null}
      {s.canSelect && s.problems.length > 0 && dirty === 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('sl.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {s.problems.map((p) => (
                <li key={`${p.code}-${p.orgId ?? ''}`}>{quotaProblemSentence(t, p)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Card
        size="small"
        title={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('sl.filter.node')}
              style={{ minWidth: 200 }}
              value={filters.node}
              onChange={(v) => setFilters({ ...filters, node: v ?? null })}
              options={s.nodes.map((n) => ({ value: n.orgId, label: n.orgName }))}
            />
            <Segmented
              value={filters.decision}
              onChange={(v) => setFilters({ ...filters, decision: v as CandidateFilters['decision'] })}
              options={[
                { value: 'all', label: t('sl.filter.all') },
                { value: 'undecided', label: t('sl.undecided') },
                { value: 'selected', label: t('sl.selected') },
                { value: 'not_selected', label: t('sl.notSelected') },
              ]}
            />
            <Space size={4}>
              <Switch
                size="small"
                checked={filters.attention}
                onChange={(v) => setFilters({ ...filters, attention: v })}
              />
              {t('sl.filter.attention')}
            </Space>
            <Input.Search
              allowClear
              placeholder={t('sl.filter.search')}
              style={{ width: 160 }}
              onSearch={(v) => setFilters({ ...filters, search: v })}
            />
          </Space>
        }
        extra={
          <Space wrap>
            {s.canSelect && dirty > 0 ? (
              <>
                <Button onClick={() => setDrafts({})}>{t('sl.discard')}</Button>
                <Button
                  type="primary"
                  loading={save.isPending}
                  disabled={missing.length > 0}
                  title={
                    missing.length > 0 ? `${t('sl.reasonPlaceholder')}：${missing.join('、')}` : undefined
                  }
                  onClick={() => save.mutate()}
                  data-testid="shortlist-save"
                >
                  {t('sl.save', { n: dirty })}
                </Button>
              </>
            ) : null}
            {s.canSelect ? (
              <Popconfirm title={t('sl.submitConfirm')} onConfirm={() => act.mutate('submit')}>
                <Button
                  type="primary"
                  disabled={dirty > 0 || s.problems.length > 0}
                  title={dirty > 0 ? t('sl.unsaved') : undefined}
                  loading={act.isPending}
                  data-testid="shortlist-submit"
                >
                  {t('sl.submit')}
                </Button>
              </Popconfirm>
            ) : null}
            {s.canReview ? (
              <>
                <Button danger onClick={() => setReturning(true)} data-testid="shortlist-return">
                  {t('sl.return')}
                </Button>
                <Popconfirm title={t('sl.confirmConfirm')} onConfirm={() => act.mutate('confirm')}>
                  <Button type="primary" loading={act.isPending} data-testid="shortlist-confirm-owner">
                    {t('sl.confirm')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        }
      >
        <Table<ShortlistCandidate>
          rowKey="nominationId"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          expandable={{
            expandedRowRender: (c) => (
              <EligibilityResultView result={c.eligibility} teacherName={c.teacherName} />
            ),
          }}
          rowClassName={(c) => (drafts[c.nominationId] ? 'yx-row-dirty' : '')}
          columns={[
            {
              title: t('sl.rank'),
              width: 64,
              align: 'right',
              render: (_, c) => c.rank ?? '—',
              sorter: (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9),
            },
            {
              title: t('sl.teacher'),
              width: 170,
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{c.teacherName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.idNumberMasked}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('sl.school'),
              render: (_, c) => (
                <Space orientation="vertical" size={0}>
                  <span>{c.schoolName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      codeName(codes.data, 'titles', c.title, lang),
                      codeName(codes.data, 'subjects', c.subject, lang),
                    ]
                      .filter((x) => x !== '—')
                      .join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('sl.node'), dataIndex: 'quotaOrgName' },
            {
              title: t('sl.eligibility'),
              width: 100,
              render: (_, c) => <EligibilityTag c={c} />,
            },
            {
              title: t('sl.score'),
              width: 110,
              sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
              render: (_, c) =>
                s.canSelect ? (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    step={0.5}
                    precision={1}
                    value={c.score}
                    aria-label={`${t('sl.score')} ${c.teacherName}`}
                    onChange={(v) => edit(c.nominationId, { score: v ?? null })}
                  />
                ) : (
                  (c.score ?? '—')
                ),
            },
            {
              title: t('sl.decision'),
              width: 210,
              render: (_, c) =>
                s.canSelect ? (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    buttonStyle="solid"
                    value={c.decision}
                    onChange={(e) => edit(c.nominationId, { decision: e.target.value })}
                    options={[
                      { value: 'selected', label: t('sl.selected') },
                      { value: 'not_selected', label: t('sl.notSelected') },
                    ]}
                  />
                ) : c.decision ? (
                  <Tag color={c.decision === 'selected' ? 'success' : 'default'}>
                    {t(c.decision === 'selected' ? 'sl.selected' : 'sl.notSelected')}
                  </Tag>
                ) : (
                  <Tag>{t('sl.undecided')}</Tag>
                ),
            },
            {
              title: t('sl.reason'),
              width: 240,
              render: (_, c) =>
                s.canSelect && c.decision === 'not_selected' ? (
                  <Input
                    size="small"
                    value={c.reason ?? ''}
                    status={(c.reason ?? '').trim() ? undefined : 'error'}
                    placeholder={t('sl.reasonPlaceholder')}
                    maxLength={500}
                    onChange={(e) => edit(c.nominationId, { reason: e.target.value })}
                  />
                ) : (
                  <Space orientation="vertical" size={0}>
                    <span>{c.decision === 'not_selected' ? c.reason : ''}</span>
                    {c.markedBy ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('sl.markedBy', { name: c.markedBy, at: at(c.markedAt) })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={returning}
        title={t('sl.return')}
        okText={t('sl.return')}
        okButtonProps={{ danger: true, disabled: comment.trim().length < 2, loading: act.isPending }}
        onOk={() => act.mutate('return')}
        onCancel={() => setReturning(false)}
      >
        <Input.TextArea
          rows={4}
          maxLength={1000}
          placeholder={t('sl.returnComment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
