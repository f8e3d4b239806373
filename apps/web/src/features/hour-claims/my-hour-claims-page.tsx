import { LeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CLAIM_CERTIFICATE_MAX,
  CLAIM_EVIDENCE_ACCEPT,
  CLAIM_EVIDENCE_MAX_FILES,
  CLAIM_ISSUER_MAX,
  CLAIM_KINDS,
  CLAIM_TITLE_MAX,
  type CreateHourClaim,
  type HourCategoryCode,
  type HourClaim,
  type HourClaimKind,
  hourCategorySchema,
} from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, fileUrls, isApiError } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { formatDate, todayIso } from '../../shared/time';
import { ClaimStatusTag, claimHours } from './claim-status-tag';
import { claimRefusalWords } from './claim-words';

interface ClaimForm {
  category: HourCategoryCode;
  kind: HourClaimKind;
  title: string;
  issuer: string;
  certificateNo?: string;
  startDate?: string;
  endDate?: string;
  hours?: number;
}

/** The server's field names → this form's (hoursTenths is entered in 学时). */
const FORM_FIELD: Record<string, keyof ClaimForm | 'evidence'> = {
  hoursTenths: 'hours',
  title: 'title',
  issuer: 'issuer',
  certificateNo: 'certificateNo',
  startDate: 'startDate',
  endDate: 'endDate',
  category: 'category',
  kind: 'kind',
  evidence: 'evidence',
};

