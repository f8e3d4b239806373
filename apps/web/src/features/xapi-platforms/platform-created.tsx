/**
 * A platform just registered: its token, shown this once with a copy button and a warning that it will not be
 * shown again, beside what the platform's developers need — the endpoint, the credentials and an example curl.
 */
import { CopyOutlined } from '@ant-design/icons';
import type { XapiPlatformCreated } from '@yanxun/contracts';
import { Alert, App, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';

/** Where platforms post statements, as this browser reaches the server. */
export const statementsEndpoint = () => `${window.location.origin}/api/v1/xapi/statements`;

/** A curl command posting one completed statement of 2 hours for a teacher (their 身份证号 in actor.account.name). */
export function exampleCurl(endpoint: string, id: string, token: string, idNumber: string): string {
  const statement = {
    id: '2f1c6a9e-8d4b-4c3a-9f2e-5b7d1e0a6c41',
    actor: { objectType: 'Agent', account: { homePage: 'https://example.edu.cn', name: idNumber } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'zh-CN': '完成' } },
    object: { objectType: 'Activity', id: 'https://example.edu.cn/course/1' },
    result: { completion: true, duration: 'PT2H' },
  };
  return [
    `curl -X POST '${endpoint}' \\`,
    `  -u '${id}:${token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'X-Experience-API-Version: 1.0.3' \\`,
    `  -d '${JSON.stringify(statement)}'`,
  ].join('\n');
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('xp.copied'));
    } catch {
      message.error(t('xp.copyFailed'));
    }
  };
  return (
    <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
      {label}
    </Button>
  );
}

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

export function PlatformCreated({ created, onClose }: { created: XapiPlatformCreated; onClose: () => void }) {
  const { t } = useI18n();
  const endpoint = statementsEndpoint();
  const curl = exampleCurl(endpoint, created.id, created.token, t('xp.idNumberPlaceholder'));
  return (
    <Modal
      open
      width={720}
      title={t('xp.createdTitle', { name: created.name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('xp.saved')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('xp.tokenOnce')} description={t('xp.tokenOnceHint')} />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('xp.user')}>
            <span style={mono}>{created.id}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('xp.token')}>
            <Space orientation="vertical">
              <span style={mono} data-testid="xp-token">
                {created.token}
              </span>
              <CopyButton text={created.token} label={t('xp.copyToken')} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('xp.endpoint')}>
            <span style={mono}>POST {endpoint}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('xp.auth')}</Typography.Text>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong>{t('xp.example')}</Typography.Text>
          <CopyButton text={curl} label={t('xp.copyCurl')} />
        </Space>
        <pre
          data-testid="xp-curl"
          style={{ ...mono, whiteSpace: 'pre-wrap', background: '#f5f5f5', padding: 12 }}
        >
          {curl}
        </pre>
        <Typography.Text type="secondary">{t('xp.exampleHint')}</Typography.Text>
      </Space>
    </Modal>
  );
}
