import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../shared/api';
import { QueryError } from '../shared/query-error';
import { useMe } from '../shared/session';

/** Loads the session (and with it the CSRF token) before any page; sends the user to /login when there is none. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  if (me.isPending) {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401)
      return <Navigate to={`/login?next=${next}`} replace />;
    return (
      <div style={{ padding: 24 }}>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data.mustChangePassword) return <Navigate to={`/login?next=${next}`} replace />;
  return children;
}
