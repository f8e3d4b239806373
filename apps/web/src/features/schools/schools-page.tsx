import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LOCATION_TYPE_CODES, type SchoolRow } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, fileUrls } from '../../shared/api';
import { codeName, codeOptions, useCodes } from '../../shared/codes';
import { useDownload } from '../../shared/download';
import { countLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { locationKey } from '../../shared/labels';
import { OrgScopeTag } from '../../shared/org-scope-tag';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { SearchInput } from '../../shared/search-input';
import { useUrlFilters } from '../../shared/use-url-filters';

const FILTERS = ['orgId', 'q', 'stage', 'locationType'] as const;

function isLocationType(value: string | undefined): value is (typeof LOCATION_TYPE_CODES)[number] {
  return value !== undefined && (LOCATION_TYPE_CODES as readonly string[]).includes(value);
}

export function SchoolsPage() {
  const { t, lang } = useI18n();
  const { filters, page, pageSize, setFilters, setPage } = useUrlFilters(FILTERS);
  const codes = useCodes();
  const { download, pending } = useDownload();
  const locationType = isLocationType(filters.locationType) ? filters.locationType : undefined;
  const query = { orgId: filters.orgId, q: filters.q, stage: filters.stage, locationType, page, pageSize };
  const schools = useQuery({
    queryKey: ['schools', query],
    queryFn: () => api.listSchools(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<SchoolRow> = [
    {
      title: t('school.code'),
      dataIndex: 'code',
      width: 120,
      responsive: ['md'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('school.name'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/orgs/${row.id}`}>{name}</Link>,
    },
    {
      title: t('school.county'),
      dataIndex: 'countyName',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('school.township'),
      dataIndex: 'townshipName',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('school.type'),
      dataIndex: 'schoolType',
      width: 130,
      responsive: ['lg'],
      render: (v: string | null | undefined) => codeName(codes.data, 'schoolTypes', v, lang),
    },
    {
      title: t('school.stages'),
      dataIndex: 'stages',
      width: 150,
      responsive: ['md'],
      render: (stages: string[] | undefined) =>
        stages && stages.length > 0
          ? stages.map((s) => (
              <Tag key={s} style={{ marginInlineEnd: 4 }}>
                {codeName(codes.data, 'stages', s, lang)}
              </Tag>
            ))
          : '—',
    },
    {
      title: t('school.locationType'),
      dataIndex: 'locationType',
      width: 90,
      responsive: ['md'],
      render: (v: string | null | undefined) => {
        const key = locationKey(v);
        return key ? t(key) : '—';
      },
    },
    {
      title: t('school.teacherCount'),
      dataIndex: 'teacherCount',
      width: 80,
      align: 'right',
      render: (n: number | undefined, row) => (
        <Link to={`/teachers?orgId=${row.id}`}>{countLabel(n ?? 0)}</Link>
      ),
    },
  ];
  const table = useKeyColumns(columns, ['name', 'teacherCount'], { x: 'max-content' });

  return (
    <Card
      title={t('school.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={pending !== null}
          onClick={() => void download(fileUrls.export('schools'), 'schools.xlsx', { orgId: filters.orgId })}
          data-testid="schools-export"
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
          placeholder={t('school.searchPlaceholder')}
          width={300}
          testId="school-search"
        />
        <Select
          allowClear
          placeholder={t('school.stages')}
          value={filters.stage}
          onChange={(v: string | undefined) => setFilters({ stage: v })}
          options={codeOptions(codes.data, 'stages', lang)}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('school.locationType')}
          value={locationType}
          onChange={(v: string | undefined) => setFilters({ locationType: v })}
          options={LOCATION_TYPE_CODES.map((v) => ({ value: v, label: t(`location.${v}`) }))}
          style={{ width: 140 }}
        />
      </Space>
      {schools.isError ? (
        <QueryError error={schools.error} onRetry={() => void schools.refetch()} />
      ) : (
        <Table<SchoolRow>
          rowKey="id"
          size="middle"
          columns={table.columns}
          dataSource={schools.data?.items ?? []}
          loading={schools.isFetching}
          scroll={table.scroll}
          pagination={{
            current: page,
            pageSize,
            total: schools.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => (
              <Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>
            ),
            onChange: setPage,
          }}
          data-testid="school-table"
        />
      )}
    </Card>
  );
}
