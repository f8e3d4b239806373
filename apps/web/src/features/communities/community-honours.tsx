/**
 * A community's titles on its page's own tab: a workshop's 优秀工作坊 by year with the members offered for backbone
 * recommendation (R3-W15), as name tags under the sentence they share (the rule ⓘ for officers); a studio's 优秀工作室
 * by year (R3-G18), which offers nobody. The bureau records or withdraws a title by hand; the annual selection's
 * show the same way.
 */
import { useMutation } from '@tanstack/react-query';
import type { BackboneCandidate, CommunityDetail } from '@yanxun/contracts';
import { App, Button, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { schoolYearListLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { ReasonWithRule } from '../../shared/rule-ref';
import { currentYear } from '../../shared/time';

/** Candidates who share a sentence (the same cycle and titles) listed once under it. */
function groupsOf(list: readonly BackboneCandidate[]) {
  const groups = new Map<string, { key: string; first: BackboneCandidate; members: BackboneCandidate[] }>();
  for (const b of list) {
    const key = `${b.rule}|${b.message}`;
    const g = groups.get(key);
    if (g) g.members.push(b);
    else groups.set(key, { key, first: b, members: [b] });
  }
  return [...groups.values()];
}

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
  const workshop = d.kind === 'workshop';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t(workshop ? 'comm.titles' : 'comm.studioTitles')}
      </Typography.Title>
      <Space wrap>
        {titles.length === 0 ? (
          <Typography.Text type="secondary">{t('comm.noTitle')}</Typography.Text>
        ) : (
          titles.map((x) => (
            <Tag key={x.year} color="gold">
              {t(workshop ? 'comm.titleOf' : 'comm.studioTitleOf', { year: x.year })}
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
      {workshop ? <Backbone backbone={backbone} /> : null}
    </Space>
  );
}

/** R3-W15: the members offered for backbone recommendation, under the sentence they share. */
function Backbone({ backbone }: { backbone: readonly BackboneCandidate[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('comm.backbone')}
      </Typography.Title>
      {backbone.length === 0 ? (
        <Typography.Text type="secondary">{t('comm.backboneNone')}</Typography.Text>
      ) : (
        groupsOf(backbone).map((g) => (
          <Space key={g.key} orientation="vertical" size={4} style={{ width: '100%' }}>
            <ReasonWithRule
              type="secondary"
              reason={g.first.message}
              rules={{
                ruleId: g.first.rule,
                value: `${schoolYearListLabel(g.first.schoolYears, lang)}；${g.first.titleYears.join(lang === 'en-US' ? ', ' : '、')}`,
              }}
            />
            <Space wrap size={[4, 4]}>
              {g.members.map((b) => (
                <Tag key={b.teacherId} data-testid="backbone-candidate">
                  {b.name} · {t(`comm.role.${b.role}`)}
                </Tag>
              ))}
            </Space>
          </Space>
        ))
      )}
    </>
  );
}
