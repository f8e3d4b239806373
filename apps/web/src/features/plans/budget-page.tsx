import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BudgetCategory, BudgetReport, SpendingEntryBody } from '@yanxun/contracts';
import { BUDGET_CATEGORY_CODES } from '@yanxun/contracts';
import { App, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, isApiError } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { BudgetChart } from './budget-chart';
import { formatYuan, parseYuan } from './money';

type Line = BudgetReport['lines'][number];
type Cmp = BudgetReport['comparison']['categories'][number];

function SpendingForm({ programmeId }: { programmeId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [category, setCategory] = useState<BudgetCategory>('centralized');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () => {
      const fen = parseYuan(amount);
      if (fen === undefined || fen === 0) throw new Error(t('budget.badAmount'));
      if (!date) throw new Error(t('budget.needDate'));
      return api.addSpending(programmeId, {
        category,
        amountFen: fen,
        spentOn: date,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    },
    onSuccess: (b) => {
      qc.setQueryData(['budget', programmeId], b);
      setAmount('');
      setNote('');
      message.success(t('budget.added'));
    },
    onError: (e) => message.error(isApiError(e) ? errorMessage(e, lang) : (e as Error).message),
  });
  return (
    <Space wrap>
      <Select
        value={category}
        style={{ width: 200 }}
        onChange={setCategory}
        options={BUDGET_CATEGORY_CODES.map((c) => ({ value: c, label: t(`budget.category.${c}`) }))}
      />
      <Input
        aria-label={t('budget.amount')}
        style={{ width: 160 }}
        placeholder={t('budget.amountHint')}
        suffix="元"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <DateField value={date} onChange={setDate} />
      <Input
        style={{ width: 220 }}
        placeholder={t('budget.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="primary" loading={add.isPending} onClick={() => add.mutate()}>
        {t('budget.add')}
      </Button>
    </Space>
  );
}

export function BudgetView({ report }: { report: BudgetReport }) {
  const { t } = useI18n();
  const c = report.comparison;
  const catName = (code: BudgetCategory) => t(`budget.category.${code}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('budget.seats')} value={report.seats} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('budget.studios')} value={report.studios} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('budget.total')} value={formatYuan(c.budgetFen)} suffix="元" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('budget.actual')}
            value={formatYuan(c.actualFen)}
            suffix="元"
            styles={{ content: { color: c.actualFen > c.budgetFen ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      <Card size="small" title={t('budget.chart')}>
        <BudgetChart
          budgetLabel={t('budget.budget')}
          actualLabel={t('budget.actual')}
          categories={c.categories.map((x) => ({ ...x, name: catName(x.category) }))}
        />
      </Card>
      <Card size="small" title={t('budget.byCategory')}>
        <Table<Cmp>
          rowKey="category"
          size="small"
          pagination={false}
          dataSource={c.categories}
          columns={[
            {
              title: t('budget.categoryLabel'),
              render: (_, x) => (
                <>
                  {catName(x.category)}
                  <RuleRef rules={x.ruleIds} />
                </>
              ),
            },
            { title: t('budget.budget'), align: 'right', render: (_, x) => formatYuan(x.budgetFen) },
            { title: t('budget.actual'), align: 'right', render: (_, x) => formatYuan(x.actualFen) },
            {
              title: t('budget.variance'),
              align: 'right',
              render: (_, x) => (
                <Typography.Text type={x.varianceFen < 0 ? 'danger' : undefined}>
                  {formatYuan(x.varianceFen)}
                </Typography.Text>
              ),
            },
            {
              title: '',
              render: (_, x) =>
                x.overBudget ? (
                  <Space size={0}>
                    <Tag color="error">{t('budget.over')}</Tag>
                    <RuleRef rules={c.ruleId} />
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('budget.lines')}>
        <Table<Line>
          rowKey={(l) => `${l.category}-${l.label}`}
          size="small"
          pagination={false}
          dataSource={report.lines}
          columns={[
            {
              title: t('budget.item'),
              dataIndex: 'label',
              render: (label: string, l) => (
                <>
                  {label}
                  <RuleRef rules={l.ruleId} />
                </>
              ),
            },
            { title: t('budget.quantity'), render: (_, l) => `${l.quantity} ${l.unit}` },
            { title: t('budget.people'), dataIndex: 'people', align: 'right' },
            { title: t('budget.unitPrice'), align: 'right', render: (_, l) => formatYuan(l.unitFen) },
            { title: t('budget.amount'), align: 'right', render: (_, l) => formatYuan(l.amountFen) },
          ]}
        />
      </Card>
      <Card size="small" title={t('budget.spending')}>
        <Table<SpendingEntryBody>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={report.spending}
          columns={[
            { title: t('budget.date'), dataIndex: 'spentOn' },
            { title: t('budget.categoryLabel'), render: (_, s) => catName(s.category) },
            { title: t('budget.amount'), align: 'right', render: (_, s) => formatYuan(s.amountFen) },
            { title: t('budget.note'), render: (_, s) => s.note ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}

export function BudgetPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['budget', id], queryFn: () => api.budget(id) });
  if (q.error) return <QueryError error={q.error} full onRetry={() => q.refetch()} />;
  if (!q.data) return <Card loading />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('budget.title')} · {q.data.programmeTitle}
      </Typography.Title>
      {q.data.canWrite ? (
        <Card size="small" title={t('budget.record')}>
          <SpendingForm programmeId={id} />
        </Card>
      ) : null}
      <BudgetView report={q.data} />
    </Space>
  );
}
