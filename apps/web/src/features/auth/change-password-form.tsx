import { useMutation } from '@tanstack/react-query';
import type { Me } from '@yanxun/contracts';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { api, isApiError } from '../../shared/api';
import {
  errorMessage,
  passwordViolations,
  retryAtOf,
  retryClock,
  waitWords,
} from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone }: { onDone: (me: Me | null) => void | Promise<void> }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (values: Values) =>
      api.changePassword({ oldPassword: values.oldPassword, newPassword: values.newPassword }),
    onSuccess: async (me) => {
      message.success(t('password.changed'));
      await onDone(me);
    },
  });
  const violations = passwordViolations(change.error);
  const retryAt =
    isApiError(change.error) && change.error.code === 'RATE_LIMITED' ? retryAtOf(change.error) : null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => change.mutate(values)}
      data-testid="password-form"
    >
      <Typography.Paragraph type="secondary">{t('password.hint')}</Typography.Paragraph>
      {change.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            retryAt
              ? t('password.throttled', { time: retryClock(retryAt), wait: waitWords(retryAt, lang) })
              : errorMessage(change.error, lang)
          }
          data-testid="password-error"
          description={
            violations.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="password-violations">
                {violations.map((v) => (
                  <li key={`${v.rule ?? ''}${v.message}`}>{v.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Form.Item
        label={t('password.old')}
        name="oldPassword"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-old" />
      </Form.Item>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
