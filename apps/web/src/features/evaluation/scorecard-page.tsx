import { useQuery } from '@tanstack/react-query';
import type { ScorecardUnit } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Card, Col, Descriptions, Grid, Row, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { evaluationEvidenceUrl } from '../../shared/api-evaluation';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { StatusTag } from './eval-labels';
import { liveDetail, liveLabel } from './live-words';
import { SectionRadar, UnitBars } from './scorecard-charts';
import { ScorecardPdfButton } from './scorecard-downloads';
import { HistoryChart } from './scorecard-history';
import { unitHowSentence } from './unit-how-words';

/** A subject's scorecard: total and band, a radar of the sections, a bar of the units, each unit's how. */
export function EvaluationScorecardPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  // a phone reads the units as a list (item, score, raters, how), so no column is cut at 390 px
  const narrow = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['eval-scorecard', id], queryFn: () => api.evaluationScorecard(id) });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  const c = q.data;
  if (!c) return <Card loading />;
  const ratingTags = (u: ScorecardUnit) =>
    u.ratings.map((r) => (
      <Tag key={r.rater} color={r.outlier ? 'red' : undefined}>
        {r.rater} {r.score}
        {r.outlier ? ` · ${t('eval.outlier')}` : ''}
      </Tag>
    ));
  const howOf = (u: ScorecardUnit) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text style={{ fontSize: 12 }}>{unitHowSentence(t, u)}</Typography.Text>
      {u.moderated ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('eval.moderated', { v: u.moderated.value, reason: u.moderated.reason })}
        </Typography.Text>
      ) : null}
      {u.live ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {liveLabel(t, u.live)}
          {t('reason.colon')}
          {liveDetail(t, u.live)}
        </Typography.Text>
      ) : null}
      {u.evidence.map((e) => (
        <a key={e.id} href={evaluationEvidenceUrl(c.subjectId, e.id)} target="_blank" rel="noreferrer">
          {e.name}
        </a>
      ))}
    </Space>
  );
  const columns: TableColumnsType<ScorecardUnit> = [
    { title: t('eval.unit'), width: 200, render: (_, u) => `${u.unitId} ${u.title}` },
    { title: t('eval.final'), width: 90, render: (_, u) => `${u.final}/${u.max}` },
    { title: t('eval.spread'), width: 220, render: (_, u) => ratingTags(u) },
    { title: t('eval.how'), render: (_, u) => howOf(u) },
  ];
  const unitItem = (u: ScorecardUnit) => (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space size={8} wrap>
        <Typography.Text strong>
          {u.unitId} {u.title}
        </Typography.Text>
        <span>
          {u.final}/{u.max}
        </span>
      </Space>
      <Space size={4} wrap>
        {ratingTags(u)}
      </Space>
      {howOf(u)}
    </Space>
  );
  const actions = (
    <Space>
      <StatusTag status={c.status} />
      <ScorecardPdfButton subjectId={c.subjectId} name={c.subjectName} />
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="eval-scorecard">
      <Card
        title={`${c.subjectName} · ${c.campaignName}`}
        styles={{ title: { whiteSpace: 'normal' } }}
        extra={narrow ? null : actions}
      >
        {narrow ? <div style={{ marginBottom: 8 }}>{actions}</div> : null}
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('eval.total')}>
            <Typography.Text strong data-testid="eval-total">
              {c.score} / {c.max}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('eval.percent')}>{c.percent}%</Descriptions.Item>
          <Descriptions.Item label={t('eval.band')}>
            <Tag color="blue">{c.band.label}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('eval.rubric')}>{c.rubricTitle}</Descriptions.Item>
          <Descriptions.Item label={t('eval.normalisation')}>{c.normalisation.label}</Descriptions.Item>
          <Descriptions.Item label={t('eval.raters')}>{c.raters}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {c.how}
        </Typography.Paragraph>
        {c.vetoes
          .filter((v) => v.triggered)
          .map((v) => (
            <Tag key={v.id} color="red">
              {t('eval.vetoes')}：{v.label}
            </Tag>
          ))}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('eval.sections')}>
            <SectionRadar card={c} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('eval.units')}>
            <UnitBars card={c} maxLabel={t('eval.max', { n: '' }).trim()} scoreLabel={t('eval.final')} />
          </Card>
        </Col>
      </Row>
      {c.history ? (
        <Card title={t('eval.history')}>
          <HistoryChart card={c} />
        </Card>
      ) : null}
      <Card title={t('eval.units')}>
        {narrow ? (
          <ItemList items={c.units} rowKey={(u) => u.unitId} render={unitItem} />
        ) : (
          <Table<ScorecardUnit>
            rowKey="unitId"
            size="small"
            dataSource={c.units}
            columns={columns}
            scroll={{ x: 900 }}
            pagination={false}
          />
        )}
      </Card>
    </Space>
  );
}
