/**
 * Revoking a certificate of honour awarded in error (Y-EVAL-HONOUR-REVOKE): the owner's 撤销 with a reason (2–500
 * characters) on a standing certificate, saying what follows (kept on record, 已撤销 with the day on the public page,
 * no more PDF, out of the growth archive, the title it recorded removed); a revoked one shows 已撤销 with who, when
 * and why. The server's refusal is shown in its words.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SelectionDetail, SelectionHonour } from '@yanxun/contracts';
import { App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { failText } from './eval-labels';
import { SELECTIONS_KEY } from './selections-page';

/** 有效, or 已撤销 with who, when and why. */
export function HonourStatus({ h }: { h: SelectionHonour }) {
  const { t } = useI18n();
  if (!h.revokedOn) return <Tag color="green">{t('sel.valid')}</Tag>;
  return (
    <Space orientation="vertical" size={0} data-testid={`honour-revoked-${h.id}`}>
      <Tag color="red">{t('sel.revoked')}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('sel.revokedBy', {
          date: h.revokedOn,
          who: h.revokedByName ?? '—',
          reason: h.revokeReason ?? '—',
        })}
      </Typography.Text>
    </Space>
  );
}

export function RevokeHonour({ d, h }: { d: SelectionDetail; h: SelectionHonour }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useMutation({
    mutationFn: (reason: string) => api.revokeSelectionHonour(d.id, h.id, { reason }),
    onSuccess: (next) => {
      queryClient.setQueryData(['eval-selection', d.id], next);
      void queryClient.invalidateQueries({ queryKey: SELECTIONS_KEY });
      setOpen(false);
      message.success(t('sel.revokeDone', { no: h.certificateNo }));
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  const titled = d.category === 'excellent_workshop' || d.category === 'excellent_studio';
  return (
    <>
      <Button
        size="small"
        type="link"
        danger
        onClick={() => setOpen(true)}
        data-testid={`honour-revoke-${h.id}`}
      >
        {t('sel.revoke')}
      </Button>
      <Modal
        open={open}
        title={t('sel.revokeTitle', { no: h.certificateNo })}
        okText={t('sel.revoke')}
        okButtonProps={{ danger: true }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={revoke.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {h.holderName} · {h.title}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('sel.revokeIntro')}
          {titled ? ` ${t('sel.revokeTitleNote', { label: t(`sel.cat.${d.category}`) })}` : ''}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => revoke.mutate(v.reason.trim())}>
          <Form.Item
            name="reason"
            label={t('sel.revokeReason')}
            extra={t('sel.revokeReasonHint')}
            rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} aria-label={t('sel.revokeReason')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
