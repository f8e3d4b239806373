/**
 * One 五育 monitoring round: its results, and for officers the schools with their students per grade, the data
 * completeness, the seeded draw (CD-25, TL-14) with its download, the indicator template and upload (a bad row
 * refuses the file whole and lists row, column, value and reason).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FiveEduRoundDetail } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import {
  fiveEduEnrolmentsTemplatePath,
  fiveEduSampleCsvPath,
  fiveEduTemplatePath,
} from '../../shared/api-five-education';
import { isApiError } from '../../shared/api-transport';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ResultsPanel } from './results-panel';
import { SampleCard } from './sample-card';
import { ValuesModal } from './values-modal';

type School = FiveEduRoundDetail['schools'][number];
interface RowProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export function RoundView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['five-edu', 'round', id], queryFn: () => api.fiveEduRound(id) });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button onClick={onBack}>{t('five.round.back')}</Button>
      {r && (
        <Card title={r.name} loading={q.isLoading}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'f',
                label: t('five.round.framework'),
                children: `${r.frameworkName}（v${r.frameworkVersion}）`,
              },
              { key: 's', label: t('five.round.scope'), children: r.orgName },
              { key: 'n', label: t('five.round.schools'), children: r.schoolCount },
              { key: 'sp', label: t('five.round.studentPercent'), children: r.studentPercent },
              { key: 'tp', label: t('five.round.staffPercent'), children: r.staffPercent },
              { key: 'seed', label: t('five.round.seed'), children: r.seed ?? t('five.round.notDrawn') },
            ]}
          />
        </Card>
      )}
      {r && (
        <Tabs
          items={[
            { key: 'results', label: t('five.round.tab.results'), children: <ResultsPanel roundId={id} /> },
            ...(r.canManage
              ? [{ key: 'schools', label: t('five.round.tab.schools'), children: <SchoolsPanel round={r} /> }]
              : []),
          ]}
        />
      )}
    </Space>
  );
}

function SchoolsPanel({ round }: { round: FiveEduRoundDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { download } = useDownload();
  const [seed, setSeed] = useState('');
  const [editing, setEditing] = useState<School | null>(null);
  const [entering, setEntering] = useState<School | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['five-edu'] });
  const draw = useMutation({
    mutationFn: () => api.drawFiveEduSample(round.id, seed.trim() ? { seed: seed.trim() } : {}),
    onSuccess: async (s) => {
      message.success(t('five.draw.done', { students: s.students.count, staff: s.staff.count }));
      setSeed(s.seed ?? '');
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const upload = useMutation({
    mutationFn: ({ file, what }: { file: File; what: 'values' | 'enrolments' }) =>
      what === 'values'
        ? api.uploadFiveEduValues(round.id, file)
        : api.uploadFiveEduEnrolments(round.id, file),
    onSuccess: async (r) => {
      setProblems([]);
      message.success(t('five.values.uploaded', { n: r.values }));
      await refresh();
    },
    onError: (e) => {
      const details = isApiError(e) ? (e.details as { errors?: RowProblem[] } | undefined) : undefined;
      setProblems(details?.errors ?? []);
      message.error(errorMessage(e));
    },
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Input
            aria-label={t('five.round.seed')}
            placeholder={t('five.draw.seedHint')}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            style={{ width: 320 }}
            maxLength={64}
          />
          <Button type="primary" loading={draw.isPending} onClick={() => draw.mutate()}>
            {t('five.draw')}
          </Button>
          <Button
            disabled={!round.seed}
            onClick={() => void download(fiveEduSampleCsvPath(round.id), 'sample.csv')}
          >
            {t('five.draw.csv')}
          </Button>
          <Button onClick={() => void download(fiveEduTemplatePath(round.id), 'values.xlsx')}>
            {t('five.values.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate({ file, what: 'values' });
              return false;
            }}
          >
            <Button loading={upload.isPending}>{t('five.values.upload')}</Button>
          </Upload>
          <Button onClick={() => void download(fiveEduEnrolmentsTemplatePath(round.id), 'grades.xlsx')}>
            {t('five.enrolments.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate({ file, what: 'enrolments' });
              return false;
            }}
          >
            <Button loading={upload.isPending}>{t('five.enrolments.upload')}</Button>
          </Upload>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('five.values.note')}
        </Typography.Paragraph>
      </Card>
      {problems.length > 0 && (
        <Alert
          type="error"
          title={t('five.values.errors')}
          description={
            <Table<RowProblem>
              rowKey={(p) => `${p.row}-${p.column}`}
              size="small"
              pagination={false}
              dataSource={problems}
              columns={[
                { title: t('five.values.row'), dataIndex: 'row' },
                { title: t('five.values.column'), dataIndex: 'column' },
                { title: t('five.values.value'), dataIndex: 'value' },
                { title: t('five.values.reason'), dataIndex: 'reason' },
              ]}
            />
          }
        />
      )}
      <Table<School>
        rowKey="id"
        size="small"
        dataSource={round.schools}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('five.school'), dataIndex: 'name' },
          { title: t('five.county'), dataIndex: 'countyName' },
          { title: t('five.students'), dataIndex: 'students' },
          {
            title: t('five.valuesEntered'),
            render: (_, s) => `${s.valuesEntered} / ${round.indicators.length}`,
          },
          { title: t('five.sampledStudents'), dataIndex: 'sampledStudents' },
          { title: t('five.sampledStaff'), dataIndex: 'sampledStaff' },
          {
            title: t('common.actions'),
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => setEditing(s)}>
                  {t('five.editStudents')}
                </Button>
                <Button size="small" onClick={() => setEntering(s)}>
                  {t('five.values.enter')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <GradesModal roundId={round.id} school={editing} onClose={() => setEditing(null)} />}
      {entering && <ValuesModal round={round} school={entering} onClose={() => setEntering(null)} />}
      <SampleCard roundId={round.id} />
    </Space>
  );
}

const GRADES = Array.from({ length: 12 }, (_, i) => String(i + 1));

function GradesModal({ roundId, school, onClose }: { roundId: string; school: School; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [grades, setGrades] = useState<Record<string, number>>(school.grades);
  const save = useMutation({
    mutationFn: () =>
      api.setFiveEduEnrolments(roundId, {
        schools: [
          {
            schoolId: school.id,
            grades: Object.fromEntries(Object.entries(grades).filter(([, n]) => n > 0)),
          },
        ],
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['five-edu'] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title={`${school.name} · ${t('five.editStudents')}`}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
    >
      <Space wrap>
        {GRADES.map((g) => (
          <Space key={g} orientation="vertical" size={0}>
            <Typography.Text>{t('five.grade', { n: g })}</Typography.Text>
            <InputNumber
              aria-label={t('five.grade', { n: g })}
              min={0}
              max={5000}
              precision={0}
              value={grades[g] ?? 0}
              onChange={(v) => setGrades({ ...grades, [g]: v ?? 0 })}
            />
          </Space>
        ))}
      </Space>
    </Modal>
  );
}
