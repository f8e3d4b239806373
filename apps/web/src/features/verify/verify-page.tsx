/**
 * 证明与证书核验: a phone page without sign-in, reached by the QR code on a 学时证明, 结业证书 or 荣誉证书 or by typing the
 * code. It shows what the server gives a verifier (Y-VERIFY-PUBLIC): the holder's name masked, the document, its
 * hours, issuer and date, and — first and large — whether it is valid or revoked. A code not found, malformed or
 * throttled is said as such, in the server's words.
 */
import { useQuery } from '@tanstack/react-query';
import type { PublicVerification } from '@yanxun/contracts';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { LangSwitch } from '../exams/parent-page';

const hours = (tenths: number) => String(tenths / 10);

export function VerificationView({ data }: { data: PublicVerification }) {
  const { t } = useI18n();
  const valid = data.status === 'valid';
  return (
    <Card data-testid="verification">
      <Result
        style={{ padding: '8px 0 16px' }}
        status={valid ? 'success' : 'error'}
        title={valid ? t('verify.valid') : t('verify.revoked')}
        subTitle={data.message}
      />
      <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('verify.document')}>
          {t(`verify.kind.${data.kind}`)}
          {data.kind !== 'transcript' && `：${data.title}`}
        </Descriptions.Item>
        {data.certificateNo && (
          <Descriptions.Item label={t('verify.certificateNo')}>{data.certificateNo}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('verify.holder')}>{data.holder}</Descriptions.Item>
        {data.kind !== 'honour' && (
          <Descriptions.Item label={t('verify.hours')}>
            {t('verify.hoursValue', { n: hours(data.hoursTenths) })}
          </Descriptions.Item>
        )}
        {data.period && <Descriptions.Item label={t('verify.period')}>{data.period}</Descriptions.Item>}
        <Descriptions.Item label={t('verify.issuer')}>{data.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('verify.issuedOn')}>{data.issuedOn}</Descriptions.Item>
        {data.revokedOn && (
          <Descriptions.Item label={t('verify.revokedOn')}>
            <Typography.Text type="danger">{data.revokedOn}</Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('verify.code')}>
          <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap', fontSize: 13 }}>
            {data.code}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('verify.privacy')}
      </Typography.Paragraph>
    </Card>
  );
}

function VerifyError({ err }: { err: unknown }) {
  const { t, lang } = useI18n();
  const code = isApiError(err) ? err.code : null;
  const title =
    code === 'NOT_FOUND'
      ? t('verify.notFound')
      : code === 'VALIDATION_FAILED'
        ? t('verify.malformed')
        : code === 'RATE_LIMITED'
          ? t('verify.waiting')
          : null;
  return (
    <Alert
      role="alert"
      type={code === 'RATE_LIMITED' ? 'warning' : 'error'}
      showIcon
      title={title ?? errorMessage(err, lang)}
      description={title && isApiError(err) ? err.message : undefined}
    />
  );
}

export function VerifyPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['verify', code],
    queryFn: () => api.verifyDocument(code),
    enabled: code !== '',
    retry: false,
  });
  return (
    <div style={{ minHeight: '100vh', background: '#f4f6f9' }}>
      <div style={{ maxWidth: 480, margin: '0 auto', padding: '16px 16px 32px' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}
        >
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('verify.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('verify.subtitle')}</Typography.Text>
          </div>
          <LangSwitch />
        </div>
        <div style={{ marginBottom: 16 }}>
          {code === '' ? null : q.isPending ? (
            <div style={{ textAlign: 'center', padding: 32 }}>
              <Spin />
            </div>
          ) : q.error ? (
            <VerifyError err={q.error} />
          ) : q.data ? (
            <VerificationView data={q.data} />
          ) : null}
        </div>
        <Card size="small">
          <Form
            layout="vertical"
            requiredMark={false}
            initialValues={{ code }}
            onFinish={(v: { code: string }) => navigate(`/verify/${encodeURIComponent(v.code.trim())}`)}
          >
            <Form.Item name="code" label={t('verify.code')} rules={[{ required: true }]}>
              <Input
                size="large"
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={40}
                placeholder={t('verify.codePlaceholder')}
              />
            </Form.Item>
            <Button type="primary" size="large" block htmlType="submit">
              {t('verify.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
