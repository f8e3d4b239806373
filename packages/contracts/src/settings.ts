import { z } from 'zod';

/** GET /api/v1/settings (no sign-in): what every page needs to know of the deployment before it shows anything. */
export const settingsSchema = z.object({
  /** The IANA time zone every date and time is shown in (the server's TIME_ZONE, default Asia/Shanghai). */
  timeZone: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;
