/**
 * The teachers of the unit on show, most behind first: a filter (behind on anything, on the cycle, on the school
 * year, on one category, or everyone), a page at a time, each with the plain reason; the same list as Excel, and
 * a reminder to each teacher behind (for hours.remind holders).
 */
import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  ComplianceFilter,
  ComplianceRemindResult,
  ComplianceTeacher,
  HourCategoryCode,
  HoursCompliance,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  Button,
  Card,
  Grid,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { COMPLIANCE_TEACHERS_XLSX } from '../../shared/api-hours-compliance';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ReasonWithRule } from '../../shared/rule-ref';
import { hasPermission, useMe } from '../../shared/session';
import { hours } from '../outcomes/outcome-status-tag';
import { complianceSentence } from './compliance-words';

export interface TeacherFilter {
  behind: ComplianceFilter;
  category?: HourCategoryCode;
  page: number;
  pageSize: number;
}

const FILTERS: ComplianceFilter[] = ['any', 'cycle', 'year', 'category', 'all'];

/**
 * The page of teachers the filter names. Its request needs nothing of the report, so the page asks for both at
 * once (one round trip, not two), with one exception: a category filter without its category (a hand-typed URL)
 * lists the report's first category, and waits for the report.
 */
export function useTeacherList(orgId: string | undefined, filter: TeacherFilter, report?: HoursCompliance) {
  const category =
    filter.behind === 'category' ? (filter.category ?? report?.categories[0]?.category) : undefined;
  const which = { orgId, behind: filter.behind, category };
  const list = useQuery({
    queryKey: ['hours-compliance', 'teachers', which, filter.page, filter.pageSize],
    queryFn: () => api.complianceTeachers({ ...which, page: filter.page, pageSize: filter.pageSize }),
    placeholderData: keepPreviousData,
    enabled: filter.behind !== 'category' || filter.category !== undefined || report !== undefined,
  });
  return { which, list };
}
export type TeacherList = ReturnType<typeof useTeacherList>;

/** counted / due, red while counted is short of it. */
function OfPace({ counted, pace }: { counted: number; pace: number }) {
  const text = `${hours(counted)} / ${hours(pace)}`;
  return counted < pace ? <Typography.Text type="danger">{text}</Typography.Text> : <span>{text}</span>;
}

