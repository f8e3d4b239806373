import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PackSummary } from '@yanxun/contracts';
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { currentYear } from '../../shared/time';
import { RuleErrorAlert } from './rule-error';

/** "Clone for next year": a new draft of the pack in the user's province or city, dates moved to that year. */
export function ClonePackModal({ pack, onClose }: { pack: PackSummary; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ year: number }>();
  const thisYear = currentYear();
  const clone = useMutation({
    mutationFn: (year: number) => api.clonePack(pack.id, { year }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['packs'] });
      message.success(t('prog.pack.cloned', { year: created.year }));
      onClose();
      navigate(`/packs/${encodeURIComponent(created.id)}`);
    },
  });
  return (
    <Modal
      open
      title={t('prog.pack.cloneTitle', { name: pack.title })}
      okText={t('prog.pack.cloneOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={clone.isPending}
      onOk={() => void form.validateFields().then((v) => clone.mutate(v.year))}
    >
      <Typography.Paragraph type="secondary">{t('prog.pack.cloneHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: Math.max(pack.year + 1, thisYear) }}>
        <Form.Item
          name="year"
          label={t('prog.pack.cloneYear')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} data-testid="clone-year" />
        </Form.Item>
      </Form>
      {clone.isError ? <RuleErrorAlert error={clone.error} /> : null}
    </Modal>
  );
}
