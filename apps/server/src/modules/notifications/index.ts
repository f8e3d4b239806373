export type { NotificationWrite } from './notifications.repository';
export { notificationsRoutes } from './notifications.routes';
export { createNotificationsService, type NotificationsService } from './notifications.service';
