/**
 * R3-W15 on the workshop page: its 优秀工作坊 titles by year (the bureau records or withdraws them) and the members
 * offered for backbone recommendation, each with the sentence and, for officers, the rule ⓘ.
 */
import { useMutation } from '@tanstack/react-query';
import type { CommunityDetail } from '@yanxun/contracts';
import { App, Button, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { ReasonWithRule } from '../../shared/rule-ref';
import { currentYear } from '../../shared/time';

export function CommunityHonours({
  d,
  onChange,
}: {
  d: CommunityDetail;
  onChange: (d: CommunityDetail) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState<number>(currentYear());
  const title = useMutation({
    mutationFn: (v: { year: number; awarded: boolean }) => api.recordCommunityTitle(d.id, v.year, v.awarded),
    onSuccess: (next) => {
      onChange(next);
      void message.success(t('comm.saved'));
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const titles = d.titles ?? [];
  const backbone = d.backbone ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('comm.titles')}
      </Typography.Title>
      <Space wrap>
        {titles.length === 0 ? (
          <Typography.Text type="secondary">{t('comm.noTitle')}</Typography.Text>
        ) : (
          titles.map((x) => (
            <Tag key={x.year} color="gold">
              {t('comm.titleOf', { year: x.year })}
              {d.canTitle ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => title.mutate({ year: x.year, awarded: false })}
                >
                  {t('comm.withdraw')}
                </Button>
              ) : null}
            </Tag>
          ))
        )}
      </Space>
      {d.canTitle ? (
        <Space wrap>
          <InputNumber
            aria-label={t('comm.titleYear')}
            min={2000}
            max={currentYear()}
            value={year}
            onChange={(v) => setYear(v ?? currentYear())}
          />
          <Button loading={title.isPending} onClick={() => title.mutate({ year, awarded: true })}>
            {t('comm.award')}
          </Button>
        </Space>
      ) : null}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('comm.backbone')}
      </Typography.Title>
      {backbone.length === 0 ? (
        <Typography.Text type="secondary">{t('comm.backboneNone')}</Typography.Text>
      ) : (
        <ItemList
          size="small"
          items={backbone}
          rowKey={(b) => b.teacherId}
          itemProps={() => ({ 'data-testid': 'backbone-candidate' })}
          render={(b) => (
            <>
              <Typography.Text strong>{b.name}</Typography.Text> <Tag>{t(`comm.role.${b.role}`)}</Tag>
              <div>
                <ReasonWithRule
                  type="secondary"
                  reason={b.message}
                  rules={{ ruleId: b.rule, value: `${b.schoolYears.join('、')}；${b.titleYears.join('、')}` }}
                />
              </div>
            </>
          )}
        />
      )}
    </Space>
  );
}
