import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { api, isApiError } from '../shared/api';
import { I18nProvider, useI18n } from '../shared/i18n';
import { setTimeZone } from '../shared/time';
import { createAppRouter } from './router';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not fix itself by asking again.
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/**
 * The deployment's time zone before any page shows a date (GET /api/v1/settings, answered from the event loop):
 * every page, signed in or not, formats in it. If the settings cannot be read the default (Asia/Shanghai) stays.
 */
function WithTimeZone({ children }: { children: ReactNode }) {
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: async () => {
      const s = await api.settings();
      setTimeZone(s.timeZone);
      return s;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  if (settings.isPending)
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  return children;
}

function Shell() {
  const { lang } = useI18n();
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(() => createAppRouter());

  useEffect(() => {
    api.setUnauthorizedHandler(() => {
      queryClient.clear();
      const { pathname, search } = router.state.location;
      if (pathname.startsWith('/login')) return;
      void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return () => api.setUnauthorizedHandler(undefined);
  }, [queryClient, router]);

  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1d5fbf', borderRadius: 6 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <WithTimeZone>
            <RouterProvider router={router} />
          </WithTimeZone>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
