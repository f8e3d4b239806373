/**
 * Sign-in, the signed-in account (Me, whose CSRF token the transport keeps), its notifications and its landing
 * page (工作台).
 */
import {
  type ChangePasswordRequest,
  type Home,
  homeSchema,
  type LoginRequest,
  type Me,
  meSchema,
  type NotificationList,
  notificationListSchema,
  notificationSchema,
  type Settings,
  settingsSchema,
} from '@yanxun/contracts';
import { parseWith, type Transport } from './api-transport';

export function sessionApi({ acceptMe, forgetCsrfToken, get, json, send }: Transport) {
  return {
    async login(body: LoginRequest): Promise<Me> {
      return acceptMe(
        await json('POST', '/api/v1/auth/login', { json: body, skipAuthRedirect: true }),
        'login',
      );
    },
    /** The deployment's settings (its time zone), without sign-in. */
    settings(): Promise<Settings> {
      return get(settingsSchema, '/api/v1/settings');
    },
    async me(): Promise<Me> {
      return acceptMe(await json('GET', '/api/v1/auth/me'), 'GET /api/v1/auth/me');
    },
    async logout(): Promise<void> {
      try {
        await send('POST', '/api/v1/auth/logout', { skipAuthRedirect: true });
      } finally {
        forgetCsrfToken();
      }
    },
    /** Resolves to the refreshed Me when the server returns one (a new session may mean a new CSRF token). */
    async changePassword(body: ChangePasswordRequest): Promise<Me | null> {
      const data = await json('POST', '/api/v1/auth/password', { json: body });
      return meSchema.safeParse(data).success ? acceptMe(data, 'password') : null;
    },

    /** The landing page: the year at a glance, warnings, classes, plans and next tasks of the account. */
    home(): Promise<Home> {
      return get(homeSchema, '/api/v1/home');
    },

    notifications(): Promise<NotificationList> {
      return get(notificationListSchema, '/api/v1/me/notifications');
    },
    async markNotificationRead(id: string): Promise<void> {
      const path = `/api/v1/me/notifications/${encodeURIComponent(id)}/read`;
      parseWith(notificationSchema, await json('POST', path), `POST ${path}`);
    },
  };
}
