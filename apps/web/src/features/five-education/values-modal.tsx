/** Entering one school's indicator values on the page (an empty field clears a value). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FiveEduRoundDetail } from '@yanxun/contracts';
import { App, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';

export function ValuesModal({
  round,
  school,
  onClose,
}: {
  round: FiveEduRoundDetail;
  school: FiveEduRoundDetail['schools'][number];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, number | null>>({});
  const save = useMutation({
    mutationFn: () =>
      api.enterFiveEduValues(round.id, {
        values: Object.entries(values).map(([indicatorCode, value]) => ({
          schoolId: school.id,
          indicatorCode,
          value,
        })),
      }),
    onSuccess: async (r) => {
      message.success(t('five.values.uploaded', { n: r.values }));
      await qc.invalidateQueries({ queryKey: ['five-edu'] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title={`${school.name} · ${t('five.values.enter')}`}
      onCancel={onClose}
      onOk={() => (Object.keys(values).length > 0 ? save.mutate() : onClose())}
      confirmLoading={save.isPending}
    >
      <Form layout="vertical">
        {round.indicators.map((i) => (
          <Form.Item key={i.code} label={`${i.code} ${i.name}${i.unit ? `（${i.unit}）` : ''}`}>
            <InputNumber
              aria-label={i.code}
              style={{ width: 200 }}
              value={values[i.code] ?? null}
              onChange={(v) => setValues({ ...values, [i.code]: v })}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
