import { CopyOutlined, EditOutlined, SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PackDetail, PackProblemBody } from '@yanxun/contracts';
import { Alert, App, Breadcrumb, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { useMe } from '../../shared/session';
import { ClonePackModal } from './clone-pack-modal';
import { applyEdits, type PackEdits, packProblemsOf } from './pack-format';
import { PackHeader, PackMetaModal } from './pack-meta';
import { PackRulesEditor } from './pack-rules-editor';
import { PackWhatIf } from './pack-what-if';
import { PackStatusTag } from './packs-page';
import { canKeepPacks } from './program-labels';
import { RuleErrorAlert } from './rule-error';

export function PackDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [edits, setEdits] = useState<PackEdits>({});
  const [problems, setProblems] = useState<PackProblemBody[]>([]);
  const [cloning, setCloning] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);
  const pack = useQuery({ queryKey: ['pack', id], queryFn: () => api.pack(id) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['pack', id] });
    void queryClient.invalidateQueries({ queryKey: ['packs'] });
  };
  const save = useMutation({
    mutationFn: (detail: PackDetail) => api.updatePack(id, applyEdits(detail.pack, edits)),
    onSuccess: (saved) => {
      queryClient.setQueryData(['pack', id], saved);
      setEdits({});
      setProblems([]);
      refresh();
      message.success(t('prog.pack.saved'));
    },
    onError: (err) => setProblems(isApiError(err) ? packProblemsOf(err.details) : []),
  });
  const publish = useMutation({
    mutationFn: () => api.publishPack(id),
    onSuccess: (saved) => {
      queryClient.setQueryData(['pack', id], saved);
      refresh();
      message.success(t('prog.pack.publishedOk'));
    },
    onError: (err) => setProblems(isApiError(err) ? packProblemsOf(err.details) : []),
  });

  if (pack.isError) return <QueryError error={pack.error} full onRetry={() => void pack.refetch()} />;
  const detail = pack.data;
  if (!detail) return <Card loading />;
  const editable = detail.canEdit && detail.status === 'draft';
  const nEdits = Object.keys(edits).length;
  const failure = save.error ?? publish.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/packs">{t('prog.pack.title')}</Link> }, { title: detail.title }]}
      />
      <Card
        title={
          <Space wrap>
            <span style={{ whiteSpace: 'normal' }}>{detail.title}</span>
            <PackStatusTag status={detail.status} />
            {detail.builtin ? <Tag color="blue">{t('prog.pack.builtin')}</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {canKeepPacks(me) ? (
              <Button icon={<CopyOutlined />} onClick={() => setCloning(true)} data-testid="pack-clone">
                {t('prog.pack.clone')}
              </Button>
            ) : null}
            {editable ? (
              <>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setEditingMeta(true)}
                  data-testid="pack-edit-meta"
                >
                  {t('prog.pack.editMeta')}
                </Button>
                <Button
                  icon={<UndoOutlined />}
                  disabled={nEdits === 0}
                  onClick={() => {
                    setEdits({});
                    setProblems([]);
                  }}
                >
                  {t('prog.pack.discard')}
                </Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={nEdits === 0}
                  loading={save.isPending}
                  onClick={() => save.mutate(detail)}
                  data-testid="pack-save"
                >
                  {nEdits > 0 ? t('prog.pack.saveN', { n: nEdits }) : t('prog.pack.save')}
                </Button>
                <Button
                  icon={<SendOutlined />}
                  disabled={nEdits > 0}
                  loading={publish.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: t('prog.pack.publishConfirmTitle'),
                      content: t('prog.pack.publishConfirm'),
                      okText: t('prog.pack.publish'),
                      cancelText: t('common.cancel'),
                      onOk: () => publish.mutate(),
                    })
                  }
                  data-testid="pack-publish"
                >
                  {t('prog.pack.publish')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      >
        <PackHeader detail={detail} />
        {editable ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={nEdits > 0 ? t('prog.pack.unsaved', { n: nEdits }) : t('prog.pack.editHelp')}
          />
        ) : detail.status === 'published' ? (
          <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('prog.pack.frozen')} />
        ) : null}
        {failure ? (
          <div style={{ marginTop: 12 }}>
            <RuleErrorAlert error={failure} showProblems={false} />
          </div>
        ) : null}
      </Card>
      <Card title={t('prog.pack.rules')}>
        <PackRulesEditor
          key={`${detail.id}-${lang}`}
          pack={detail.pack}
          editable={editable}
          edits={edits}
          onChange={setEdits}
          problems={problems}
        />
      </Card>
      <PackWhatIf packId={detail.id} pack={detail.pack} edits={edits} onProblems={setProblems} />
      {cloning ? <ClonePackModal pack={detail} onClose={() => setCloning(false)} /> : null}
      {editingMeta ? <PackMetaModal detail={detail} onClose={() => setEditingMeta(false)} /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('prog.pack.units')}
      </Typography.Text>
    </Space>
  );
}
