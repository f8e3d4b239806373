/** The modules of a training plan (方案): title, mode, days or 学时, practical or not, and the compulsory-topic checklist. */
import { CheckOutlined, DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanDetail, PlanModuleBody, TrainingPlanBody } from '@yanxun/contracts';
import { Button, Card, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';

export function ModulesEditor({
  plan,
  detail,
  disabled,
  onChange,
}: {
  plan: TrainingPlanBody;
  detail: PlanDetail;
  disabled: boolean;
  onChange: (p: TrainingPlanBody) => void;
}) {
  const { t } = useI18n();
  const modes = detail.requirements.modes;
  const set = (i: number, patch: Partial<PlanModuleBody>) =>
    onChange({ ...plan, modules: plan.modules.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const unitOf = (mode: string) => modes.find((m) => m.code === mode)?.unit ?? 'days';
  const covered = new Set(plan.modules.flatMap((m) => (m.compulsoryTopic ? [m.compulsoryTopic] : [])));
  const addTopics = () =>
    onChange({
      ...plan,
      modules: [
        ...plan.modules,
        ...detail.requirements.topics
          .filter((topic) => !covered.has(topic))
          .map((topic) => ({
            title: topic,
            mode: 'online' as const,
            hoursTenths: 10,
            practical: false,
            asynchronous: true,
            compulsoryTopic: topic,
          })),
      ],
    });
  return (
    <Card
      title={t('plans.modules')}
      size="small"
      extra={
        disabled ? null : (
          <Space>
            <Button size="small" onClick={addTopics}>
              {t('plans.addTopics')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                onChange({
                  ...plan,
                  modules: [...plan.modules, { title: '', mode: 'centralized', days: 1, practical: false }],
                })
              }
            >
              {t('plans.addModule')}
            </Button>
          </Space>
        )
      }
    >
      <Table<PlanModuleBody & { key: number }>
        size="small"
        pagination={false}
        dataSource={plan.modules.map((m, key) => ({ ...m, key }))}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('plans.moduleTitle'),
            render: (_, m) => (
              <Input
                aria-label={t('plans.moduleTitle')}
                value={m.title}
                disabled={disabled}
                onChange={(e) => set(m.key, { title: e.target.value })}
              />
            ),
          },
          {
            title: t('plans.mode'),
            width: 130,
            render: (_, m) => (
              <Select
                value={m.mode}
                disabled={disabled}
                style={{ width: 120 }}
                options={modes.map((x) => ({ value: x.code, label: x.name }))}
                onChange={(mode) => {
                  const spec = modes.find((x) => x.code === mode);
                  set(m.key, {
                    mode,
                    practical: spec?.practicalByDefault ?? m.practical,
                    ...(spec?.unit === 'days'
                      ? { days: m.days ?? 1, hoursTenths: undefined }
                      : { hoursTenths: m.hoursTenths ?? 10, days: undefined }),
                  });
                }}
              />
            ),
          },
          {
            title: t('plans.amount'),
            width: 150,
            render: (_, m) =>
              unitOf(m.mode) === 'days' ? (
                <Space.Compact>
                  <InputNumber
                    min={0}
                    precision={0}
                    value={m.days ?? 0}
                    disabled={disabled}
                    onChange={(v) => set(m.key, { days: v ?? 0 })}
                  />
                  <Space.Addon>{t('plans.days')}</Space.Addon>
                </Space.Compact>
              ) : (
                <Space.Compact>
                  <InputNumber
                    min={0}
                    step={0.5}
                    precision={1}
                    value={(m.hoursTenths ?? 0) / 10}
                    disabled={disabled}
                    onChange={(v) => set(m.key, { hoursTenths: Math.round((v ?? 0) * 10) })}
                  />
                  <Space.Addon>{t('plans.hours')}</Space.Addon>
                </Space.Compact>
              ),
          },
          {
            title: t('plans.practical'),
            width: 80,
            render: (_, m) => (
              <Switch
                checked={m.practical}
                disabled={disabled}
                onChange={(v) => set(m.key, { practical: v })}
              />
            ),
          },
          {
            title: t('plans.async'),
            width: 80,
            render: (_, m) =>
              unitOf(m.mode) === 'hours' ? (
                <Switch
                  checked={m.asynchronous === true}
                  disabled={disabled}
                  onChange={(v) => set(m.key, { asynchronous: v })}
                />
              ) : null,
          },
          {
            title: t('plans.topic'),
            width: 220,
            render: (_, m) => (
              <Select
                allowClear
                value={m.compulsoryTopic}
                disabled={disabled}
                style={{ width: 210 }}
                placeholder="—"
                options={detail.requirements.topics.map((x) => ({ value: x, label: x }))}
                onChange={(v) => set(m.key, { compulsoryTopic: v })}
              />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_, m) =>
              disabled ? null : (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('plans.remove')}
                  onClick={() => onChange({ ...plan, modules: plan.modules.filter((_, j) => j !== m.key) })}
                />
              ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
        {t('plans.topicsChecklist')}
        <RuleRef rules={detail.requirements.topicsRuleId} />
      </Typography.Paragraph>
      <Space size={[4, 4]} wrap data-testid="topics">
        {detail.requirements.topics.map((topic) => (
          <Tag
            key={topic}
            color={covered.has(topic) ? 'success' : 'default'}
            icon={covered.has(topic) ? <CheckOutlined /> : <MinusOutlined />}
          >
            {topic}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}
