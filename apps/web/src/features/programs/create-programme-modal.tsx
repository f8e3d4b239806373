import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROGRAM_LEVEL_CODES, type Programme } from '@yanxun/contracts';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { api } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { fieldErrors } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { DATE_FORMAT } from '../../shared/time';
import { RuleErrorAlert } from './rule-error';

interface Values {
  packId: string;
  projectTypeCode: string;
  trackCode?: string;
  level?: string;
  title: string;
  selectionDeadline: string;
  dates: [Dayjs, Dayjs];
  totalSeats: number;
}

/** A programme from a published pack: project type, track, dates and seats. */
export function CreateProgrammeModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (p: Programme) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const packId = Form.useWatch('packId', form);
  const typeCode = Form.useWatch('projectTypeCode', form);
  const packs = useQuery({
    queryKey: ['packs', { status: 'published' }],
    queryFn: () => api.listPacks({ status: 'published' }),
  });
  const pack = useQuery({
    queryKey: ['pack', packId],
    queryFn: () => api.pack(packId ?? ''),
    enabled: Boolean(packId),
  });
  const type = pack.data?.pack.projectTypes.find((x) => x.code === typeCode);

  useEffect(() => {
    if (!packId && packs.data?.[0]) form.setFieldValue('packId', packs.data[0].id);
  }, [packId, packs.data, form]);
  // the type's defaults (level, first track, a title naming the type) are set when the user picks a type, never
  // by an effect: a refetch of the pack must not put back the first track the user changed, and a title the
  // form wrote for one type is replaced when the type changes, so a programme never carries another type's name
  const autoTitle = useRef<string | undefined>(undefined);
  const pickType = (code: string) => {
    const summary = pack.data?.projectTypes.find((x) => x.code === code);
    const body = pack.data?.pack.projectTypes.find((x) => x.code === code);
    if (!summary) return;
    form.setFieldValue('level', summary.level);
    form.setFieldValue('trackCode', body?.tracks[0]?.code);
    const title = String(form.getFieldValue('title') ?? '').trim();
    if (!title || title === autoTitle.current) {
      autoTitle.current = `${pack.data?.year ?? ''}年${summary.name}`;
      form.setFieldValue('title', autoTitle.current);
    }
  };

  const create = useMutation({
    mutationFn: (v: Values) =>
      api.createProgramme({
        packId: v.packId,
        projectTypeCode: v.projectTypeCode,
        ...(v.trackCode ? { trackCode: v.trackCode } : {}),
        ...(v.level ? { level: v.level as (typeof PROGRAM_LEVEL_CODES)[number] } : {}),
        title: v.title,
        selectionDeadline: v.selectionDeadline,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        totalSeats: v.totalSeats,
      }),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: ['programmes'] });
      onCreated(p);
    },
    onError: (err) => {
      const fields = fieldErrors(err);
      if (fields.length > 0) {
        form.setFields(
          fields.map((f) => ({ name: f.name.replace(/^\//, '') as keyof Values, errors: [f.message] })),
        );
      }
    },
  });

  return (
    <Modal
      open
      width={640}
      title={t('prog.programme.create')}
      okText={t('prog.programme.createOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Typography.Paragraph type="secondary">{t('prog.programme.createHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="packId"
          label={t('prog.programme.pack')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            loading={packs.isLoading}
            options={(packs.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.title}（${p.year}，v${p.version}）`,
            }))}
            onChange={() => form.setFieldsValue({ projectTypeCode: undefined, trackCode: undefined })}
            notFoundContent={t('prog.programme.noPublishedPack')}
            data-testid="programme-pack"
          />
        </Form.Item>
        <Form.Item
          name="projectTypeCode"
          label={t('prog.programme.projectType')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={(pack.data?.projectTypes ?? []).map((x) => ({ value: x.code, label: x.name }))}
            onChange={pickType}
            data-testid="programme-type"
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="trackCode" label={t('prog.programme.track')} style={{ flex: 1 }}>
            <Select
              disabled={!type}
              options={(type?.tracks ?? []).map((tr) => ({
                value: tr.code,
                label: String(tr.name ?? tr.code),
              }))}
            />
          </Form.Item>
          <Form.Item name="level" label={t('prog.programme.level')} style={{ width: 180 }}>
            <Select options={PROGRAM_LEVEL_CODES.map((l) => ({ value: l, label: t(`prog.level.${l}`) }))} />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('prog.programme.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="programme-title" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="selectionDeadline"
            label={t('prog.programme.selectionDeadline')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DateField data-testid="programme-deadline" />
          </Form.Item>
          <Form.Item
            name="dates"
            label={t('prog.programme.dates')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker.RangePicker format={DATE_FORMAT} showNow={false} data-testid="programme-dates" />
          </Form.Item>
          <Form.Item
            name="totalSeats"
            label={t('prog.programme.totalSeats')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber
              min={0}
              max={1_000_000}
              precision={0}
              style={{ width: 120 }}
              data-testid="programme-seats"
            />
          </Form.Item>
        </div>
      </Form>
      {create.isError ? <RuleErrorAlert error={create.error} /> : null}
    </Modal>
  );
}
