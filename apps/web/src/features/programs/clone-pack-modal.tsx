import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PackSummary } from '@yanxun/contracts';
import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { currentYear } from '../../shared/time';
import { metaRequest, PackMetaFields, type PackMetaValues } from './pack-meta';
import { RuleErrorAlert } from './rule-error';

type CloneValues = PackMetaValues & { year: number };

/**
 * "Clone for next year": a new draft of the pack in the user's province or city, dates moved to that year,
 * titled and issued as the region's own (the server's defaults for the year, which the officer may change).
 */
export function ClonePackModal({ pack, onClose }: { pack: PackSummary; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CloneValues>();
  const thisYear = currentYear();
  const initialYear = Math.max(pack.year + 1, thisYear);
  const year = Form.useWatch('year', form) ?? initialYear;
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const defaults = useQuery({
    queryKey: ['pack-clone-defaults', pack.id, year],
    queryFn: () => api.cloneDefaults(pack.id, year),
    enabled: valid,
  });
  // the defaults follow the year until the officer types their own
  useEffect(() => {
    const d = defaults.data;
    if (!d) return;
    const fields = (['title', 'issuer', 'document'] as const).filter((f) => !form.isFieldTouched(f));
    form.setFieldsValue(Object.fromEntries(fields.map((f) => [f, d[f]])));
  }, [defaults.data, form]);
  const clone = useMutation({
    mutationFn: (v: CloneValues) => api.clonePack(pack.id, { year: v.year, ...metaRequest(v) }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['packs'] });
      message.success(t('prog.pack.cloned', { year: created.year }));
      onClose();
      navigate(`/packs/${encodeURIComponent(created.id)}`);
    },
  });
  const d = defaults.data;
  return (
    <Modal
      open
      title={t('prog.pack.cloneTitle', { name: pack.title })}
      okText={t('prog.pack.cloneOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={clone.isPending}
      okButtonProps={{ disabled: !d }}
      onOk={() => void form.validateFields().then((v) => clone.mutate(v))}
    >
      <Typography.Paragraph type="secondary">{t('prog.pack.cloneHelp')}</Typography.Paragraph>
      <Form<CloneValues> form={form} layout="vertical" initialValues={{ year: initialYear }}>
        <Form.Item
          name="year"
          label={t('prog.pack.cloneYear')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} data-testid="clone-year" />
        </Form.Item>
        {d ? (
          <Typography.Paragraph strong data-testid="clone-region">
            {t('prog.pack.cloneRegion', { name: d.regionName })}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('prog.pack.cloneMetaHelp')}
        </Typography.Paragraph>
        <PackMetaFields />
      </Form>
      {d?.adoptsFrom ? (
        <Alert
          type="info"
          showIcon
          data-testid="clone-adopts"
          title={t('prog.pack.cloneAdopts', { issuer: d.adoptsFrom.issuer, year: d.adoptsFrom.year })}
        />
      ) : null}
      {defaults.isError ? <RuleErrorAlert error={defaults.error} /> : null}
      {clone.isError ? <RuleErrorAlert error={clone.error} /> : null}
    </Modal>
  );
}