export function ComplianceTeachers({
  report,
  teachers: { which, list },
  filter,
  onFilter,
  onPage,
}: {
  report: HoursCompliance;
  teachers: TeacherList;
  filter: TeacherFilter;
  onFilter: (behind: ComplianceFilter, category?: HourCategoryCode) => void;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t, lang } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const { data: me } = useMe();
  const { download, pending } = useDownload();
  const canRemind = hasPermission(me, 'hours.remind');
  const { orgId, category } = which;
  const remind = useMutation<ComplianceRemindResult>({
    mutationFn: () =>
      api.remindBehind({ orgId, behind: filter.behind === 'all' ? 'any' : filter.behind, category }),
  });
  const total = list.data?.total ?? 0;
  const catLabel = (c: HourCategoryCode) => t(`hours.cat.${c}`);

  const name = (r: ComplianceTeacher) => (
    <Space size={4} wrap>
      <Link to={`/teachers/${encodeURIComponent(r.teacherId)}`} data-testid={`hc-teacher-${r.teacherId}`}>
        {r.name}
      </Link>
      {r.groupName ? <Tag color="purple">{r.groupName}</Tag> : null}
    </Space>
  );
  const shortCell = (r: ComplianceTeacher) =>
    r.onTrack ? (
      <Tag color="success">{t('hc.onTrackTag')}</Tag>
    ) : (
      <Typography.Text type="danger">{hours(r.shortOfExpectedTenths)}</Typography.Text>
    );
  const yearCell = (r: ComplianceTeacher) =>
    r.yearPaceTenths > 0 ? (
      <OfPace counted={r.yearCountedTenths} pace={r.yearPaceTenths} />
    ) : (
      hours(r.yearCountedTenths)
    );

  // a phone: one cell per teacher, everything stacked, so nothing is cut at 390 px
  const columns: TableColumnsType<ComplianceTeacher> = narrow
    ? [
        {
          title: t('hc.list'),
          key: 'teacher',
          render: (_: unknown, r) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space size={8} wrap>
                {name(r)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.schoolName}
                </Typography.Text>
              </Space>
              <Typography.Text style={{ fontSize: 13 }}>{complianceSentence(t, lang, r)}</Typography.Text>
              <Space size={12} wrap style={{ fontSize: 12 }}>
                <span>
                  {t('hc.col.counted')} {hours(r.cycleCountedTenths)}，{t('hc.col.expected')}{' '}
                  {hours(r.expectedTenths)}
                </span>
                <span>
                  {t('hc.col.year')} {yearCell(r)}
                </span>
                {r.categories.map((c) => (
                  <span key={c.category}>
                    {t('hc.col.cat', { label: catLabel(c.category) })}{' '}
                    <OfPace counted={c.countedTenths} pace={c.paceTenths} />
                  </span>
                ))}
              </Space>
            </Space>
          ),
        },
      ]
    : [
        {
          title: t('hc.col.name'),
          key: 'name',
          fixed: 'left',
          width: 130,
          render: (_: unknown, r) => name(r),
        },
        { title: t('hc.col.school'), dataIndex: 'schoolName', width: 180 },
        {
          title: t('hc.col.counted'),
          dataIndex: 'cycleCountedTenths',
          align: 'right',
          render: (v: number) => hours(v),
        },
        {
          title: t('hc.col.expected'),
          dataIndex: 'expectedTenths',
          align: 'right',
          render: (v: number) => hours(v),
        },
        { title: t('hc.col.shortOf'), key: 'short', align: 'right', render: (_: unknown, r) => shortCell(r) },
        { title: t('hc.col.year'), key: 'year', align: 'right', render: (_: unknown, r) => yearCell(r) },
        ...report.categories.map((c) => ({
          title: t('hc.col.cat', { label: catLabel(c.category) }),
          key: `cat-${c.category}`,
          align: 'right' as const,
          render: (_: unknown, r: ComplianceTeacher) => {
            const x = r.categories.find((y) => y.category === c.category);
            return x ? <OfPace counted={x.countedTenths} pace={x.paceTenths} /> : '—';
          },
        })),
        {
          title: t('hc.col.message'),
          key: 'message',
          width: 360,
          render: (_: unknown, r: ComplianceTeacher) => complianceSentence(t, lang, r),
        },
      ];

  const pick = (v: ComplianceFilter) =>
    onFilter(v, v === 'category' ? report.categories[0]?.category : undefined);
  const filters = FILTERS.filter((f) => f !== 'category' || report.categories.length > 0);
  const remindBlocked = filter.behind === 'all' ? t('hc.remindAll') : total === 0 ? t('hc.remindNone') : null;
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          {t('hc.list')}
          {list.data ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="hc-total">
              {t('hc.total', { n: total })}
            </Typography.Text>
          ) : null}
        </Space>
      }
      data-testid="hc-teachers-card"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={[8, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={[8, 8]}>
            {narrow ? (
              // a phone: the five choices do not fit in one row of 390 px
              <Select<ComplianceFilter>
                aria-label={t('hc.list')}
                style={{ minWidth: 170 }}
                value={filter.behind}
                options={filters.map((f) => ({ value: f, label: t(`hc.f.${f}`) }))}
                onChange={pick}
                data-testid="hc-filter"
              />
            ) : (
              <Segmented<ComplianceFilter>
                value={filter.behind}
                options={filters.map((f) => ({ value: f, label: t(`hc.f.${f}`) }))}
                onChange={pick}
                data-testid="hc-filter"
              />
            )}
            {filter.behind === 'category' ? (
              <Select<HourCategoryCode>
                aria-label={t('hc.category')}
                style={{ minWidth: 140 }}
                value={category}
                options={report.categories.map((c) => ({ value: c.category, label: catLabel(c.category) }))}
                onChange={(c) => onFilter('category', c)}
              />
            ) : null}
          </Space>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={pending !== null}
              disabled={!list.data || total === 0}
              onClick={() =>
                void download(COMPLIANCE_TEACHERS_XLSX, `${report.unit.name}-学时进度.xlsx`, which)
              }
              data-testid="hc-export"
            >
              {t('hc.export')}
            </Button>
            {canRemind ? (
              <Popconfirm
                title={t('hc.remind')}
                description={<div style={{ maxWidth: 300 }}>{t('hc.remindConfirm', { n: total })}</div>}
                disabled={remindBlocked !== null}
                onConfirm={() => remind.mutate()}
                okButtonProps={{ loading: remind.isPending }}
              >
                <Tooltip title={remindBlocked}>
                  <Button
                    type="primary"
                    icon={<NotificationOutlined />}
                    disabled={remindBlocked !== null || !list.data}
                    loading={remind.isPending}
                    data-testid="hc-remind"
                  >
                    {t('hc.remind')}
                  </Button>
                </Tooltip>
              </Popconfirm>
            ) : null}
          </Space>
        </Space>
        {remind.data ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => remind.reset()}
            title={
              <ReasonWithRule
                reason={t('hc.reminded', {
                  sent: remind.data.sent,
                  skipped: remind.data.skipped,
                  days: remind.data.intervalDays,
                })}
                rules={{
                  ruleId: remind.data.ruleId,
                  value: t('hc.ruleRemind', { days: remind.data.intervalDays }),
                }}
              />
            }
            data-testid="hc-reminded"
          />
        ) : null}
        {remind.error ? <Alert type="error" showIcon title={errorMessage(remind.error, lang)} /> : null}
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<ComplianceTeacher>
          rowKey="teacherId"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={narrow ? undefined : { x: 'max-content' }}
          showHeader={!narrow}
          locale={{ emptyText: t('hc.emptyBehind') }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            size: 'small',
            onChange: onPage,
          }}
          data-testid="hc-teachers-table"
        />
      </Space>
    </Card>
  );
}
