import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { PackPreview, PackProblemBody, PolicyPackBody } from '@yanxun/contracts';
import { Button, Card, Empty, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { CompareBarChart } from './compare-bar-chart';
import { editsToChanges, type PackEdits, packProblemsOf } from './pack-format';
import { RuleErrorAlert } from './rule-error';

/** Names without what they all share ("清远市清城区源潭镇中心小学" → "源潭镇中心小学"), for short axis labels. */
export function shortNames(names: string[]): string[] {
  if (names.length < 2) return names;
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.length >= 2 && names.every((n) => n.length > prefix.length)
    ? names.map((n) => n.slice(prefix.length))
    : names;
}

function Delta({ now, next }: { now: number; next: number }) {
  const d = next - now;
  if (d === 0) return <Typography.Text type="secondary">±0</Typography.Text>;
  return <Typography.Text type={d > 0 ? 'success' : 'danger'}>{d > 0 ? `+${d}` : d}</Typography.Text>;
}

/**
 * What-if: how many teachers in the user's scope are eligible for a project type now and with the unsaved
 * edits, in total and per county (per school inside one county), before anything is saved.
 */
export function PackWhatIf({
  packId,
  pack,
  edits,
  onProblems,
}: {
  packId: string;
  pack: PolicyPackBody;
  edits: PackEdits;
  onProblems: (problems: PackProblemBody[]) => void;
}) {
  const { t } = useI18n();
  const types = pack.projectTypes;
  const [typeCode, setTypeCode] = useState<string | undefined>(
    // the project type whose rules were edited, else the last one (乡村骨干: the largest group)
    () => {
      const edited = Object.keys(edits)
        .map((p) => /^projectTypes\[(\d+)\]/.exec(p)?.[1])
        .find(Boolean);
      return types[Number(edited ?? types.length - 1)]?.code;
    },
  );
  const type = types.find((x) => x.code === typeCode);
  const [trackCode, setTrackCode] = useState<string | undefined>(undefined);
  const changes = editsToChanges(pack, edits);
  const preview = useMutation({
    mutationFn: () =>
      api.previewPack(packId, {
        projectTypeCode: typeCode ?? '',
        ...(trackCode ? { trackCode } : {}),
        ...(changes.length > 0 ? { changes } : {}),
      }),
    onSuccess: () => onProblems([]),
    onError: (err) => {
      if (isApiError(err)) onProblems(packProblemsOf(err.details));
    },
  });
  const data: PackPreview | undefined = preview.data;
  const changed = data?.changed ?? null;
  // units with nobody eligible either way would only flatten the chart
  const units = (data?.byUnit ?? []).filter((u) => u.eligible > 0 || (u.changedEligible ?? 0) > 0);

  return (
    <Card
      title={
        <Space>
          <ExperimentOutlined />
          {t('prog.whatIf.title')}
        </Space>
      }
      data-testid="what-if"
    >
      <Typography.Paragraph type="secondary">{t('prog.whatIf.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          value={typeCode}
          onChange={(v: string) => {
            setTypeCode(v);
            setTrackCode(undefined);
          }}
          options={types.map((x) => ({ value: x.code, label: x.name }))}
          style={{ width: 320 }}
          aria-label={t('prog.whatIf.type')}
          data-testid="what-if-type"
        />
        {type && type.tracks.length > 1 ? (
          <Select
            value={trackCode ?? type.tracks[0]?.code}
            onChange={(v: string) => setTrackCode(v)}
            options={type.tracks.map((tr) => ({ value: tr.code, label: String(tr.name ?? tr.code) }))}
            style={{ width: 240 }}
            aria-label={t('prog.whatIf.track')}
          />
        ) : null}
        <Button
          type="primary"
          onClick={() => preview.mutate()}
          loading={preview.isPending}
          disabled={!typeCode}
          data-testid="what-if-run"
        >
          {changes.length > 0 ? t('prog.whatIf.runChanged', { n: changes.length }) : t('prog.whatIf.run')}
        </Button>
      </Space>
      {preview.isError ? <RuleErrorAlert error={preview.error} /> : null}
      {!data && !preview.isError ? (
        <Empty description={t('prog.whatIf.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : null}
      {data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space size={40} wrap>
            <Statistic title={t('prog.whatIf.teachers')} value={data.teachers} />
            <Statistic
              title={t('prog.whatIf.eligibleNow')}
              value={data.current.eligible}
              data-testid="what-if-now"
            />
            {changed ? (
              <Statistic
                title={t('prog.whatIf.eligibleChanged')}
                value={changed.eligible}
                suffix={<Delta now={data.current.eligible} next={changed.eligible} />}
                data-testid="what-if-changed"
              />
            ) : null}
            <Statistic
              title={t('prog.whatIf.needsOverride')}
              value={changed ? changed.needsOverride : data.current.needsOverride}
            />
          </Space>
          <Typography.Text type="secondary">
            {t('prog.whatIf.reference', { date: data.referenceDate, ms: data.elapsedMs })}
          </Typography.Text>
          {units.length > 0 ? (
            <CompareBarChart
              categories={shortNames(units.map((u) => u.orgName))}
              series={[
                {
                  name: t('prog.whatIf.seriesNow'),
                  values: units.map((u) => u.eligible),
                  color: '#8aa8d6',
                },
                ...(changed
                  ? [
                      {
                        name: t('prog.whatIf.seriesChanged'),
                        values: units.map((u) => u.changedEligible ?? 0),
                        color: '#1d5fbf',
                      },
                    ]
                  : []),
              ]}
            />
          ) : null}
          {units.length < data.byUnit.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('prog.whatIf.hiddenUnits', { n: data.byUnit.length - units.length })}
            </Typography.Text>
          ) : null}
          <Table
            size="small"
            rowKey={(r) => `${r.ruleId}-${r.label}`}
            pagination={false}
            title={() => <Typography.Text strong>{t('prog.whatIf.failedByRule')}</Typography.Text>}
            dataSource={data.current.failedByRule.map((r) => ({
              ...r,
              changed:
                changed?.failedByRule.find((c) => c.ruleId === r.ruleId && c.label === r.label)?.failed ??
                null,
            }))}
            columns={[
              { title: t('prog.pack.ruleId'), dataIndex: 'ruleId', width: 140 },
              { title: t('prog.pack.item'), dataIndex: 'label' },
              { title: t('prog.whatIf.failedNow'), dataIndex: 'failed', width: 140, align: 'right' },
              ...(changed
                ? [
                    {
                      title: t('prog.whatIf.failedChanged'),
                      dataIndex: 'changed',
                      width: 140,
                      align: 'right' as const,
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
