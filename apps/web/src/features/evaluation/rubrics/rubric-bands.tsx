import {
  declaredTotalOfDocument,
  EVALUATION_NORMALISATIONS,
  type EvaluationNormalisation,
  itemTotalOfDocument,
  type RubricDocument,
} from '@yanxun/contracts';
import { Card, Descriptions, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';

type Band = RubricDocument['bands']['value'][number];

/** The maximum each normalisation gives this rubric (undefined where it declares no total). */
export function maximaOf(doc: RubricDocument): Record<EvaluationNormalisation, number | undefined> {
  return {
    item_points: itemTotalOfDocument(doc),
    declared: declaredTotalOfDocument(doc),
    scale_to_100: 100,
  };
}

/** Grade bands (优秀/良好/合格/不合格 from a share of the maximum) and the maximum's normalisation. */
export function RubricBands({
  doc,
  editable,
  onChange,
}: {
  doc: RubricDocument;
  editable: boolean;
  onChange: (doc: RubricDocument) => void;
}) {
  const { t } = useI18n();
  const maxima = maximaOf(doc);
  const setBand = (i: number, patch: Partial<Band>) =>
    onChange({
      ...doc,
      bands: { ...doc.bands, value: doc.bands.value.map((b, k) => (k === i ? { ...b, ...patch } : b)) },
    });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('rubric.normalisation')} data-testid="rubric-normalisation">
        <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
          <Descriptions.Item label={t('rubric.itemTotal')}>{maxima.item_points}</Descriptions.Item>
          <Descriptions.Item label={t('rubric.declaredTotal')}>{maxima.declared ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Radio.Group
          disabled={!editable}
          value={doc.normalisation.value}
          onChange={(e) =>
            onChange({ ...doc, normalisation: { ...doc.normalisation, value: e.target.value } })
          }
        >
          <Space orientation="vertical">
            {EVALUATION_NORMALISATIONS.map((n) => (
              <Radio key={n} value={n} disabled={n === 'declared' && maxima.declared === undefined}>
                {t(`eval.norm.${n}`)}
                {maxima[n] !== undefined ? `（${t('rubric.normMax', { n: maxima[n] })}）` : null}
                {doc.normalisation.value === n ? (
                  <Tag color="blue" style={{ marginLeft: 8 }}>
                    {t('rubric.normDefault')}
                  </Tag>
                ) : null}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {doc.normalisation.note ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {doc.normalisation.note}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('rubric.normHint')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('rubric.bands')}>
        <Table<Band>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={[...doc.bands.value]}
          columns={[
            {
              title: t('rubric.band.label'),
              render: (_, b, i) => (
                <Input
                  value={b.label}
                  maxLength={20}
                  disabled={!editable}
                  style={{ width: 160 }}
                  onChange={(e) => setBand(i, { label: e.target.value })}
                />
              ),
            },
            {
              title: t('rubric.band.minPercent'),
              render: (_, b, i) => (
                <InputNumber
                  value={b.minPercent}
                  disabled={!editable}
                  onChange={(v) => setBand(i, { minPercent: typeof v === 'number' ? v : 0 })}
                  data-testid={`rubric-band-${b.code}`}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
