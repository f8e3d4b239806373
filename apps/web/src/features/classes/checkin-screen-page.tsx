import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CheckinDisplay } from '@yanxun/contracts';
import { Button, QRCode, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { slotWords } from './checkin-words';

/** Seconds left until `deadline` (this screen's clock), ticking every second. */
function useCountdown(deadline: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Outside the check-in days: no code to show (it would be refused), only when check-in opens or closed. */
function NotOpen({ d }: { d: CheckinDisplay }) {
  const { t } = useI18n();
  return (
    <div style={{ textAlign: 'center', maxWidth: 720 }} data-testid="checkin-not-open">
      <div style={{ fontSize: 40, fontWeight: 600, color: '#ffb4b4' }}>{t('screen.notOpen')}</div>
      <div style={{ fontSize: 24, marginTop: 16, opacity: 0.9 }}>
        {/* after the last day (Asia/Shanghai) it has closed; before the first it is still to open */}
        {d.serverTime >= Date.parse(`${d.closesOn}T00:00:00+08:00`) + 86_400_000
          ? t('screen.closed', { to: d.closesOn })
          : t('screen.opensOn', { from: d.opensOn, to: d.closesOn })}
      </div>
    </div>
  );
}

/**
 * The venue screen (full screen, provider staff): the rotating QR code of a class slot and its 6-digit short
 * code, refreshed when the window ends (Y-004-QR-ROTATE), with the running count. Outside the days check-in is
 * open (Y-004-CHECKIN-OPEN) it shows no code, only when check-in opens.
 */
export function CheckinScreenPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const slot = params.get('slot') ?? 'arrive';
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['checkin-display', id, slot],
    queryFn: () => api.checkinDisplay(id, slot),
    // refresh just after the window ends, and at least every 5 s for the count
    refetchInterval: (query) => {
      const d = query.state.data;
      if (!d) return 5000;
      const left = d.expiresAt - d.serverTime - (Date.now() - query.state.dataUpdatedAt);
      return Math.max(250, Math.min(5000, left + 200));
    },
    refetchIntervalInBackground: true,
  });
  // the window's end on this screen's clock: the server's remaining time from when the answer arrived
  const left = useCountdown(q.data ? q.dataUpdatedAt + (q.data.expiresAt - q.data.serverTime) : undefined);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const size =
    typeof window === 'undefined' ? 360 : Math.min(window.innerHeight * 0.6, window.innerWidth * 0.45, 520);
  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#0b1f3a',
        color: '#fff',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 24,
        padding: 24,
      }}
    >
      {q.isPending ? (
        <Spin size="large" />
      ) : q.isError ? (
        <div style={{ background: '#fff', padding: 24, borderRadius: 8 }}>
          <QueryError full error={q.error} onRetry={() => void q.refetch()} />
        </div>
      ) : (
        <>
          <div style={{ fontSize: 36, fontWeight: 600, textAlign: 'center' }}>
            {q.data.className} · {slotWords(t, q.data.slot, q.data.slotLabel)}
          </div>
          {!q.data.open ? (
            <NotOpen d={q.data} />
          ) : (
            <div
              style={{
                display: 'flex',
                gap: 48,
                alignItems: 'center',
                flexWrap: 'wrap',
                justifyContent: 'center',
              }}
            >
              <div style={{ background: '#fff', padding: 16, borderRadius: 12 }}>
                <QRCode
                  value={`${origin}${q.data.path}`}
                  size={size}
                  bordered={false}
                  errorLevel="M"
                  data-testid="checkin-qr"
                />
              </div>
              <div style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 22, opacity: 0.8 }}>{t('screen.scan')}</div>
                <div
                  data-testid="short-code"
                  style={{
                    // a projector's 112 px, smaller on a phone held up to show the code
                    fontSize: 'min(112px, 16vw)',
                    fontWeight: 700,
                    letterSpacing: 'min(12px, 1.5vw)',
                    fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                  }}
                >
                  {q.data.shortCode}
                </div>
                <div style={{ fontSize: 20, opacity: 0.8 }}>{t('screen.code')}</div>
                <div style={{ fontSize: 20, marginTop: 12 }}>{t('screen.rotates', { s: left })}</div>
                <div style={{ fontSize: 40, fontWeight: 600, marginTop: 24 }}>
                  {t('screen.count', { n: q.data.checkedIn, total: q.data.total })}
                </div>
              </div>
            </div>
          )}
          <Space>
            <Link to={`/classes/${encodeURIComponent(id)}`}>
              <Button ghost icon={<ArrowLeftOutlined />} data-testid="screen-back">
                {t('screen.back')}
              </Button>
            </Link>
            <Button
              ghost
              icon={<FullscreenOutlined />}
              onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
            >
              {t('screen.fullscreen')}
            </Button>
          </Space>
        </>
      )}
    </div>
  );
}
