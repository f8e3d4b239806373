/**
 * 教师成长档案 (R3-T09): one page of a teacher's development — profile and posts, programmes, 学时 by school year and
 * category, outcomes, certificates and transcripts, integrity records, and the sections the studios and evaluation
 * modules will fill. `/teachers/:id/archive` for staff (and the teacher), `/me/archive` for the signed-in teacher;
 * one column on a phone. The server decides who reads it (out of scope reads as not found).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TeacherArchive } from '@yanxun/contracts';
import type { DescriptionsProps } from 'antd';
import { Button, Card, Col, Descriptions, Grid, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, fileUrls } from '../../shared/api';
import { codeName, useCodes } from '../../shared/codes';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { formatDate } from '../../shared/time';
import {
  DocumentsSection,
  GrowthSections,
  HoursSection,
  IntegritySection,
  OutcomesSection,
  ProgrammesSection,
  Section,
} from './archive-sections';

function ProfileCard({ a, teacherId }: { a: TeacherArchive; teacherId: string | null }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const codes = useCodes();
  const { download, pending } = useDownload();
  const code = (table: Parameters<typeof codeName>[1], value: string | null) =>
    codeName(codes.data, table, value, lang);
  const p = a.teacher;
  const items: DescriptionsProps['items'] = [
    {
      key: 'school',
      label: t('teacher.school'),
      children: teacherId ? <Link to={`/teachers/${p.id}`}>{p.schoolName}</Link> : p.schoolName,
    },
    { key: 'county', label: t('teacher.county'), children: p.countyName ?? '—' },
    { key: 'id', label: t('archive.idTail'), children: <span data-testid="archive-id">{p.idMasked}</span> },
    { key: 'stage', label: t('teacher.stage'), children: code('stages', p.stage) },
    { key: 'subject', label: t('teacher.subject'), children: code('subjects', p.subject) },
    { key: 'title', label: t('teacher.professionalTitle'), children: code('titles', p.title) },
    {
      key: 'backbone',
      label: t('teacher.backbone'),
      children: p.backbone ? <Tag color="gold">{code('backbone', p.backbone)}</Tag> : '—',
    },
    { key: 'teachingYears', label: t('teacher.teachingYears'), children: p.teachingYears ?? '—' },
    {
      key: 'roles',
      label: t('archive.roles'),
      children:
        a.rolesHeld.length > 0 ? (
          <Space wrap size={4}>
            {a.rolesHeld.map((r) => (
              <Tag key={r}>{code('rolesHeld', r)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  const name = `${t('archive.title')}-${p.name}-${a.asOf}.pdf`;
  return (
    <Card
      styles={screens.sm ? undefined : { body: { padding: 12 }, header: { padding: '0 12px' } }}
      title={
        <Space orientation="vertical" size={0} style={{ padding: '8px 0', whiteSpace: 'normal' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="archive-name">
            {p.name}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {t('archive.title')} · {t('archive.asOf', { date: formatDate(a.asOf) })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={pending !== null}
          onClick={() => void download(fileUrls.archivePdf(teacherId), name)}
          data-testid="archive-pdf"
        >
          {screens.sm ? t('archive.downloadPdf') : 'PDF'}
        </Button>
      }
    >
      <Descriptions
        items={items}
        column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 3 }}
        size="small"
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="archive-profile"
      />
    </Card>
  );
}

/** The archive's body, laid out in two columns from `lg` and one below. */
export function ArchiveView({ a, teacherId }: { a: TeacherArchive; teacherId: string | null }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="archive">
      <ProfileCard a={a} teacherId={teacherId} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <HoursSection a={a} />
            <ProgrammesSection a={a} />
            <OutcomesSection a={a} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <DocumentsSection a={a} />
            <IntegritySection a={a} />
            <Section
              title={t('archive.postings')}
              testId="archive-postings"
              items={a.postings}
              rowKey={(p) => `${p.schoolId}-${p.fromDate}`}
              render={(p) => (
                <div>
                  <div>{p.schoolName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(p.fromDate)} ~ {p.toDate ? formatDate(p.toDate) : t('archive.present')}
                    {p.reason ? ` · ${p.reason}` : ''}
                  </Typography.Text>
                </div>
              )}
            />
            <GrowthSections a={a} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** `/teachers/:id/archive` (a teacher the user may read) or `/me/archive` (the signed-in teacher's own). */
export function ArchivePage() {
  const { id } = useParams();
  const teacherId = id ?? null;
  const archive = useQuery({
    queryKey: ['archive', teacherId ?? 'me'],
    queryFn: () => (teacherId ? api.teacherArchive(teacherId) : api.myArchive()),
  });
  if (archive.isError)
    return <QueryError error={archive.error} full onRetry={() => void archive.refetch()} />;
  if (archive.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <ArchiveView a={archive.data} teacherId={teacherId} />;
}
