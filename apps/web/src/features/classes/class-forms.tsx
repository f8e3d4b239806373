import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ClassDetail,
  type ClassDocumentKind,
  type CreateSessionRequest,
  DOCUMENT_KINDS,
} from '@yanxun/contracts';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { api, isApiError } from '../../shared/api';
import { DateField, TimeField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { ReasonWithRule, RuleRef } from '../../shared/rule-ref';
import { todayIso } from '../../shared/time';

const SESSION_MODES = ['centralized', 'online', 'shadowing', 'practice', 'workshop'] as const;

/**
 * The server's own message says why in words (the dates); its rule (details.ruleId, e.g. Y-004-CLASS-DATES) goes in
 * the officers' ⓘ. Falls back to the generic text.
 */
function ServerError({ error }: { error: unknown }) {
  const { lang } = useI18n();
  if (!error) return null;
  const message = isApiError(error) && error.message ? error.message : errorMessage(error, lang);
  const d = isApiError(error) ? (error.details as { ruleId?: unknown } | undefined) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={<ReasonWithRule reason={message} rules={typeof d?.ruleId === 'string' ? d.ruleId : null} />}
      style={{ marginBottom: 12 }}
      data-testid="form-error"
    />
  );
}

interface ClassValues {
  programmeId: string;
  name: string;
  periodNo: number;
  startDate: string;
  endDate: string;
  venue?: string;
  providerOrgId: string;
}

