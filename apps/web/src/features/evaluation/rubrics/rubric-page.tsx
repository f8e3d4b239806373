import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkRubricDocument,
  type RubricDetail,
  type RubricDocument,
  type RubricFindingBody,
  rubricFindingSchema,
} from '@yanxun/contracts';
import { Alert, App, Button, Card, Descriptions, Space, Tabs, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { QueryError } from '../../../shared/query-error';
import { hasPermission, useMe } from '../../../shared/session';
import { formatDateTime } from '../../../shared/time';
import { failText } from '../eval-labels';
import { RubricBands } from './rubric-bands';
import { RubricCloneModal, rubricOwners, rubricPath } from './rubric-clone';
import type { NodePath } from './rubric-draft';
import { RubricFindings } from './rubric-findings';
import { RubricHistory } from './rubric-history';
import { RubricIndicators } from './rubric-indicators';

interface Refusal {
  message: string;
  findings: RubricFindingBody[];
}

/** The check's findings a refusal carries (`details.findings`), when it carries them. */
function refusalOf(e: unknown, message: string): Refusal {
  const details = isApiError(e) ? e.details : undefined;
  const raw =
    typeof details === 'object' && details !== null && 'findings' in details ? details.findings : [];
  const parsed = rubricFindingSchema.array().safeParse(raw);
  return { message, findings: parsed.success ? parsed.data : [] };
}

/** Empty evidence lines (left while typing) are not saved. */
const cleaned = (doc: RubricDocument): RubricDocument => {
  const clean = (n: RubricDocument['nodes'][number]): RubricDocument['nodes'][number] => ({
    ...n,
    evidence: n.evidence.map((e) => e.trim()).filter(Boolean),
    children: n.children?.map(clean),
  });
  return { ...doc, nodes: doc.nodes.map(clean) };
};

function RubricEditor({ detail }: { detail: RubricDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [draft, setDraft] = useState<RubricDocument>(detail.rubric);
  const [selected, setSelected] = useState<NodePath | null>([0]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [cloning, setCloning] = useState(false);
  const findings = useMemo(() => checkRubricDocument(draft), [draft]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const dirty = draft !== detail.rubric;
  const editable = detail.canEdit && detail.ownerOrgId !== null;
  const versions = useQuery({
    queryKey: ['eval-rubric-versions', detail.ref],
    queryFn: () => api.evaluationRubricVersions(detail.ref),
    enabled: !detail.builtin,
  });
  const campaigns = useQuery({ queryKey: ['eval-campaigns'], queryFn: () => api.evaluationCampaigns() });
  // a campaign keeps the version it snapshotted: 'rubric:<rubric id>@<version>', or the built-in's ref
  const usesThis = (rubricRef: string) =>
    detail.rubricId ? rubricRef.startsWith(`rubric:${detail.rubricId}@`) : rubricRef === detail.ref;
  const save = useMutation({
    mutationFn: () =>
      api.saveEvaluationRubric({
        ownerOrgId: detail.ownerOrgId ?? '',
        ...(detail.rubricId ? { rubricId: detail.rubricId } : {}),
        rubric: cleaned(draft),
      }),
    onSuccess: (r) => {
      setRefusal(null);
      message.success(t('rubric.saved', { n: r.version }));
      void queryClient.invalidateQueries({ queryKey: ['eval-rubrics'] });
      void queryClient.invalidateQueries({ queryKey: ['eval-rubric-versions'] });
      navigate(rubricPath(r.ref));
    },
    onError: (e) => setRefusal(refusalOf(e, failText(e, lang))),
  });
  const change = (doc: RubricDocument) => {
    setDraft(doc);
    setRefusal(null);
  };
  const blocked = errors > 0 ? t('rubric.saveBlocked') : !dirty ? t('rubric.unchanged') : null;
  return (
    <Card
      title={
        <Space size={8} wrap>
          {draft.title}
          <Tag>{detail.builtin ? detail.version : t('rubric.versionN', { n: detail.version })}</Tag>
          {detail.builtin ? <Tag color="default">{t('rubric.builtin')}</Tag> : null}
        </Space>
      }
      extra={
        <Space>
          {hasPermission(me, 'evaluation.manage') && rubricOwners(me).length > 0 ? (
            <Button onClick={() => setCloning(true)} data-testid="rubric-clone">
              {t('rubric.clone')}
            </Button>
          ) : null}
          {editable ? (
            <Tooltip title={blocked}>
              <Button
                type="primary"
                disabled={blocked !== null}
                loading={save.isPending}
                onClick={() => save.mutate()}
                data-testid="rubric-save"
              >
                {t('rubric.save')}
              </Button>
            </Tooltip>
          ) : null}
        </Space>
      }
      data-testid="rubric-editor"
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('rubric.owner')}>
          {detail.builtin ? t('rubric.builtin') : (detail.ownerOrgName ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('rubric.total')}>{detail.maxPoints}</Descriptions.Item>
        <Descriptions.Item label={t('rubric.savedAt')}>{formatDateTime(detail.createdAt)}</Descriptions.Item>
      </Descriptions>
      {!editable ? (
        <Alert type="info" showIcon title={t('rubric.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      {draft.note ? <Alert type="info" title={draft.note} style={{ marginBottom: 12 }} /> : null}
      <RubricFindings findings={findings} refusal={refusal} rubricId={draft.id} />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'indicators',
            label: t('rubric.tab.indicators'),
            children: (
              <RubricIndicators
                doc={draft}
                findings={findings}
                editable={editable}
                selected={selected}
                onSelect={setSelected}
                onChange={change}
              />
            ),
          },
          {
            key: 'bands',
            label: <span data-testid="rubric-tab-bands">{t('rubric.tab.bands')}</span>,
            children: <RubricBands doc={draft} editable={editable} onChange={change} />,
          },
          {
            key: 'versions',
            label: <span data-testid="rubric-tab-versions">{t('rubric.tab.versions')}</span>,
            children: (
              <RubricHistory
                current={detail.ref}
                versions={versions.data ?? []}
                campaigns={(campaigns.data ?? []).filter((c) => usesThis(c.rubricRef))}
                loading={versions.isFetching || campaigns.isFetching}
              />
            ),
          },
        ]}
      />
      <RubricCloneModal from={cloning ? detail : null} onClose={() => setCloning(false)} />
    </Card>
  );
}

/** 评价量表 · one rubric: the tree, the live check, bands and maximum, versions; editable by its owner's officers. */
export function EvaluationRubricPage() {
  const { ref = '' } = useParams();
  const q = useQuery({ queryKey: ['eval-rubric', ref], queryFn: () => api.evaluationRubric(ref) });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  if (!q.data) return <Card loading />;
  return <RubricEditor key={q.data.ref} detail={q.data} />;
}
