import type { ErrorCode } from '@yanxun/contracts';
import type { ClientErrorCode } from './api';
import { isApiError } from './api';
import type { Lang } from './i18n';
import { formatDateTime, formatTime, sameDay } from './time';

interface Text {
  'zh-CN': string;
  'en-US': string;
}

/** One message per error code the API (or the client itself) can produce. zh-CN is the primary language. */
export const ERROR_MESSAGES: Record<ErrorCode | ClientErrorCode, Text> = {
  VALIDATION_FAILED: {
    'zh-CN': '提交的内容有误，请检查后重试',
    'en-US': 'Some fields are invalid; please check them',
  },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  SESSION_EXPIRED: {
    'zh-CN': '登录已过期，请重新登录',
    'en-US': 'Your session has expired; please sign in again',
  },
  CSRF_FAILED: {
    'zh-CN': '页面已过期，请刷新后重试',
    'en-US': 'This page is out of date; please reload and try again',
  },
  FORBIDDEN: { 'zh-CN': '无权访问该数据或执行该操作', 'en-US': 'You do not have permission to do this' },
  NOT_FOUND: { 'zh-CN': '数据不存在或已被删除', 'en-US': 'Not found' },
  CONFLICT: {
    'zh-CN': '数据已被他人修改，请刷新后重试',
    'en-US': 'The data changed meanwhile; please reload',
  },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已被临时锁定',
    'en-US': 'Too many failed attempts; the account is temporarily locked',
  },
  PASSWORD_POLICY: { 'zh-CN': '新密码不符合密码规则', 'en-US': 'The new password does not meet the policy' },
  FILE_TOO_LARGE: {
    'zh-CN': '文件过大，请拆分后再上传',
    'en-US': 'The file is too large; split it and retry',
  },
  FILE_UNREADABLE: {
    'zh-CN': '无法读取文件，请使用下载的模板（.xlsx）',
    'en-US': 'The file cannot be read; please use the downloaded template (.xlsx)',
  },
  FILE_EMPTY: { 'zh-CN': '文件中没有数据行', 'en-US': 'The file has no data rows' },
  FILE_LIMIT_EXCEEDED: {
    'zh-CN': '文件超出了允许的行数、列数或单元格长度，请拆分后再上传',
    'en-US': 'The file has more rows, columns or characters in a cell than allowed; split it and retry',
  },
  HEADER_MISMATCH: {
    'zh-CN': '表头与模板不一致，请使用最新模板',
    'en-US': 'The header row does not match the template; please use the latest template',
  },
  IMPORT_NOT_READY: { 'zh-CN': '导入任务尚未校验完成', 'en-US': 'The import has not finished validating' },
  IMPORT_HAS_ERRORS: {
    'zh-CN': '存在错误行，不能全部导入；请修正后重新上传或仅导入无误的行',
    'en-US': 'Some rows have errors; fix and re-upload, or import only the valid rows',
  },
  RATE_LIMITED: { 'zh-CN': '操作过于频繁，请稍后再试', 'en-US': 'Too many requests; please wait a moment' },
  SERVER_BUSY: {
    'zh-CN': '服务器正在处理其他上传的文件，请稍后再试',
    'en-US': 'The server is busy with other uploads; please try again shortly',
  },
  CONFIRM_REMOVAL: {
    'zh-CN': '写入将删除已有学生的成绩，请确认后再写入',
    'en-US': 'Writing would remove stored students; please confirm first',
  },
  BAD_REQUEST: { 'zh-CN': '请求格式不正确', 'en-US': 'The request is malformed' },
  BODY_TOO_LARGE: { 'zh-CN': '提交的内容过大', 'en-US': 'The request body is too large' },
  TOO_MANY_PARTS: {
    'zh-CN': '一次上传的文件或字段过多',
    'en-US': 'Too many files or fields in one upload',
  },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持的请求方法', 'en-US': 'Method not allowed' },
  URI_TOO_LONG: { 'zh-CN': '网址过长', 'en-US': 'The address is too long' },
  HEADERS_TOO_LARGE: { 'zh-CN': '请求头过大', 'en-US': 'The request headers are too large' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求超时，请重试', 'en-US': 'The request timed out; please retry' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后重试', 'en-US': 'Server error; please try again later' },
  NETWORK_ERROR: { 'zh-CN': '网络连接失败，请检查网络', 'en-US': 'Network error; check your connection' },
  BAD_RESPONSE: {
    'zh-CN': '服务器返回的数据格式不正确',
    'en-US': 'The server returned data in an unexpected format',
  },
};

function isKnownCode(code: string): code is ErrorCode | ClientErrorCode {
  return Object.hasOwn(ERROR_MESSAGES, code);
}

function lockedUntilOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('lockedUntil' in details)) return null;
  const value = details.lockedUntil;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/**
 * When a throttled (429) answer may be tried again: the server's `details.retryAt`, else its Retry-After header
 * counted from `now`. Null when neither is there.
 */
