/** The staff of a training plan: each person by role (PLAN_STAFF_ROLE_CODES) and name. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanStaffBody, TrainingPlanBody } from '@yanxun/contracts';
import { PLAN_STAFF_ROLE_CODES } from '@yanxun/contracts';
import { Button, Card, Input, Select, Table } from 'antd';
import { useI18n } from '../../shared/i18n';

export function StaffEditor({
  plan,
  disabled,
  onChange,
}: {
  plan: TrainingPlanBody;
  disabled: boolean;
  onChange: (p: TrainingPlanBody) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<PlanStaffBody>) =>
    onChange({ ...plan, staff: plan.staff.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <Card
      title={t('plans.staff')}
      size="small"
      extra={
        disabled ? null : (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              onChange({ ...plan, staff: [...plan.staff, { role: 'subject_class_teacher', name: '' }] })
            }
          >
            {t('plans.addStaff')}
          </Button>
        )
      }
    >
      <Table<PlanStaffBody & { key: number }>
        size="small"
        pagination={false}
        dataSource={plan.staff.map((s, key) => ({ ...s, key }))}
        columns={[
          {
            title: t('plans.role'),
            width: 150,
            render: (_, s) => (
              <Select
                value={s.role}
                disabled={disabled}
                style={{ width: 140 }}
                options={PLAN_STAFF_ROLE_CODES.map((r) => ({ value: r, label: t(`plans.role.${r}`) }))}
                onChange={(role) => set(s.key, { role })}
              />
            ),
          },
          {
            title: t('plans.name'),
            render: (_, s) => (
              <Input
                value={s.name}
                disabled={disabled}
                onChange={(e) => set(s.key, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('plans.staffTitle'),
            render: (_, s) => (
              <Input
                value={s.title ?? ''}
                disabled={disabled}
                onChange={(e) => set(s.key, { title: e.target.value })}
              />
            ),
          },
          {
            title: t('plans.organisation'),
            render: (_, s) => (
              <Input
                value={s.organisation ?? ''}
                disabled={disabled}
                onChange={(e) => set(s.key, { organisation: e.target.value })}
              />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_, s) =>
              disabled ? null : (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('plans.remove')}
                  onClick={() => onChange({ ...plan, staff: plan.staff.filter((_, j) => j !== s.key) })}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
