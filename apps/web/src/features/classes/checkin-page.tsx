import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled, LeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckinResult } from '@yanxun/contracts';
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ReasonWithRule } from '../../shared/rule-ref';
import { ownProfileOnly, useMe } from '../../shared/session';
import { formatDateTime } from '../../shared/time';
import { checkinRefusalSentence, checkinResultSentence, slotWords } from './checkin-words';
import { ROW, SimpleList } from './simple-list';

/** The way back into the app from this full-screen phone page: a teacher's own profile, or the dashboard. */
function BackLink() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const profile = ownProfileOnly(me);
  return (
    <Link to={profile ? `/teachers/${profile}` : '/'} data-testid="checkin-back">
      <LeftOutlined /> {t(profile ? 'checkin.myProfile' : 'checkin.home')}
    </Link>
  );
}

function ruleOf(error: unknown): string | null {
  if (!isApiError(error)) return null;
  const d = error.details as { ruleId?: unknown } | undefined;
  return typeof d?.ruleId === 'string' ? d.ruleId : null;
}

function Outcome({ result, error }: { result?: CheckinResult | undefined; error?: unknown }) {
  const { t, lang } = useI18n();
  if (result) {
    const ok = result.status === 'checked_in';
    return (
      <div
        data-testid="checkin-outcome"
        data-status={result.status}
        style={{ textAlign: 'center', padding: '8px 0' }}
      >
        {ok ? (
          <CheckCircleFilled style={{ fontSize: 64, color: '#52c41a' }} />
        ) : (
          <InfoCircleFilled style={{ fontSize: 64, color: '#1677ff' }} />
        )}
        <Typography.Title level={3} style={{ marginTop: 12 }}>
          {t(ok ? 'checkin.ok' : 'checkin.already')}
        </Typography.Title>
        <div style={{ fontSize: 16 }}>
          {result.className} · {slotWords(t, result.slot, result.slotLabel)}
        </div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
          {checkinResultSentence(t, result)}
        </Typography.Paragraph>
      </div>
    );
  }
  // the sentence says why in words; the rule (details.ruleId) is for officers only: a teacher checking in sees
  // the sentence
  const text = checkinRefusalSentence(t, lang, error);
  return (
    <div
      data-testid="checkin-outcome"
      data-status="refused"
      style={{ textAlign: 'center', padding: '8px 0' }}
    >
      <CloseCircleFilled style={{ fontSize: 64, color: '#ff4d4f' }} />
      <Typography.Title level={3} style={{ marginTop: 12 }}>
        {t('checkin.refused')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16 }}>
        <ReasonWithRule reason={text} rules={ruleOf(error)} />
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The teacher's phone page: opened by scanning the venue QR code (`/checkin?t=…`, checks in at once) or
 * typed a 6-digit short code. Works at 390 px wide.
 */
export function CheckinPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const token = params.get('t');
  const [code, setCode] = useState('');
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['my-classes'], queryFn: () => api.myClasses() });
  const checkin = useMutation({
    mutationFn: (body: { t: string } | { code: string }) => api.checkin(body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['my-classes'] }),
  });
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (token && sent.current !== token) {
      sent.current = token;
      checkin.mutate({ t: token });
      // a reload must not resend an old token: drop it from the address bar
      setParams({}, { replace: true });
    }
  }, [token, checkin, setParams]);

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16, minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr auto 1fr', alignItems: 'center' }}>
        <BackLink />
        <Typography.Title level={3} style={{ margin: '8px 0 16px' }}>
          {t('checkin.title')}
        </Typography.Title>
        <span />
      </div>
      {checkin.isPending ? (
        <Card>
          <Typography.Paragraph style={{ textAlign: 'center', fontSize: 18 }}>
            {t('checkin.working')}
          </Typography.Paragraph>
        </Card>
      ) : checkin.isSuccess || checkin.isError ? (
        <Card>
          <Outcome result={checkin.data} error={checkin.error} />
        </Card>
      ) : null}
      <Card style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('checkin.scanHint')}</Typography.Paragraph>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d{6}$/.test(code)) checkin.mutate({ code });
          }}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('checkin.codeLabel')}
              placeholder={t('checkin.codePlaceholder')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              style={{ fontSize: code ? 24 : 16, letterSpacing: code ? 6 : 0, textAlign: 'center' }}
            />
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              disabled={code.length !== 6}
              loading={checkin.isPending}
            >
              {t('checkin.submit')}
            </Button>
          </Space.Compact>
        </form>
      </Card>
      <Card style={{ marginTop: 16 }} title={t('checkin.myClasses')} size="small">
        <SimpleList
          loading={mine.isPending}
          items={mine.data ?? []}
          render={(c) => (
            <div key={c.classId} style={ROW}>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{c.className}</Typography.Text>
                <Typography.Text type="secondary">
                  {c.startDate} ~ {c.endDate} {c.venue}
                </Typography.Text>
                <Space size={4} wrap>
                  <Tag color={c.registeredAt ? 'green' : 'default'}>
                    {t('slot.register')}{' '}
                    {c.registeredAt ? formatDateTime(c.registeredAt) : t('checkin.notYet')}
                  </Tag>
                  <Tag color={c.arrivedAt ? 'green' : 'default'}>
                    {t('slot.arrive')} {c.arrivedAt ? formatDateTime(c.arrivedAt) : t('checkin.notYet')}
                  </Tag>
                </Space>
              </Space>
            </div>
          )}
        />
      </Card>
    </div>
  );
}