export function retryAtOf(error: unknown, now: number = Date.now()): Date | null {
  if (!isApiError(error)) return null;
  const d = error.details;
  if (typeof d === 'object' && d !== null && 'retryAt' in d && typeof d.retryAt === 'string') {
    const at = Date.parse(d.retryAt);
    if (!Number.isNaN(at)) return new Date(at);
  }
  return error.retryAfterSeconds === null ? null : new Date(now + error.retryAfterSeconds * 1000);
}

/** "15 分钟" / "1 小时 30 分钟" (zh), "15 min" / "1 h 30 min" (en): the wait until `at`, rounded up to a minute. */
export function waitWords(at: Date, lang: Lang, now: number = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - now) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [hu, mu] = lang === 'zh-CN' ? [' 小时', ' 分钟'] : [' h', ' min'];
  if (h === 0) return `${m}${mu}`;
  return m ? `${h}${hu} ${m}${mu}` : `${h}${hu}`;
}

/** The clock time to try again (in the deployment's zone): "14:35", or "2027-05-07 14:35" when it is not today. */
export function retryClock(at: Date, now: number = Date.now()): string {
  return sameDay(at, now) ? formatTime(at) : formatDateTime(at);
}
/**
 * Codes whose server message names the limit or the number that applied, or gives a refusal's reason in words
 * ("成员组成不符合要求，暂不能注册：核心成员 1 人，应为 5～7 人"): shown as the server wrote it (zh-CN). Refusals that
 * must read alike whatever the cause (FORBIDDEN, NOT_FOUND) keep the generic text.
 */
const SERVER_TEXT_CODES: ReadonlySet<string> = new Set([
  'CONFLICT',
  'VALIDATION_FAILED',
  'FILE_TOO_LARGE',
  'BODY_TOO_LARGE',
  'TOO_MANY_PARTS',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'CONFIRM_REMOVAL',
  'FILE_LIMIT_EXCEEDED',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'HEADER_MISMATCH',
  'SERVER_BUSY',
]);

/** The message a user should read for an error, in their language. Unknown codes fall back to the server's text. */
export function errorMessage(error: unknown, lang: Lang = 'zh-CN'): string {
  if (!isApiError(error)) {
    return error instanceof Error && error.message ? error.message : ERROR_MESSAGES.INTERNAL[lang];
  }
  if (!isKnownCode(error.code)) return error.message || ERROR_MESSAGES.INTERNAL[lang];
  if (lang === 'zh-CN' && SERVER_TEXT_CODES.has(error.code) && /[\u4e00-\u9fff]/.test(error.message))
    return error.message;
  const base = ERROR_MESSAGES[error.code][lang];
  if (error.code === 'ACCOUNT_LOCKED') {
    const until = lockedUntilOf(error.details);
    const time = until ? formatDateTime(until, '') : '';
    if (time) {
      return lang === 'zh-CN' ? `${base}，请于 ${time} 后再试` : `${base} until ${time}`;
    }
  }
  if (error.code === 'RATE_LIMITED') {
    const at = retryAtOf(error);
    if (at) {
      const time = retryClock(at);
      const wait = waitWords(at, lang);
      return lang === 'zh-CN'
        ? `操作过于频繁，请于 ${time} 后再试（约 ${wait}）`
        : `Too many requests; try again after ${time} (about ${wait})`;
    }
  }
  return base;
}

export interface Violation {
  rule?: string;
  message: string;
}

/** PASSWORD_POLICY details: `{ violations: [{ rule, message }] }`. */
export function passwordViolations(error: unknown): Violation[] {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return [];
  if (!('violations' in error.details) || !Array.isArray(error.details.violations)) return [];
  const out: Violation[] = [];
  for (const v of error.details.violations as unknown[]) {
    if (typeof v === 'object' && v !== null && 'message' in v && typeof v.message === 'string') {
      const rule = 'rule' in v && typeof v.rule === 'string' ? v.rule : undefined;
      out.push({ rule, message: v.message });
    }
  }
  return out;
}

export interface FieldError {
  name: string;
  message: string;
}

/**
 * VALIDATION_FAILED details, mapped onto form fields. Accepts the shapes a zod-backed server tends to send:
 * `[{ path, message }]`, `{ issues: [...] }` or `{ fields: { name: message } }`.
 */
export function fieldErrors(error: unknown): FieldError[] {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details;
  let issues: unknown[] = [];
  if (Array.isArray(details)) issues = details;
  else if (typeof details === 'object' && details !== null) {
    if ('issues' in details && Array.isArray(details.issues)) issues = details.issues;
    else if ('fields' in details && typeof details.fields === 'object' && details.fields !== null) {
      return Object.entries(details.fields).flatMap(([name, message]) =>
        typeof message === 'string' ? [{ name, message }] : [],
      );
    }
  }
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (
      typeof issue !== 'object' ||
      issue === null ||
      !('message' in issue) ||
      typeof issue.message !== 'string'
    ) {
      continue;
    }
    const path = 'path' in issue ? issue.path : undefined;
    const name = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '';
    if (name) out.push({ name, message: issue.message });
  }
  return out;
}