/** One claim of mine: what, how much, status with deadline or the return reason, evidence, withdraw. */
function ClaimCard({ c }: { c: HourClaim }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => api.withdrawHourClaim(c.id),
    onSuccess: () => {
      message.success(t('claim.withdrawn'));
      void queryClient.invalidateQueries({ queryKey: ['my-hour-claims'] });
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  return (
    <Card size="small" style={{ marginTop: 8 }} data-testid={`claim-${c.id}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>
          {c.title}
        </Typography.Text>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          {t('claim.hoursValue', { n: claimHours(c.hoursTenths) })}
        </Typography.Text>
      </Space>
      <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)', wordBreak: 'break-all' }}>
        {t(`claim.kind.${c.kind}`)} · {t(`hours.cat.${c.category}`)} · {c.issuer}
        {c.certificateNo ? ` · ${c.certificateNo}` : ''} · {c.startDate} ~ {c.endDate}
      </div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <ClaimStatusTag claim={c} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(c.submittedAt)}
        </Typography.Text>
      </Space>
      {c.status === 'returned' && c.returnReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 6 }}
          title={t('claim.returnReason', { reason: c.returnReason })}
        />
      ) : null}
      <div style={{ marginTop: 4 }}>
        {c.evidence.map((e) => (
          <div key={e.fileId} style={{ fontSize: 13, wordBreak: 'break-all' }}>
            <a href={fileUrls.hourClaimEvidence(c.id, e.fileId)} target="_blank" rel="noreferrer">
              {e.name}
            </a>
          </div>
        ))}
      </div>
      {c.canWithdraw ? (
        <Popconfirm title={t('claim.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
          <Button size="small" style={{ marginTop: 6 }} loading={withdraw.isPending}>
            {t('claim.withdraw')}
          </Button>
        </Popconfirm>
      ) : null}
    </Card>
  );
}

/** The claim form: fields, evidence files (sent together in one request), the server's refusal on its field. */
function ClaimFormCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClaimForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  const today = todayIso();
  const submit = useMutation({
    mutationFn: (v: ClaimForm) => {
      const claim: CreateHourClaim = {
        category: v.category,
        kind: v.kind,
        title: v.title,
        issuer: v.issuer,
        certificateNo: v.certificateNo?.trim() ? v.certificateNo.trim() : null,
        startDate: v.startDate ?? '',
        endDate: v.endDate ?? '',
        hoursTenths: Math.round((v.hours ?? 0) * 10),
      };
      return api.submitHourClaim(
        claim,
        files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
      );
    },
    onSuccess: () => {
      message.success(t('claim.submitted'));
      form.resetFields();
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: ['my-hour-claims'] });
    },
    onError: (e) => {
      const text = claimRefusalWords(lang, e);
      const field = isApiError(e) ? (e.details as { field?: string } | undefined)?.field : undefined;
      const target = field ? FORM_FIELD[field] : undefined;
      if (target === 'evidence') setEvidenceError(text);
      else if (target) form.setFields([{ name: target, errors: [text] }]);
      else message.error(text);
    },
  });
  const required = [{ required: true, whitespace: true, message: t('claim.required') }];
  return (
    <Card size="small" title={t('claim.new')} style={{ marginTop: 12 }}>
      <Form<ClaimForm>
        form={form}
        layout="vertical"
        initialValues={{ category: 'centralized', kind: 'outside_training' }}
        onFinish={(v) => {
          setEvidenceError(null);
          submit.mutate(v);
        }}
        data-testid="claim-form"
      >
        <Space.Compact block>
          <Form.Item name="kind" label={t('claim.kind')} style={{ width: '50%' }}>
            <Select
              aria-label={t('claim.kind')}
              options={CLAIM_KINDS.map((k) => ({ value: k, label: t(`claim.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('claim.category')} style={{ width: '50%' }}>
            <Select
              aria-label={t('claim.category')}
              options={hourCategorySchema.options.map((c) => ({ value: c, label: t(`hours.cat.${c}`) }))}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label={t('claim.titleField')} rules={required}>
          <Input maxLength={CLAIM_TITLE_MAX} showCount aria-label={t('claim.titleField')} />
        </Form.Item>
        <Form.Item name="issuer" label={t('claim.issuer')} rules={required}>
          <Input maxLength={CLAIM_ISSUER_MAX} aria-label={t('claim.issuer')} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('claim.certificateNo')}>
          <Input maxLength={CLAIM_CERTIFICATE_MAX} aria-label={t('claim.certificateNo')} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="startDate" label={t('claim.startDate')} rules={required} style={{ width: '50%' }}>
            <DateField
              max={today}
              style={{ width: '100%' }}
              aria-label={t('claim.startDate')}
              inputReadOnly
            />
          </Form.Item>
          <Form.Item name="endDate" label={t('claim.endDate')} rules={required} style={{ width: '50%' }}>
            <DateField max={today} style={{ width: '100%' }} aria-label={t('claim.endDate')} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="hours"
          label={t('claim.hours')}
          rules={[{ required: true, message: t('claim.required') }]}
        >
          <InputNumber
            min={0.1}
            step={0.5}
            precision={1}
            style={{ width: '100%' }}
            aria-label={t('claim.hours')}
          />
        </Form.Item>
        <Form.Item
          label={t('claim.evidence')}
          extra={t('claim.evidenceHint', { n: CLAIM_EVIDENCE_MAX_FILES })}
          validateStatus={evidenceError ? 'error' : undefined}
          help={evidenceError ?? undefined}
        >
          <Upload
            accept={CLAIM_EVIDENCE_ACCEPT}
            multiple
            maxCount={CLAIM_EVIDENCE_MAX_FILES}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setEvidenceError(null);
              setFiles(fileList.slice(0, CLAIM_EVIDENCE_MAX_FILES));
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="claim-add-file">
              {t('claim.addFile')}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
          {t('claim.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** "学时申报": the teacher's phone page (390 px wide, no horizontal scroll): the form and my claims. */
export function MyHourClaimsPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['my-hour-claims'], queryFn: () => api.myHourClaims() });
  return (
    <div
      style={{
        maxWidth: 560,
        margin: '0 auto',
        padding: 12,
        minHeight: '100vh',
        background: '#f5f7fa',
        overflowX: 'hidden',
      }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Link to="/">
          <LeftOutlined /> {t('training.back')}
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('claim.title')}
        </Typography.Title>
        <span style={{ width: 48 }} />
      </Space>
      <ClaimFormCard />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('claim.mine')}
      </Typography.Title>
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Empty description={t('claim.none')} />
      ) : (
        q.data.map((c) => <ClaimCard key={c.id} c={c} />)
      )}
    </div>
  );
}