/** 开班: a bureau opens a class of one of its programmes and gives it to a provider. */
export function CreateClassModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (c: ClassDetail) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClassValues>();
  const programmes = useQuery({
    queryKey: ['programmes', { pageSize: 100 }],
    queryFn: () => api.listProgrammes({ page: 1, pageSize: 100 }),
  });
  const providers = useQuery({ queryKey: ['class-providers'], queryFn: () => api.classProviders() });
  const create = useMutation({
    mutationFn: (v: ClassValues) =>
      api.createClass({
        programmeId: v.programmeId,
        name: v.name,
        periodNo: v.periodNo,
        startDate: v.startDate,
        endDate: v.endDate,
        venue: v.venue ?? '',
        providerOrgId: v.providerOrgId,
      }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['classes'] });
      onCreated(c);
    },
  });
  const required = [{ required: true, message: t('classForm.required') }];
  const programmeOf = (id: string | undefined) => programmes.data?.items.find((p) => p.id === id);

  return (
    <Modal
      open
      width={620}
      title={t('classForm.openTitle')}
      okText={t('classForm.openOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'class-create-ok' } as Record<string, string>}
      onOk={
        () =>
          void form
            .validateFields()
            .then((v) => create.mutate(v))
            .catch(() => {}) // the form shows what is missing
      }
    >
      <Typography.Paragraph type="secondary">
        {t('classForm.openHelp')}
        <RuleRef rules="Y-004-CLASS-DATES" />
      </Typography.Paragraph>
      <ServerError error={create.error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ periodNo: 1 }}
        onValuesChange={(changed: Partial<ClassValues>) => {
          const p = programmeOf(changed.programmeId);
          if (p) form.setFieldsValue({ startDate: p.startDate, endDate: p.endDate });
        }}
      >
        <Form.Item name="programmeId" label={t('classForm.programme')} rules={required}>
          <Select
            loading={programmes.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(programmes.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.title}（${p.startDate} ~ ${p.endDate}）`,
            }))}
            aria-label={t('classForm.programme')}
            data-testid="class-programme"
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="name" label={t('classForm.name')} rules={required} style={{ flex: 3 }}>
            <Input maxLength={100} aria-label={t('classForm.name')} />
          </Form.Item>
          <Form.Item name="periodNo" label={t('classForm.period')} rules={required} style={{ flex: 1 }}>
            <InputNumber min={1} max={99} style={{ width: '100%' }} aria-label={t('classForm.period')} />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="startDate" label={t('classForm.start')} rules={required}>
            <DateField aria-label={t('classForm.start')} />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('classForm.end')}
            dependencies={['startDate']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || !getFieldValue('startDate') || v >= getFieldValue('startDate')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('classForm.endBeforeStart'))),
              }),
            ]}
          >
            <DateField aria-label={t('classForm.end')} />
          </Form.Item>
        </Space>
        <Form.Item name="venue" label={t('classForm.venue')}>
          <Input maxLength={200} aria-label={t('classForm.venue')} />
        </Form.Item>
        <Form.Item name="providerOrgId" label={t('classForm.provider')} rules={required}>
          <Select
            loading={providers.isLoading}
            options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            aria-label={t('classForm.provider')}
            data-testid="class-provider"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SessionValues {
  date: string;
  startsAt: string;
  endsAt: string;
  title: string;
  mode: CreateSessionRequest['mode'];
  location?: string;
}

/** 课次: the provider (or the bureau) adds a timetable session to the class. */
export function AddSessionForm({ c }: { c: Pick<ClassDetail, 'id' | 'startDate' | 'endDate' | 'venue'> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SessionValues>();
  const add = useMutation({
    mutationFn: (v: SessionValues) =>
      api.addClassSession(c.id, {
        date: v.date,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        title: v.title,
        mode: v.mode,
        location: v.location ?? '',
      }),
    onSuccess: () => {
      void message.success(t('classForm.added'));
      form.resetFields(['title']);
      void queryClient.invalidateQueries({ queryKey: ['class', c.id] });
    },
  });
  const required = [{ required: true, message: t('classForm.required') }];
  return (
    <div data-testid="add-session">
      <ServerError error={add.error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{
          date: c.startDate,
          startsAt: '08:30',
          endsAt: '11:30',
          mode: 'centralized',
          location: c.venue,
        }}
        onFinish={(v) => add.mutate(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="date" label={t('classForm.sessionDate')} rules={required}>
          <DateField min={c.startDate} max={c.endDate} aria-label={t('classForm.sessionDate')} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('classForm.startsAt')} rules={required}>
          <TimeField aria-label={t('classForm.startsAt')} />
        </Form.Item>
        <Form.Item name="endsAt" label={t('classForm.endsAt')} rules={required}>
          <TimeField aria-label={t('classForm.endsAt')} />
        </Form.Item>
        <Form.Item name="title" label={t('classForm.sessionTitle')} rules={required}>
          <Input maxLength={200} style={{ minWidth: 200 }} aria-label={t('classForm.sessionTitle')} />
        </Form.Item>
        <Form.Item name="mode" label={t('classForm.mode')}>
          <Select
            style={{ minWidth: 120 }}
            options={SESSION_MODES.map((m) => ({ value: m, label: t(`mode.${m}` as MessageKey) }))}
            aria-label={t('classForm.mode')}
          />
        </Form.Item>
        <Form.Item name="location" label={t('classForm.location')}>
          <Input maxLength={200} aria-label={t('classForm.location')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('classForm.add')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

interface DocumentValues {
  kind: ClassDocumentKind;
  item?: string;
  title?: string;
  submittedOn: string;
}

/** 材料报送: record that a deadline document (报到通知书, 课程表, 工作简报, 总结报告) was submitted, and when. */
export function RecordDocumentForm({
  classId,
  finalReportItems = [],
}: {
  classId: string;
  /** the pack's outcome items (board items `final_report:<i>`): a 总结报告 must name one (R-004-15) */
  finalReportItems?: string[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DocumentValues>();
  const kind = Form.useWatch('kind', form);
  const record = useMutation({
    mutationFn: (v: DocumentValues) =>
      api.addClassDocument(classId, {
        kind: v.kind,
        item: v.kind === 'final_report' ? (v.item ?? '') : '',
        title: v.title ?? '',
        submittedOn: v.submittedOn,
      }),
    onSuccess: () => {
      void message.success(t('classForm.recorded'));
      form.resetFields(['title', 'item']);
      void queryClient.invalidateQueries({ queryKey: ['class', classId] });
      void queryClient.invalidateQueries({ queryKey: ['class-alerts'] });
    },
  });
  const required = [{ required: true, message: t('classForm.required') }];
  return (
    <div data-testid="record-document">
      <ServerError error={record.error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'registration_notice', submittedOn: todayIso() }}
        onFinish={(v) => record.mutate(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="kind" label={t('classForm.kind')} rules={required}>
          <Select
            style={{ minWidth: 130 }}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`doc.${k}` as MessageKey) }))}
            aria-label={t('classForm.kind')}
            data-testid="document-kind"
          />
        </Form.Item>
        {kind === 'final_report' ? (
          <Form.Item
            name="item"
            label={t('classForm.item')}
            rules={required}
            tooltip={t('classForm.itemHelp')}
          >
            {finalReportItems.length > 0 ? (
              <Select
                style={{ minWidth: 220 }}
                options={finalReportItems.map((i) => ({ value: i, label: i }))}
                aria-label={t('classForm.item')}
              />
            ) : (
              <Input maxLength={100} aria-label={t('classForm.item')} />
            )}
          </Form.Item>
        ) : null}
        <Form.Item name="title" label={t('classForm.docTitle')}>
          <Input maxLength={200} aria-label={t('classForm.docTitle')} />
        </Form.Item>
        <Form.Item name="submittedOn" label={t('classForm.submittedOn')} rules={required}>
          <DateField max={todayIso()} aria-label={t('classForm.submittedOn')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('classForm.record')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
