/**
 * The child units of the unit on show: two charts (达标 vs 落后 per unit; per category, teachers behind its pace)
 * and the same figures in a sortable table. A click on a bar or a row opens that unit.
 */
import type { ComplianceRow, HoursCompliance } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';
import { hours } from '../outcomes/outcome-status-tag';
import { CategoryChart, StatusChart } from './compliance-charts';
import { useComplianceRules } from './compliance-summary';

/**
 * Units drawn at once: a page of the table, and the charts' bars (the most behind, the API's first). A county's
 * fifty schools, or a city's hundreds, would otherwise be drawn whole in two SVG charts and the table on every
 * drill-down; the table pages through the rest.
 */
export const UNITS_PAGE_SIZE = 20;

const rate = (u: ComplianceRow) => (u.teachers === 0 ? null : u.onTrack / u.teachers);
const red = (n: number, text: string | number = n) =>
  n > 0 ? <Typography.Text type="danger">{text}</Typography.Text> : text;

export function ComplianceUnits({
  report,
  onOpen,
}: {
  report: HoursCompliance;
  onOpen: (orgId: string) => void;
}) {
  const { t } = useI18n();
  const rules = useComplianceRules(report);
  const categories = report.categories.map((c) => ({
    category: c.category,
    label: t(`hours.cat.${c.category}`),
  }));
  // a unit opens unless it is the one on show (a school lists itself)
  const opens = (u: ComplianceRow) => u.orgId !== report.unit.id;
  const open = (u: ComplianceRow) => {
    if (opens(u)) onOpen(u.orgId);
  };
  const num = (pick: (u: ComplianceRow) => number) => (a: ComplianceRow, b: ComplianceRow) =>
    pick(a) - pick(b);
  const columns: TableColumnsType<ComplianceRow> = [
    {
      title: t('hc.col.unit'),
      dataIndex: 'name',
      fixed: 'left',
      width: 180,
      render: (name: string, u) =>
        opens(u) ? (
          <Typography.Link onClick={() => open(u)} data-testid={`hc-unit-${u.orgId}`}>
            {name}
          </Typography.Link>
        ) : (
          name
        ),
    },
    { title: t('hc.col.teachers'), dataIndex: 'teachers', align: 'right', sorter: num((u) => u.teachers) },
    { title: t('hc.col.onTrack'), dataIndex: 'onTrack', align: 'right', sorter: num((u) => u.onTrack) },
    {
      title: t('hc.col.behind'),
      dataIndex: 'behind',
      align: 'right',
      sorter: num((u) => u.behind),
      render: (n: number) => red(n),
    },
    {
      title: t('hc.col.rate'),
      key: 'rate',
      align: 'right',
      sorter: num((u) => rate(u) ?? -1),
      render: (_: unknown, u) => {
        const r = rate(u);
        return r === null ? '—' : `${Math.round(r * 1000) / 10}%`;
      },
    },
    {
      title: t('hc.col.short'),
      dataIndex: 'shortTenths',
      align: 'right',
      sorter: num((u) => u.shortTenths),
      render: (n: number) => red(n, hours(n)),
    },
    {
      title: t('hc.col.yearBehind'),
      dataIndex: 'yearBehind',
      align: 'right',
      sorter: num((u) => u.yearBehind),
      render: (n: number) => red(n),
    },
    ...categories.map((c) => {
      const behind = (u: ComplianceRow) => u.categories.find((x) => x.category === c.category)?.behind ?? 0;
      return {
        title: t('hc.col.catBehind', { label: c.label }),
        key: `cat-${c.category}`,
        align: 'right' as const,
        sorter: num(behind),
        render: (_: unknown, u: ComplianceRow) => red(behind(u)),
      };
    }),
  ];
  const labels = { onTrack: t('hc.series.onTrack'), behind: t('hc.series.behind') };
  const units = report.units;
  const charted = units.slice(0, UNITS_PAGE_SIZE);
  return (
    <Card size="small" title={t('hc.unitsOf', { name: report.unit.name })} data-testid="hc-units">
      {units.length === 0 ? (
        <Empty description={t('hc.noUnits')} />
      ) : (
        <>
          <Row gutter={[16, 8]}>
            <Col xs={24} xl={categories.length > 0 ? 12 : 24}>
              <Typography.Text strong>
                {t('hc.chartStatus')}
                <RuleRef rules={rules.onTrack} />
              </Typography.Text>
              <StatusChart units={charted} labels={labels} onOpen={open} />
            </Col>
            {categories.length > 0 ? (
              <Col xs={24} xl={12}>
                <Typography.Text strong>
                  {t('hc.chartCategories')}
                  <RuleRef rules={rules.categories} />
                </Typography.Text>
                <CategoryChart units={charted} categories={categories} onOpen={open} />
              </Col>
            ) : null}
          </Row>
          <Space size={12} wrap>
            {units.length > charted.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="hc-chart-top">
                {t('hc.chartTop', { n: charted.length, total: units.length })}
              </Typography.Text>
            ) : null}
            {units.some(opens) ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hc.chartHint')}
              </Typography.Text>
            ) : null}
          </Space>
          <Table<ComplianceRow>
            rowKey="orgId"
            size="small"
            style={{ marginTop: 12 }}
            columns={columns}
            dataSource={units}
            pagination={
              units.length > UNITS_PAGE_SIZE
                ? { pageSize: UNITS_PAGE_SIZE, showSizeChanger: false, size: 'small' }
                : false
            }
            scroll={{ x: 'max-content' }}
            data-testid="hc-units-table"
          />
        </>
      )}
    </Card>
  );
}
