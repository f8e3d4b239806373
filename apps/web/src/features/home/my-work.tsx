import { RightOutlined } from '@ant-design/icons';
import type { ClassSummary, HomeClasses, PlanSummary } from '@yanxun/contracts';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { lightCountTags } from '../classes/light-tag';
import { PlanStatusTag } from '../plans/plan-status-tag';

const phaseOf = (c: ClassSummary, asOf: string) =>
  asOf < c.startDate ? 'upcoming' : asOf > c.endDate ? 'finished' : 'running';
const PHASE_COLOR = { running: 'processing', upcoming: 'default', finished: 'default' } as const;

/** A provider's or trainer's classes: running, next, then ended; each opens its page, the lights its board. */
export function MyClasses({ classes, asOf }: { classes: HomeClasses; asOf: string }) {
  const { t } = useI18n();
  return (
    <Card
      title={
        <Space size={8} wrap>
          {t('home.classes')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {t('home.classesNote', { running: classes.running, upcoming: classes.upcoming })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Link to="/classes">
          {t('home.classesAll', { n: classes.total })} <RightOutlined />
        </Link>
      }
      data-testid="home-classes"
      styles={{ body: { paddingTop: 4 } }}
    >
      {classes.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.classesNone')} />
      ) : (
        <ItemList
          items={classes.items}
          rowKey={(c) => c.id}
          itemProps={() => ({ 'data-testid': 'home-class' })}
          render={(c) => {
            const phase = phaseOf(c, asOf);
            return (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={6} wrap>
                  <Tag color={PHASE_COLOR[phase]}>{t(`home.phase.${phase}`)}</Tag>
                  <Link to={`/classes/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {c.programmeTitle}
                </Typography.Text>
                <Space size={8} wrap style={{ fontSize: 13 }}>
                  <span>
                    {c.startDate} ~ {c.endDate}
                  </span>
                  <span>{t('home.enrolled', { n: c.enrolled })}</span>
                  {lightCountTags(c.lights, ['red', 'amber'])}
                </Space>
              </Space>
            );
          }}
        />
      )}
    </Card>
  );
}

/** A provider's own plans, newest first, with their status. */
export function MyPlans({ plans }: { plans: PlanSummary[] }) {
  const { t } = useI18n();
  return (
    <Card
      title={t('home.plans')}
      extra={
        <Link to="/plans">
          {t('home.plansAll')} <RightOutlined />
        </Link>
      }
      data-testid="home-plans"
      styles={{ body: { paddingTop: 4 } }}
    >
      {plans.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.plansNone')} />
      ) : (
        <ItemList
          size="small"
          items={plans.slice(0, 6)}
          rowKey={(p) => p.id}
          render={(p) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space size={6} wrap>
                <PlanStatusTag status={p.status} />
                <Link to={`/plans/${encodeURIComponent(p.id)}`}>{p.programmeTitle}</Link>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.ownerOrgName} · {dayjs(p.updatedAt).format('YYYY-MM-DD')}
              </Typography.Text>
            </Space>
          )}
        />
      )}
    </Card>
  );
}
