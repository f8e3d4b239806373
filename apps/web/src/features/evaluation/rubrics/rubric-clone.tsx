import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloneRubricTitle, type Me, type RubricSummary } from '@yanxun/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { failText } from '../eval-labels';

const OWNER_KINDS = new Set(['province', 'city', 'county', 'tdc']);
const OWNER_ROLES = new Set(['system_admin', 'bureau_admin', 'tdc_staff']);

/** The units the signed-in officer may own a rubric for (a bureau or 进修学校 it administers). */
export const rubricOwners = (me: Me | undefined) =>
  (me?.grants ?? []).filter((g) => OWNER_KINDS.has(g.orgKind) && OWNER_ROLES.has(g.role));

export const rubricPath = (ref: string) => `/evaluation/rubrics/${encodeURIComponent(ref)}`;

/**
 * 复制为新量表: a built-in (or any readable rubric) becomes version 1 of a rubric the chosen unit owns. The title
 * offered takes the unit's name in place of the region the title begins with (济源's built-ins), and follows the
 * unit chosen until the officer edits it.
 */
export function RubricCloneModal({ from, onClose }: { from: RubricSummary | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const owners = rubricOwners(me);
  const [form] = Form.useForm<{ ownerOrgId: string; title: string }>();
  const suggest = (orgId: string | undefined) => {
    const owner = owners.find((g) => g.orgId === orgId);
    return from
      ? cloneRubricTitle({ title: from.title, region: from.region ?? undefined }, owner?.orgName ?? '')
      : '';
  };
  const clone = useMutation({
    mutationFn: (v: { ownerOrgId: string; title: string }) =>
      api.cloneEvaluationRubric({ ownerOrgId: v.ownerOrgId, from: from?.ref ?? '', title: v.title }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['eval-rubrics'] });
      message.success(t('rubric.cloned', { title: r.title }));
      onClose();
      navigate(rubricPath(r.ref));
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  return (
    <Modal
      open={from !== null}
      title={t('rubric.clone')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ownerOrgId: owners[0]?.orgId, title: suggest(owners[0]?.orgId) }}
        onValuesChange={(changed: { ownerOrgId?: string }, all) => {
          // the title follows the unit while it is one the dialog offered; an officer's own title stays
          if (changed.ownerOrgId === undefined || !owners.some((g) => suggest(g.orgId) === all.title)) return;
          form.setFieldValue('title', suggest(changed.ownerOrgId));
        }}
        onFinish={(v) => clone.mutate(v)}
        data-testid="rubric-clone-form"
      >
        <Form.Item name="ownerOrgId" label={t('rubric.cloneOwner')} rules={[{ required: true }]}>
          <Select options={owners.map((g) => ({ value: g.orgId, label: g.orgName }))} />
        </Form.Item>
        <Form.Item name="title" label={t('rubric.cloneTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
