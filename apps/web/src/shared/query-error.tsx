import { Alert, Button, Result } from 'antd';
import { isApiError } from './api';
import { errorMessage } from './error-messages';
import { useI18n } from './i18n';

/** How a failed load looks everywhere: the message by code, the request ID for support, a retry. */
export function QueryError({
  error,
  onRetry,
  full,
}: {
  error: unknown;
  onRetry?: () => void;
  full?: boolean;
}) {
  const { t, lang } = useI18n();
  const text = errorMessage(error, lang);
  const requestId = isApiError(error) ? error.requestId : null;
  const extra = requestId ? `${t('common.requestId')}: ${requestId}` : undefined;
  const retry = onRetry ? (
    <Button size="small" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  ) : undefined;
  if (full && isApiError(error) && (error.status === 403 || error.status === 404)) {
    return (
      <Result
        status={error.status === 403 ? '403' : '404'}
        title={error.status === 403 ? t('common.forbidden') : t('common.notFound')}
        subTitle={
          <>
            {text}
            {extra ? <div>{extra}</div> : null}
          </>
        }
      />
    );
  }
  return <Alert type="error" showIcon title={text} description={extra} action={retry} role="alert" />;
}
