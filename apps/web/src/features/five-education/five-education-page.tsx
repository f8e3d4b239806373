/**
 * 五育评价 (/five-education). Officers (bureau, 教师发展中心) keep the region's frameworks (CD-24), run monitoring
 * rounds with their stratified sample (CD-25, TL-14), enter or upload indicator values and read the results with
 * what-if weights and the sensitivity list; a school admin reads its own school's results.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { anyRoleHas, type FiveEduRound } from '@yanxun/contracts';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { FrameworksPanel } from './frameworks-panel';
import { RoundView } from './round-view';

export function FiveEducationPage() {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState<string | null>(null);
  if (!me.data) return null;
  const manages = hasPermission(me.data, 'five_edu.manage');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('five.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('five.intro')}</Typography.Text>
      {open ? (
        <RoundView id={open} onBack={() => setOpen(null)} />
      ) : (
        <Tabs
          items={[
            {
              key: 'rounds',
              label: t('five.tab.rounds'),
              children: <RoundsPanel manages={manages} onOpen={setOpen} />,
            },
            ...(manages
              ? [{ key: 'frameworks', label: t('five.tab.frameworks'), children: <FrameworksPanel /> }]
              : []),
          ]}
        />
      )}
    </Space>
  );
}

function RoundsPanel({ manages, onOpen }: { manages: boolean; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['five-edu', 'rounds'], queryFn: () => api.fiveEduRounds() });
  const table = useKeyColumns<FiveEduRound>(
    [
      { title: t('five.round.name'), dataIndex: 'name' },
      { title: t('five.round.year'), dataIndex: 'year' },
      { title: t('five.round.scope'), dataIndex: 'orgName' },
      {
        title: t('five.round.framework'),
        render: (_, r) => `${r.frameworkName}（v${r.frameworkVersion}）`,
      },
      { title: t('five.round.schools'), dataIndex: 'schoolCount' },
      { title: t('five.round.seed'), render: (_, r) => r.seed ?? t('five.round.notDrawn') },
      {
        title: t('common.actions'),
        key: 'open',
        render: (_, r) => (
          <Button size="small" onClick={() => onOpen(r.id)}>
            {t('five.round.open')}
          </Button>
        ),
      },
    ],
    ['name', 'schoolCount', 'open'],
    { x: 'max-content' },
  );
  return (
    <Card
      extra={
        manages && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('five.rounds.new')}
          </Button>
        )
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<FiveEduRound>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={table.scroll}
          locale={{ emptyText: <Empty description={t('five.rounds.empty')} /> }}
          columns={table.columns}
        />
      )}
      {creating && <CreateRoundModal onClose={() => setCreating(false)} onCreated={onOpen} />}
    </Card>
  );
}

interface RoundForm {
  frameworkId: string;
  name: string;
  studentPercent: number;
  staffPercent: number;
}

function CreateRoundModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const [form] = Form.useForm<RoundForm>();
  const frameworks = useQuery({
    queryKey: ['five-edu', 'frameworks'],
    queryFn: () => api.fiveEduFrameworks(),
  });
  const published = (frameworks.data?.items ?? []).filter((f) => f.status === 'published');
  const grants = (me.data?.grants ?? []).filter((g) => anyRoleHas([g.role], 'five_edu.manage'));
  const [orgId, setOrgId] = useState<string | undefined>(grants[0]?.orgId);
  const create = useMutation({
    mutationFn: (v: RoundForm) => api.createFiveEduRound({ ...v, orgId: orgId ?? '' }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['five-edu'] });
      onClose();
      onCreated(r.id);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title={t('five.rounds.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form<RoundForm>
        form={form}
        layout="vertical"
        initialValues={{ studentPercent: 5, staffPercent: 5 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="frameworkId" label={t('five.round.framework')} rules={[{ required: true }]}>
          <Select
            options={published.map((f) => ({ value: f.id, label: `${f.year} ${f.name}（v${f.version}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('five.round.scope')}>
          <Select
            aria-label={t('five.round.scope')}
            value={orgId}
            onChange={setOrgId}
            options={grants.map((g) => ({ value: g.orgId, label: g.orgName }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('five.round.name')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="studentPercent" label={t('five.round.studentPercent')}>
          <InputNumber min={0.1} max={100} step={0.5} />
        </Form.Item>
        <Form.Item name="staffPercent" label={t('five.round.staffPercent')}>
          <InputNumber min={0.1} max={100} step={0.5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
