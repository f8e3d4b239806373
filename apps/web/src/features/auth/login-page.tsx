import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@yanxun/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, isApiError } from '../../shared/api';
import { errorMessage, retryAtOf, retryClock, waitWords } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { ME_QUERY_KEY } from '../../shared/session';
import { ChangePasswordForm } from './change-password-form';

/** Only same-site paths: `?next=https://evil.example` must not become an open redirect. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/**
 * A wrong password says so; a throttled sign-in (429) says until when, as a clock time and a length, and that the
 * right password will not help meanwhile (the same words whether or not the username exists).
 */
function LoginError({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  const retryAt = isApiError(error) && error.code === 'RATE_LIMITED' ? retryAtOf(error) : null;
  return (
    <Alert
      type={retryAt ? 'warning' : 'error'}
      showIcon
      title={
        retryAt
          ? t('login.throttled', { time: retryClock(retryAt), wait: waitWords(retryAt, lang) })
          : errorMessage(error, lang)
      }
      description={retryAt ? t('login.throttledHint') : undefined}
      style={{ marginBottom: 16 }}
      data-testid="login-error"
    />
  );
}

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const next = safeNext(params.get('next'));
  // Arriving here from a page with a session that must change its password first.
  const [pendingMe, setPendingMe] = useState<Me | null>(() => {
    const cached = queryClient.getQueryData<Me>(ME_QUERY_KEY);
    return cached?.mustChangePassword ? cached : null;
  });

  const login = useMutation({
    mutationFn: (values: LoginValues) => api.login(values),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      if (me.mustChangePassword) setPendingMe(me);
      else navigate(next, { replace: true });
    },
  });

  async function onPasswordChanged(updated: Me | null) {
    if (updated) queryClient.setQueryData(ME_QUERY_KEY, updated);
    else await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    navigate(next, { replace: true });
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #0f2d5c 0%, #1d5fbf 55%, #e8eef8 55%)',
      }}
    >
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <div style={{ fontSize: 32, fontWeight: 700, letterSpacing: 2 }}>{t('app.fullName')}</div>
          <div style={{ opacity: 0.85 }}>{t('app.tagline')}</div>
        </div>
        <Card
          title={pendingMe ? t('password.title') : t('login.welcome')}
          extra={
            <Button
              type="link"
              size="small"
              icon={<TranslationOutlined />}
              onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
              data-testid="lang-switch"
            >
              {t('lang.switch')}
            </Button>
          }
          styles={{ body: { paddingTop: 20 } }}
        >
          {pendingMe ? (
            <ChangePasswordForm onDone={onPasswordChanged} />
          ) : (
            <Form<LoginValues>
              layout="vertical"
              requiredMark={false}
              onFinish={(values) => login.mutate(values)}
              data-testid="login-form"
            >
              {login.isError ? <LoginError error={login.error} /> : null}
              <Form.Item
                label={t('login.username')}
                name="username"
                rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
              >
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoFocus
                  size="large"
                  data-testid="login-username"
                />
              </Form.Item>
              <Form.Item
                label={t('login.password')}
                name="password"
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  size="large"
                  data-testid="login-password"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={login.isPending}
                data-testid="login-submit"
              >
                {t('login.submit')}
              </Button>
            </Form>
          )}
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
