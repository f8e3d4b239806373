import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Popover, Space } from 'antd';
import { useState } from 'react';
import { isApiError } from './api';
import { errorMessage } from './error-messages';
import { useI18n } from './i18n';

/**
 * A danger link that asks for a reason (at least 2 characters) in a popover before it acts: reversing a 学时
 * posting, revoking an issued document. The server's refusal is shown as a message; the popover closes on success.
 */
export function ReasonAction<T>({
  label,
  reasonLabel,
  run,
  onDone,
}: {
  label: string;
  reasonLabel: string;
  run: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const act = useMutation({
    mutationFn: () => run(reason),
    onSuccess: (result) => {
      onDone(result);
      setOpen(false);
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space.Compact>
          <Input
            aria-label={reasonLabel}
            placeholder={reasonLabel}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            danger
            disabled={reason.trim().length < 2}
            loading={act.isPending}
            onClick={() => act.mutate()}
          >
            {t('common.ok')}
          </Button>
        </Space.Compact>
      }
    >
      <Button size="small" danger type="link">
        {label}
      </Button>
    </Popover>
  );
}
