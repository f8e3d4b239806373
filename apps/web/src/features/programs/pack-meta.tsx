/**
 * A pack's title and the document it rests on (发文单位, 文件名, 文号, 发文日期): the form fields the clone
 * dialog and the draft's "修改名称与依据文件" dialog share, the header of the pack page, and the edit dialog.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NAME_LIMITS,
  PACK_META_LIMITS,
  type PackDetail,
  type PackSourceBody,
  type PolicyPackBody,
} from '@yanxun/contracts';
import { App, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { RuleErrorAlert } from './rule-error';

/** The form's values: the text fields, and the date as a picker value. */
export interface PackMetaValues {
  title: string;
  issuer: string;
  document: string;
  documentNumber?: string;
  signedOn?: Dayjs | null;
}

/** Blank optional fields are left out; the date goes as 'YYYY-MM-DD'. */
export function metaRequest(v: PackMetaValues): {
  title: string;
  issuer: string;
  document: string;
  documentNumber?: string;
  signedOn?: string;
} {
  const documentNumber = v.documentNumber?.trim();
  return {
    title: v.title.trim(),
    issuer: v.issuer.trim(),
    document: v.document.trim(),
    ...(documentNumber ? { documentNumber } : {}),
    ...(v.signedOn ? { signedOn: v.signedOn.format('YYYY-MM-DD') } : {}),
  };
}

export function PackMetaFields() {
  const { t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <>
      <Form.Item name="title" label={t('prog.pack.titleLabel')} rules={required}>
        <Input maxLength={NAME_LIMITS.title} data-testid="pack-meta-title" />
      </Form.Item>
      <Form.Item name="issuer" label={t('prog.pack.issuer')} rules={required}>
        <Input maxLength={PACK_META_LIMITS.issuer} data-testid="pack-meta-issuer" />
      </Form.Item>
      <Form.Item name="document" label={t('prog.pack.document')} rules={required}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          maxLength={PACK_META_LIMITS.document}
          data-testid="pack-meta-document"
        />
      </Form.Item>
      <Form.Item name="documentNumber" label={t('prog.pack.documentNumber')}>
        <Input maxLength={PACK_META_LIMITS.documentNumber} data-testid="pack-meta-number" />
      </Form.Item>
      <Form.Item name="signedOn" label={t('prog.pack.signedOn')}>
        <DatePicker data-testid="pack-meta-signed" />
      </Form.Item>
    </>
  );
}

const sourceOf = (pack: PolicyPackBody): PackSourceBody => pack.source;

/** The pack a clone was made from, by its title (its id until it loads, or when it is not visible). */
function DerivedFrom({ id }: { id: string }) {
  const source = useQuery({
    queryKey: ['pack', id],
    queryFn: () => api.pack(id),
    staleTime: 300_000,
    retry: false,
  });
  const label = source.data ? `${source.data.title}（v${source.data.version}）` : id;
  return <Link to={`/packs/${encodeURIComponent(id)}`}>{label}</Link>;
}

/** The pack's title, issuer, document, number and date, and where its values were adopted from. */
export function PackHeader({ detail }: { detail: PackDetail }) {
  const { t } = useI18n();
  const src = sourceOf(detail.pack);
  const none = <Typography.Text type="secondary">{t('prog.pack.notRecorded')}</Typography.Text>;
  const adopted = src.adoptedFrom;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="pack-header">
      <Descriptions.Item label={t('prog.pack.region')}>
        {detail.builtin ? t('prog.pack.builtin') : detail.regionOrgName}
      </Descriptions.Item>
      <Descriptions.Item label={t('prog.pack.year')}>{detail.year}</Descriptions.Item>
      <Descriptions.Item label={t('prog.pack.version')}>v{detail.version}</Descriptions.Item>
      <Descriptions.Item label={t('prog.pack.issuer')}>{src.issuer}</Descriptions.Item>
      <Descriptions.Item label={t('prog.pack.document')} span={{ xs: 1, md: 2, xl: 2 }}>
        <span data-testid="pack-document">{src.document}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('prog.pack.documentNumber')}>
        {src.documentNumber || none}
      </Descriptions.Item>
      <Descriptions.Item label={t('prog.pack.signedOn')}>{src.signedOn || none}</Descriptions.Item>
      {detail.derivedFrom ? (
        <Descriptions.Item label={t('prog.pack.derivedFrom')}>
          <DerivedFrom id={detail.derivedFrom} />
        </Descriptions.Item>
      ) : null}
      {adopted ? (
        <Descriptions.Item label={t('prog.pack.adoptedFrom')} span="filled">
          <span data-testid="pack-adopted">
            {t('prog.pack.adoptedFromText', {
              issuer: adopted.issuer,
              year: adopted.year,
              document: adopted.document,
            })}
          </span>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** A draft's title and document, edited and saved on their own (unsaved rule edits stay as they are). */
export function PackMetaModal({ detail, onClose }: { detail: PackDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PackMetaValues>();
  const src = sourceOf(detail.pack);
  const save = useMutation({
    mutationFn: (v: PackMetaValues) => {
      const m = metaRequest(v);
      const { documentNumber: _n, signedOn: _d, ...kept } = src;
      const source = {
        ...kept,
        document: m.document,
        issuer: m.issuer,
        ...(m.documentNumber ? { documentNumber: m.documentNumber } : {}),
        ...(m.signedOn ? { signedOn: m.signedOn } : {}),
      };
      return api.updatePack(detail.id, { ...detail.pack, title: m.title, source });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['pack', detail.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['packs'] });
      message.success(t('prog.pack.metaSaved'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('prog.pack.metaTitle')}
      okText={t('prog.pack.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      <Form<PackMetaValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: detail.title,
          issuer: src.issuer,
          document: src.document,
          documentNumber: src.documentNumber ?? '',
          signedOn: src.signedOn ? dayjs(src.signedOn) : null,
        }}
      >
        <PackMetaFields />
      </Form>
      {save.isError ? <RuleErrorAlert error={save.error} /> : null}
    </Modal>
  );
}
