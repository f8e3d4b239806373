import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeacherDetail } from '@yanxun/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage, fieldErrors } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { todayIso } from '../../shared/time';

interface Values {
  schoolId: string;
  date: string;
  reason?: string;
}

const FIELDS = ['schoolId', 'date', 'reason'] as const;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function TransferModal({
  teacher,
  open,
  onClose,
}: {
  teacher: TeacherDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const schools = useQuery({
    queryKey: ['schools', { q, pageSize: 20, purpose: 'transfer' }],
    queryFn: () => api.listSchools({ q: q || undefined, page: 1, pageSize: 20 }),
    enabled: open,
    placeholderData: keepPreviousData,
  });

  const transfer = useMutation({
    mutationFn: (values: Values) =>
      api.transferTeacher(teacher.id, {
        schoolId: values.schoolId,
        date: values.date,
        reason: values.reason?.trim() || undefined,
      }),
    onSuccess: async () => {
      message.success(t('teacher.transferDone'));
      await queryClient.invalidateQueries({ queryKey: ['teachers'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error).flatMap((f) => {
        const name = FIELDS.find((n) => n === f.name);
        return name ? [{ name, errors: [f.message] }] : [];
      });
      if (fields.length > 0) form.setFields(fields);
    },
  });

  const options = (schools.data?.items ?? [])
    .filter((s) => s.id !== teacher.schoolId)
    .map((s) => ({
      value: s.id,
      label: `${s.name}${s.code ? `（${s.code}）` : ''}${s.countyName ? ` · ${s.countyName}` : ''}`,
    }));

  return (
    <Modal
      open={open}
      title={t('teacher.transferTitle', { name: teacher.name })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transfer.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: todayIso() }}
        onFinish={(values) => transfer.mutate(values)}
        data-testid="transfer-form"
      >
        {transfer.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(transfer.error, lang)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('teacher.school')}>
          <Input value={teacher.schoolName} disabled />
        </Form.Item>
        <Form.Item
          label={t('teacher.transferSchool')}
          name="schoolId"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('teacher.transferSchoolPlaceholder')}
            options={options}
            loading={schools.isFetching}
            notFoundContent={schools.isFetching ? t('common.loading') : undefined}
            data-testid="transfer-school"
          />
        </Form.Item>
        <Form.Item
          label={t('teacher.transferDate')}
          name="date"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DateField style={{ width: '100%' }} data-testid="transfer-date" />
        </Form.Item>
        <Form.Item label={t('teacher.transferReason')} name="reason">
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
