import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RaterSheet, SaveSheet } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { evaluationEvidenceUrl } from '../../shared/api-evaluation';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { failText, StatusTag } from './eval-labels';
import { liveDetail, liveLabel } from './live-words';

type Units = SaveSheet['units'];

/** One subject's sheet: per unit the range, the evidence, the self-score and the live value; save and submit. */
export function EvaluationSheetPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['eval-sheet', id], queryFn: () => api.evaluationSheet(id) });
  const [units, setUnits] = useState<Units>({});
  const [vetoes, setVetoes] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (q.data) {
      setUnits(q.data.sheet.units);
      setVetoes(q.data.sheet.vetoes);
    }
  }, [q.data]);
  const onSaved = (s: RaterSheet) => {
    queryClient.setQueryData(['eval-sheet', id], s);
    void queryClient.invalidateQueries({ queryKey: ['eval-tasks'] });
  };
  const save = useMutation({
    mutationFn: () => api.saveEvaluationSheet(id, { units, vetoes }),
    onSuccess: (s) => {
      onSaved(s);
      message.success(t('eval.saved'));
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  const submit = useMutation({
    mutationFn: async () => {
      await api.saveEvaluationSheet(id, { units, vetoes });
      return api.submitEvaluationSheet(id);
    },
    onSuccess: onSaved,
    onError: (e) => message.error(failText(e, lang)),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  const s = q.data;
  if (!s) return <Card loading />;
  const set = (unitId: string, patch: Partial<Units[string]>) =>
    setUnits((u) => ({ ...u, [unitId]: { ...u[unitId], ...patch } }));
  return (
    <Card
      title={`${s.task.subjectName} · ${s.task.campaignName}`}
      styles={{ title: { whiteSpace: 'normal' } }}
      extra={<StatusTag status={s.task.status} />}
      data-testid="eval-sheet"
    >
      {!s.canEdit && s.task.submitted ? <Alert type="success" showIcon title={t('eval.locked')} /> : null}
      <ItemList
        items={s.units}
        rowKey={(u) => u.id}
        render={(u) => {
          const e = units[u.id];
          const live = s.live.find((l) => l.unitId === u.id);
          const self = s.selfScores[u.id];
          const differs = live?.suggested != null && e?.score !== undefined && e.score !== live.suggested;
          return (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>
                  {u.id} {u.title}
                </Typography.Text>
                <Tag>{t('eval.max', { n: u.max })}</Tag>
                {self !== undefined ? <Tag color="blue">{t('eval.self', { n: self })}</Tag> : null}
                {live?.suggested != null ? (
                  <Tag color="purple">{t('eval.live', { n: live.suggested })}</Tag>
                ) : null}
              </Space>
              {u.departments.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('eval.departments', { d: u.departments.join('、') })}
                </Typography.Text>
              ) : null}
              {live ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {liveLabel(t, live)}
                  {t('reason.colon')}
                  {liveDetail(t, live)}
                </Typography.Text>
              ) : null}
              {s.evidence
                .filter((x) => x.unitId === u.id)
                .map((x) => (
                  <a
                    key={x.id}
                    href={evaluationEvidenceUrl(s.task.subjectId, x.id)}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {x.name}
                  </a>
                ))}
              <Space wrap>
                <InputNumber
                  aria-label={`${t('eval.score')} ${u.id}`}
                  min={0}
                  max={u.max}
                  step={0.1}
                  disabled={!s.canEdit}
                  value={e?.score ?? null}
                  onChange={(v) => set(u.id, { score: v ?? undefined })}
                />
                <Input
                  placeholder={t('eval.comment')}
                  disabled={!s.canEdit}
                  value={e?.comment ?? ''}
                  onChange={(ev) => set(u.id, { comment: ev.target.value })}
                  style={{ minWidth: 200 }}
                />
                {differs ? (
                  <Input
                    placeholder={t('eval.adjustReason')}
                    disabled={!s.canEdit}
                    value={e?.adjustReason ?? ''}
                    onChange={(ev) => set(u.id, { adjustReason: ev.target.value })}
                    style={{ minWidth: 200 }}
                  />
                ) : null}
              </Space>
            </Space>
          );
        }}
      />
      {s.vetoes.map((v) => (
        <Checkbox
          key={v.id}
          checked={vetoes[v.id] === true}
          disabled={!s.canEdit}
          onChange={(ev) => setVetoes((x) => ({ ...x, [v.id]: ev.target.checked }))}
        >
          {v.label}
        </Checkbox>
      ))}
      {s.canEdit ? (
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="eval-save">
            {t('eval.save')}
          </Button>
          <Popconfirm title={t('eval.submitConfirm')} onConfirm={() => submit.mutate()}>
            <Button type="primary" loading={submit.isPending}>
              {t('eval.submit')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Card>
  );
}
