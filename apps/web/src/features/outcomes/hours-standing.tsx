import type { HoursStanding } from '@yanxun/contracts';
import { Progress, Space, Tag, Typography } from 'antd';
import { schoolYearLabel, schoolYearSpanLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';
import { cycleSentence, requirementSentence } from './hours-words';
import { hours } from './outcome-status-tag';

const STATUS_COLOR = { met: 'green', not_met: 'red', in_progress: 'blue' } as const;

/**
 * Where a teacher stands: the continuing-education cycle (counted of the target, on track or how far behind), each
 * requirement of the school years begun (校本研修 24 学时, 教研员 90 …) in words, and the totals by school year.
 * The rules are in ⓘ for those who read rules.
 */
export function HoursStandingView({ standing }: { standing: HoursStanding }) {
  const { t, lang } = useI18n();
  const { cycle } = standing;
  const first = cycle.schoolYears[0] ?? '';
  const last = cycle.schoolYears[cycle.schoolYears.length - 1] ?? '';
  const percent =
    cycle.targetTenths > 0 ? Math.min(100, (cycle.countedTenths / cycle.targetTenths) * 100) : 0;
  const yearRequirements = standing.requirements.filter((r) => r.code !== 'CYCLE_TOTAL');
  return (
    <Space
      orientation="vertical"
      size={8}
      style={{ width: '100%', marginBottom: 12 }}
      data-testid="hours-standing"
    >
      <div>
        <Space size={6} wrap>
          <Typography.Text strong>
            {t('hours.cycle', { years: schoolYearSpanLabel(first, last, lang) })}
          </Typography.Text>
          {cycle.onTrack ? (
            <Tag color="green">{t('hours.onTrack')}</Tag>
          ) : (
            <Tag color="orange">{t('hours.behind', { n: hours(cycle.shortOfExpectedTenths) })}</Tag>
          )}
          <RuleRef rules={[cycle.targetRuleId, cycle.onTrackRuleId]} />
        </Space>
        <Progress
          percent={Number(percent.toFixed(1))}
          format={() =>
            t('hours.cycleProgress', { n: hours(cycle.countedTenths), target: hours(cycle.targetTenths) })
          }
          data-testid="hours-cycle"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {cycleSentence(t, lang, cycle)}
        </Typography.Text>
      </div>
      {yearRequirements.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="hours-requirements">
          {yearRequirements.map((r) => (
            <li key={`${r.code}-${r.schoolYear}-${r.category ?? ''}`} style={{ padding: '2px 0' }}>
              <Tag color={STATUS_COLOR[r.status]}>{t(`hours.req.${r.status}`)}</Tag>
              <span>{requirementSentence(t, lang, r)}</span>
              <RuleRef rules={r.ruleId} />
            </li>
          ))}
        </ul>
      ) : null}
      {standing.years.map((y) => (
        <Typography.Text key={y.schoolYear} type="secondary" style={{ fontSize: 12 }}>
          {t('hours.year', { year: schoolYearLabel(y.schoolYear, lang), n: hours(y.countedTenths) })}
          {y.categories.length > 0
            ? t('hours.yearCategories', {
                list: y.categories
                  .map((c) => `${t(`hours.cat.${c.category}`)} ${hours(c.countedTenths)}`)
                  .join(t('hours.yearCategories.sep')),
              })
            : ''}
          {y.notCountedTenths > 0 ? t('hours.yearOver', { n: hours(y.notCountedTenths) }) : ''}
        </Typography.Text>
      ))}
    </Space>
  );
}
