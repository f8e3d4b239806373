import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HoursEntry } from '@yanxun/contracts';
import { Card, Grid, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import { schoolYearLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { ReasonAction } from '../../shared/reason-action';
import { RuleRef } from '../../shared/rule-ref';
import { formatDate } from '../../shared/time';
import { HoursStandingView } from './hours-standing';
import { notCountedSentence } from './hours-words';
import { hours } from './outcome-status-tag';
import { TranscriptDocuments } from './transcript-documents';

function ReverseButton({ entry, teacherId }: { entry: HoursEntry; teacherId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <ReasonAction
      label={t('hours.reverse')}
      reasonLabel={t('hours.reverseReason')}
      run={(reason) => api.reverseHours(entry.id, reason)}
      onDone={(data) => queryClient.setQueryData(['teacher-hours', teacherId], data)}
    />
  );
}

/** What a posting is for: the programme or the source, then category, school year and day. */
function EntryItem({ e }: { e: HoursEntry }) {
  const { t, lang } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <span>{e.programmeTitle ?? t(`hours.src.${e.source}`)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`hours.cat.${e.category}`)} · {schoolYearLabel(e.schoolYear, lang)} · {e.occurredOn}
      </Typography.Text>
    </Space>
  );
}

/** The 学时 that count (struck through once reversed), the rule in ⓘ, and what is not counted and why. */
function EntryValue({ e }: { e: HoursEntry }) {
  const { t, lang } = useI18n();
  return (
    <span>
      {e.reversedAt ? (
        <Typography.Text delete>{hours(e.hoursTenths)}</Typography.Text>
      ) : (
        hours(e.countedTenths)
      )}
      <RuleRef rules={e.ruleId} />
      {e.notCounted ? (
        <div data-testid="hours-not-counted">
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('hours.notCounted', { n: hours(e.notCounted.tenths), reason: notCountedSentence(t, lang, e) })}
          </Typography.Text>
          <RuleRef rules={{ ruleId: e.notCounted.ruleId }} />
        </div>
      ) : null}
    </span>
  );
}

/** The teacher's hours record on the teacher detail page (bureau and school staff in scope, the teacher themself). */
export function TeacherHoursCard({ teacherId }: { teacherId: string }) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['teacher-hours', teacherId], queryFn: () => api.teacherHours(teacherId) });
  if (q.isError) return null;
  const action = (e: HoursEntry) =>
    e.reversedAt ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('hours.reversed', { reason: e.reverseReason ?? '' })}
      </Typography.Text>
    ) : q.data?.canReverse ? (
      <ReverseButton entry={e} teacherId={teacherId} />
    ) : null;
  // a phone gets one cell per posting, everything stacked, so nothing is cut at 390 px
  const columns: TableColumnsType<HoursEntry> = narrow
    ? [
        {
          title: t('hours.item'),
          render: (_, e) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <EntryItem e={e} />
              <EntryValue e={e} />
              {action(e)}
            </Space>
          ),
        },
      ]
    : [
        { title: t('hours.item'), render: (_, e) => <EntryItem e={e} /> },
        { title: t('hours.value'), width: 200, render: (_, e) => <EntryValue e={e} /> },
        { title: t('hours.postedAt'), width: 110, render: (_, e) => formatDate(e.postedAt) },
        { title: t('common.actions'), width: 140, render: (_, e) => action(e) },
      ];
  return (
    <Card
      title={t('hours.title')}
      loading={q.isPending}
      extra={q.data ? <Tag color="blue">{t('hours.total', { n: hours(q.data.totalTenths) })}</Tag> : null}
      data-testid="teacher-hours"
    >
      {q.data ? <HoursStandingView standing={q.data.standing} /> : null}
      <Table<HoursEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data?.entries ?? []}
        locale={{ emptyText: t('hours.empty') }}
        scroll={narrow ? undefined : { x: 640 }}
        columns={columns}
      />
      <TranscriptDocuments teacherId={teacherId} />
    </Card>
  );
}
