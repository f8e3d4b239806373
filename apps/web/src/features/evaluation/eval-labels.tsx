/** Small pieces the evaluation pages share: status tags and the error message of a failed write. */
import type { EvaluationStatus } from '@yanxun/contracts';
import { Tag } from 'antd';
import { isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { type Lang, useI18n } from '../../shared/i18n';

const STATUS_COLOR: Record<EvaluationStatus, string> = {
  draft: 'default',
  open: 'blue',
  scoring: 'orange',
  appeal: 'purple',
  published: 'green',
};

export function StatusTag({ status }: { status: EvaluationStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`eval.status.${status}`)}</Tag>;
}

/** The server's own sentence in Chinese (it names the unit, the value and the maximum), else the mapped one. */
export const failText = (e: unknown, lang: Lang) =>
  isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang);
