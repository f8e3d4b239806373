/** Field formats the programme schemas share: dates as YYYY-MM-DD, ids as 1–18 digits. */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const idString = z.string().regex(/^\d{1,18}$/, '编号应为数字');
