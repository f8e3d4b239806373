import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { Me } from '@yanxun/contracts';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { I18nProvider, type Lang } from './i18n';
import { ME_QUERY_KEY } from './session';

function WhereAmI() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/**
 * Renders a page the way the app does (antd + query client + zh-CN + router), for component tests; `me` is the
 * signed-in user as the app layout would have loaded it.
 */
export function renderWithApp(
  ui: ReactElement,
  {
    route = '/',
    path = '/',
    me,
    lang = 'zh-CN',
  }: { route?: string; path?: string; me?: Me; lang?: Lang } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  if (me) queryClient.setQueryData(ME_QUERY_KEY, me);
  const result = render(
    <I18nProvider initialLang={lang}>
      <ConfigProvider locale={zhCN} theme={{ token: { motion: false } }}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <MemoryRouter initialEntries={[route]}>
              <Routes>
                <Route path={path} element={ui} />
                <Route path="*" element={<WhereAmI />} />
              </Routes>
            </MemoryRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
  return { ...result, queryClient };
}

/** The Han characters of a sentence once the names in it that are data (a school, a class) are taken out. */
export function hanOutside(sentence: string | null | undefined, ...data: string[]): string {
  let rest = sentence ?? '';
  for (const d of data) rest = rest.split(d).join('');
  return [...rest.matchAll(/\p{Script=Han}/gu)].map((m) => m[0]).join('');
}

/**
 * A window `width` pixels wide as antd's breakpoints read it (its min-width media queries), for the tests of what
 * a phone (390) or a desktop (1440) sees; undo with `vi.unstubAllGlobals()`.
 */
export function stubViewport(width: number): void {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => {
      const min = /min-width:\s*(\d+)px/.exec(query);
      const max = /max-width:\s*(\d+)px/.exec(query);
      const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
      return {
        matches,
        media: query,
        onchange: null,
        addListener: vi.fn(),
        removeListener: vi.fn(),
        addEventListener: vi.fn(),
        removeEventListener: vi.fn(),
        dispatchEvent: vi.fn(),
      };
    }),
  );
}
