/** The notifications module's public face: its service and routes, what a notification says, the port it needs. */
export type { NotificationContent, NotificationWrite } from './notifications.repository';
export { notificationsRoutes } from './notifications.routes';
export {
  createNotificationsService,
  type NotificationsDeps,
  type NotificationsService,
} from './notifications.service';
export type { AccountsPort } from './ports';
