/**
 * The editor of a draft 五育 framework: the five weights (summing to 100 %, CD-24; the server refuses otherwise with
 * the numbers), and under each dimension its core elements and their indicators (code, name, unit, direction,
 * scale to 0–100 by target or min–max, data source). The whole draft is saved at once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  FIVE_EDU_DIMENSIONS,
  FIVE_EDU_SOURCES,
  type FiveEduElement,
  type FiveEduFramework,
  type FiveEduFrameworkBody,
  type FiveEduIndicator,
} from '@yanxun/contracts';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { type MessageKey, useI18n } from '../../shared/i18n';

const newIndicator = (code: string): FiveEduIndicator => ({
  code,
  name: '',
  unit: '',
  direction: 'higher',
  normalise: { method: 'min_max', min: 0, max: 100 },
  source: 'school_report',
  example: false,
});

export function FrameworkEditor({
  framework,
  onClose,
}: {
  framework: FiveEduFramework;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [name, setName] = useState(framework.name);
  const [body, setBody] = useState<FiveEduFrameworkBody>(framework.body);
  const sum = Math.round(FIVE_EDU_DIMENSIONS.reduce((s, d) => s + body.weights[d], 0) * 100) / 100;
  const save = useMutation({
    mutationFn: () => api.updateFiveEduFramework(framework.id, { name, body }),
    onSuccess: async () => {
      message.success(t('five.framework.saved'));
      await qc.invalidateQueries({ queryKey: ['five-edu'] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const setElements = (di: number, elements: FiveEduElement[]) =>
    setBody({ ...body, dimensions: body.dimensions.map((d, i) => (i === di ? { ...d, elements } : d)) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={onClose}>{t('common.back')}</Button>
        <Input
          aria-label={t('five.framework.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 320 }}
        />
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
          {t('five.framework.save')}
        </Button>
      </Space>
      <Card size="small" title={t('five.weights')}>
        <Space wrap>
          {FIVE_EDU_DIMENSIONS.map((d) => (
            <Space key={d}>
              <Typography.Text strong>{t(`five.dim.${d}` as MessageKey)}</Typography.Text>
              <InputNumber
                aria-label={`${t(`five.dim.${d}` as MessageKey)} ${t('five.weights')}`}
                min={0}
                max={100}
                value={body.weights[d]}
                onChange={(v) => setBody({ ...body, weights: { ...body.weights, [d]: v ?? 0 } })}
              />
            </Space>
          ))}
          <Typography.Text type={sum === 100 ? 'secondary' : 'danger'}>
            {t('five.weights.sum', { sum })}
          </Typography.Text>
        </Space>
        {sum !== 100 && (
          <Alert type="warning" showIcon title={t('five.weights.bad', { sum })} style={{ marginTop: 8 }} />
        )}
      </Card>
      {body.dimensions.map((dim, di) => (
        <Card key={dim.dimension} size="small" title={t(`five.dim.${dim.dimension}` as MessageKey)}>
          {dim.elements.map((el, ei) => (
            <ElementEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: elements have no id (the code is edited); inputs are controlled
              key={`${dim.dimension}-${ei}`}
              element={el}
              onChange={(e) =>
                setElements(
                  di,
                  dim.elements.map((x, i) => (i === ei ? e : x)),
                )
              }
              onRemove={() =>
                setElements(
                  di,
                  dim.elements.filter((_, i) => i !== ei),
                )
              }
            />
          ))}
          <Button
            size="small"
            onClick={() =>
              setElements(di, [
                ...dim.elements,
                {
                  code: `${dim.dimension.slice(0, 1).toUpperCase()}${dim.elements.length + 1}`,
                  name: '',
                  indicators: [],
                },
              ])
            }
          >
            {t('five.element.add')}
          </Button>
        </Card>
      ))}
    </Space>
  );
}

function ElementEditor({
  element,
  onChange,
  onRemove,
}: {
  element: FiveEduElement;
  onChange: (e: FiveEduElement) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const setIndicator = (ii: number, patch: Partial<FiveEduIndicator>) =>
    onChange({
      ...element,
      indicators: element.indicators.map((x, i) => (i === ii ? { ...x, ...patch } : x)),
    });
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap>
        <Input
          aria-label={t('five.indicator.code')}
          value={element.code}
          onChange={(e) => onChange({ ...element, code: e.target.value })}
          style={{ width: 90 }}
        />
        <Input
          aria-label={t('five.element.name')}
          placeholder={t('five.element.name')}
          value={element.name}
          onChange={(e) => onChange({ ...element, name: e.target.value })}
          style={{ width: 280 }}
        />
        <Button size="small" danger onClick={onRemove}>
          {t('five.remove')}
        </Button>
      </Space>
      <Table<FiveEduIndicator>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={element.indicators}
        columns={[
          {
            title: t('five.indicator.code'),
            render: (_, x, i) => (
              <Input
                value={x.code}
                style={{ width: 80 }}
                onChange={(e) => setIndicator(i, { code: e.target.value })}
              />
            ),
          },
          {
            title: t('five.indicator.name'),
            render: (_, x, i) => (
              <Space>
                <Input
                  value={x.name}
                  style={{ width: 220 }}
                  onChange={(e) => setIndicator(i, { name: e.target.value })}
                />
                {x.example && <Tag>{t('five.indicator.example')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('five.indicator.unit'),
            render: (_, x, i) => (
              <Input
                value={x.unit}
                style={{ width: 60 }}
                onChange={(e) => setIndicator(i, { unit: e.target.value })}
              />
            ),
          },
          {
            title: t('five.indicator.direction'),
            render: (_, x, i) => (
              <Select
                value={x.direction}
                style={{ width: 110 }}
                onChange={(v) => setIndicator(i, { direction: v })}
                options={[
                  { value: 'higher', label: t('five.indicator.higher') },
                  { value: 'lower', label: t('five.indicator.lower') },
                ]}
              />
            ),
          },
          {
            title: t('five.indicator.method'),
            render: (_, x, i) => (
              <Space>
                <Select
                  value={x.normalise.method}
                  style={{ width: 100 }}
                  onChange={(m) =>
                    setIndicator(i, {
                      normalise:
                        m === 'target'
                          ? { method: 'target', target: 100 }
                          : { method: 'min_max', min: 0, max: 100 },
                    })
                  }
                  options={[
                    { value: 'target', label: t('five.indicator.target') },
                    { value: 'min_max', label: t('five.indicator.minMax') },
                  ]}
                />
                {x.normalise.method === 'target' ? (
                  <InputNumber
                    value={x.normalise.target}
                    onChange={(v) => setIndicator(i, { normalise: { method: 'target', target: v ?? 1 } })}
                  />
                ) : (
                  <>
                    <InputNumber
                      value={x.normalise.min}
                      onChange={(v) =>
                        x.normalise.method === 'min_max' &&
                        setIndicator(i, { normalise: { ...x.normalise, min: v ?? 0 } })
                      }
                    />
                    <InputNumber
                      value={x.normalise.max}
                      onChange={(v) =>
                        x.normalise.method === 'min_max' &&
                        setIndicator(i, { normalise: { ...x.normalise, max: v ?? 100 } })
                      }
                    />
                  </>
                )}
              </Space>
            ),
          },
          {
            title: t('five.indicator.source'),
            render: (_, x, i) => (
              <Select
                value={x.source}
                style={{ width: 130 }}
                onChange={(v) => setIndicator(i, { source: v })}
                options={FIVE_EDU_SOURCES.map((s) => ({
                  value: s,
                  label: t(`five.source.${s}` as MessageKey),
                }))}
              />
            ),
          },
          {
            title: '',
            render: (_, _x, i) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  onChange({ ...element, indicators: element.indicators.filter((_, k) => k !== i) })
                }
              >
                {t('five.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Button
        size="small"
        onClick={() =>
          onChange({
            ...element,
            indicators: [
              ...element.indicators,
              newIndicator(`${element.code}-${element.indicators.length + 1}`),
            ],
          })
        }
      >
        {t('five.indicator.add')}
      </Button>
    </Space>
  );
}
