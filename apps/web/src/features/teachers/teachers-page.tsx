import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  BACKBONE_LEVEL_CODES,
  type BackboneLevel,
  EMPLOYMENT_STATUS_CODES,
  type EmploymentStatus,
  type TeacherRow,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, fileUrls, isApiError } from '../../shared/api';
import { codeName, codeOptions, useCodes } from '../../shared/codes';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { genderKey } from '../../shared/labels';
import { OrgScopeTag } from '../../shared/org-scope-tag';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { SearchInput } from '../../shared/search-input';
import { hasPermission, useMe } from '../../shared/session';
import { useUrlFilters } from '../../shared/use-url-filters';
import { StatusTag } from './status-tag';

const FILTERS = ['orgId', 'q', 'stage', 'subject', 'title', 'backbone', 'status'] as const;

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((v) => v === value);
}

/**
 * The server's own words when it refuses a search term: a part of an ID number or phone (only whole numbers
 * are looked up), or a number search by a role that may not see full numbers.
 */
function searchRefusal(error: unknown): string | null {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return null;
  const d = error.details;
  const aboutQuery =
    (error.code === 'VALIDATION_FAILED' && 'field' in d && d.field === 'q') ||
    (error.code === 'FORBIDDEN' && 'permission' in d && d.permission === 'teacher.reveal_id');
  return aboutQuery ? error.message : null;
}

export function TeachersPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { filters, page, pageSize, setFilters, setPage } = useUrlFilters(FILTERS);
  const codes = useCodes();
  const { data: me } = useMe();
  const { download, pending } = useDownload();
  const query = {
    orgId: filters.orgId,
    q: filters.q,
    stage: filters.stage,
    subject: filters.subject,
    title: filters.title,
    backbone: oneOf<BackboneLevel>(BACKBONE_LEVEL_CODES, filters.backbone),
    status: oneOf<EmploymentStatus>(EMPLOYMENT_STATUS_CODES, filters.status),
    page,
    pageSize,
  };
  const teachers = useQuery({
    queryKey: ['teachers', query],
    queryFn: () => api.listTeachers(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<TeacherRow> = [
    {
      title: t('teacher.name'),
      dataIndex: 'name',
      width: 100,
      fixed: 'start',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      title: t('teacher.gender'),
      dataIndex: 'gender',
      width: 60,
      responsive: ['md'],
      render: (g: string) => {
        const key = genderKey(g);
        return key ? t(key) : g;
      },
    },
    {
      title: t('teacher.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      responsive: ['md'],
      render: (v: string) => (
        <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{v}</span>
      ),
    },
    { title: t('teacher.school'), dataIndex: 'schoolName', ellipsis: true },
    {
      title: t('teacher.stage'),
      dataIndex: 'stage',
      width: 80,
      responsive: ['lg'],
      render: (v: string | null) => codeName(codes.data, 'stages', v, lang),
    },
    {
      title: t('teacher.subject'),
      dataIndex: 'subject',
      width: 90,
      render: (v: string | null) => codeName(codes.data, 'subjects', v, lang),
    },
    {
      title: t('teacher.professionalTitle'),
      dataIndex: 'title',
      width: 110,
      responsive: ['lg'],
      render: (v: string | null) => codeName(codes.data, 'titles', v, lang),
    },
    {
      title: t('teacher.backbone'),
      dataIndex: 'backbone',
      width: 120,
      responsive: ['md'],
      render: (v: string | null) =>
        v ? <Tag color="gold">{codeName(codes.data, 'backbone', v, lang)}</Tag> : '—',
    },
    {
      title: t('teacher.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: EmploymentStatus) => <StatusTag status={v} codes={codes.data} />,
    },
  ];
  const table = useKeyColumns(columns, ['name', 'status'], { x: 'max-content' });

  const selects: {
    key: 'stage' | 'subject' | 'title' | 'backbone' | 'status';
    table: Parameters<typeof codeOptions>[1];
    label: string;
  }[] = [
    { key: 'stage', table: 'stages', label: t('teacher.stage') },
    { key: 'subject', table: 'subjects', label: t('teacher.subject') },
    { key: 'title', table: 'titles', label: t('teacher.professionalTitle') },
    { key: 'backbone', table: 'backbone', label: t('teacher.backbone') },
    { key: 'status', table: 'statuses', label: t('teacher.status') },
  ];

  return (
    <Card
      title={t('teacher.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={pending !== null}
          onClick={() =>
            void download(fileUrls.export('teachers'), 'teachers.xlsx', { orgId: filters.orgId })
          }
          data-testid="teachers-export"
        >
          {t('common.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {filters.orgId ? (
          <OrgScopeTag orgId={filters.orgId} onClear={() => setFilters({ orgId: undefined })} />
        ) : null}
        <SearchInput
          value={filters.q}
          onSearch={(q) => setFilters({ q })}
          placeholder={t(
            hasPermission(me, 'teacher.reveal_id')
              ? 'teacher.searchPlaceholderFull'
              : 'teacher.searchPlaceholder',
          )}
          width={320}
          testId="teacher-search"
        />
        {selects.map((s) => (
          <Select
            key={s.key}
            allowClear
            showSearch={s.key === 'subject' ? { optionFilterProp: 'label' } : undefined}
            placeholder={s.label}
            value={filters[s.key]}
            onChange={(v: string | undefined) => setFilters({ [s.key]: v })}
            options={codeOptions(codes.data, s.table, lang)}
            style={{ width: 130 }}
            popupMatchSelectWidth={false}
            data-testid={`teacher-filter-${s.key}`}
          />
        ))}
      </Space>
      {searchRefusal(teachers.error) ? (
        <Alert
          type="warning"
          showIcon
          title={searchRefusal(teachers.error)}
          data-testid="teacher-search-refused"
        />
      ) : teachers.isError ? (
        <QueryError error={teachers.error} onRetry={() => void teachers.refetch()} />
      ) : (
        <Table<TeacherRow>
          rowKey="id"
          size="middle"
          columns={table.columns}
          dataSource={teachers.data?.items ?? []}
          loading={teachers.isFetching}
          scroll={table.scroll}
          onRow={(row) => ({
            onClick: () => navigate(`/teachers/${row.id}`),
            style: { cursor: 'pointer' },
            'data-testid': 'teacher-row',
          })}
          pagination={{
            current: page,
            pageSize,
            total: teachers.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => (
              <Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>
            ),
            onChange: setPage,
          }}
          data-testid="teacher-table"
        />
      )}
    </Card>
  );
}
