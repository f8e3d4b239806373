/**
 * The head of 学时达标: the unit, the day and school year, the cycle, and the unit's figures as small cards. The
 * rules behind the figures are ⓘ beside their titles (officers only), never in the sentences.
 */
import type { HoursCompliance } from '@yanxun/contracts';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { schoolYearLabel, schoolYearSpanLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { RuleRef, type RuleRefItem } from '../../shared/rule-ref';
import { hours } from '../outcomes/outcome-status-tag';

/** The rules of the cycle's progress and of the school year's pace, each with what it applies today. */
export function useComplianceRules(c: HoursCompliance) {
  const { t } = useI18n();
  const groupName = (name: string) => name || t('hc.groupDefault');
  const onTrack: RuleRefItem[] = [
    {
      ruleId: c.onTrackRuleId,
      value: t('hc.ruleOnTrack', {
        values: c.groups
          .map(
            (g) =>
              `${groupName(g.name)} ${hours(g.targetTenths)} × ${c.elapsedYears} ÷ ${c.cycleSchoolYears.length} = ${hours(g.expectedTenths)}`,
          )
          .join('；'),
      }),
    },
  ];
  const withMin = c.groups.filter((g) => g.yearMinTenths !== null);
  const pace: RuleRefItem[] = [
    {
      ruleId: c.paceRuleId,
      value: t('hc.rulePace', {
        pace: withMin.map((g) => `${groupName(g.name)} ${hours(g.yearPaceTenths)}`).join('，') || '—',
      }),
    },
    ...withMin.flatMap((g) =>
      g.yearMinRuleId
        ? [
            {
              ruleId: g.yearMinRuleId,
              value: t('hc.ruleGroup', {
                group: groupName(g.name),
                required: hours(g.yearMinTenths ?? 0),
                pace: hours(g.yearPaceTenths),
              }),
            },
          ]
        : [],
    ),
  ];
  const categories: RuleRefItem[] = c.categories.map((x) => ({
    ruleId: x.ruleId,
    value: `${x.label}：${t('hc.ruleCategory', { required: hours(x.requiredTenths), pace: hours(x.paceTenths) })}`,
  }));
  return { onTrack, pace, categories };
}

function Figure({ title, rules, children }: { title: string; rules?: RuleRefItem[]; children: ReactNode }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">
        {title}
        {rules ? <RuleRef rules={rules} /> : null}
      </Typography.Text>
      <div>{children}</div>
    </Card>
  );
}

export function ComplianceSummary({ report, trail }: { report: HoursCompliance; trail: ReactNode }) {
  const { t, lang } = useI18n();
  const rules = useComplianceRules(report);
  const total = report.total;
  const years = schoolYearSpanLabel(
    report.cycleSchoolYears[0] ?? '',
    report.cycleSchoolYears.at(-1) ?? '',
    lang,
  );
  const pct = total.teachers === 0 ? null : Math.round((total.onTrack / total.teachers) * 1000) / 10;
  const danger = (n: number) => (n > 0 ? { content: { color: '#cf1322' } } : {});
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="hc-summary">
      <Card size="small">
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {trail}
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="hc-unit">
            {t('hc.title')} · {report.unit.name}
          </Typography.Title>
          <Typography.Text>
            {t('hc.asOf', { asOf: report.asOf, schoolYear: schoolYearLabel(report.schoolYear, lang) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {report.inCycle
              ? t('hc.cycle', { years, elapsed: report.elapsedYears })
              : `${t('hc.cycle', { years, elapsed: report.elapsedYears })}（${t('hc.notInCycle')}）`}
            {' · '}
            {t('hc.expected', {
              groups: report.groups
                .map(
                  (g) => `${g.name || t('hc.groupDefault')} ${hours(g.expectedTenths)} ${t('hc.hoursUnit')}`,
                )
                .join('，'),
            })}
          </Typography.Text>
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Figure title={t('hc.teachers')}>
            <Statistic value={total.teachers} data-testid="hc-teachers" />
          </Figure>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure title={t('hc.onTrack')} rules={rules.onTrack}>
            <Statistic
              value={total.onTrack}
              suffix={pct === null ? undefined : `（${pct}%）`}
              data-testid="hc-on-track"
            />
          </Figure>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure title={t('hc.behind')} rules={rules.onTrack}>
            <Statistic value={total.behind} styles={danger(total.behind)} data-testid="hc-behind" />
          </Figure>
        </Col>
        <Col xs={12} md={12} xl={5}>
          <Figure title={t('hc.short')} rules={rules.onTrack}>
            <Statistic
              value={hours(total.shortTenths)}
              suffix={t('hc.hoursUnit')}
              styles={danger(total.shortTenths)}
              data-testid="hc-short"
            />
          </Figure>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Figure title={t('hc.yearBehind')} rules={[...rules.pace, ...rules.categories]}>
            <Statistic
              value={total.yearBehind}
              styles={danger(total.yearBehind)}
              data-testid="hc-year-behind"
            />
          </Figure>
        </Col>
      </Row>
    </Space>
  );
}
