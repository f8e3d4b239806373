import { DownloadOutlined } from '@ant-design/icons';
import {
  type ExamReport,
  type ExamWarning,
  type GradeCount,
  gradeBandLabels,
  type ReportSchoolRow,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { fileUrls } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { countLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { warningSentence } from '../../shared/reasons';
import { ReasonWithRule } from '../../shared/rule-ref';
import { ItemScatter, ScoreHistogram, ValueAddedChart } from './exam-charts';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
const fix = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));

function GradeBar({ grades }: { grades: GradeCount[] }) {
  const colors = ['#1d5fbf', '#4c8be0', '#9cc0ef', '#e0e6ef', '#f0f0f0'];
  return (
    <div style={{ display: 'flex', height: 16, width: 180, borderRadius: 3, overflow: 'hidden' }}>
      {grades.map((g, i) => (
        <Tooltip key={g.grade} title={`${g.grade} ${pct(g.rate)}`}>
          <div style={{ width: `${(g.rate ?? 0) * 100}%`, background: colors[i] ?? '#ddd' }} />
        </Tooltip>
      ))}
    </div>
  );
}

const REGION_ROW = '__region';

/**
 * The region's own line for the schools table, labelled 全市 (or 全区 …): a school's admin reads the city's figures
 * beside their school's, never as an unlabelled row above it.
 */
function regionRow(r: ExamReport, label: string): ReportSchoolRow {
  const small = r.overall.grades.length === 0 && r.overall.totals === null;
  return {
    schoolId: REGION_ROW,
    school: label,
    countyId: '',
    suppressed: small,
    n: small ? null : r.overall.n,
    grades: small ? null : r.overall.grades,
    totals: r.overall.totals,
    aboveMeanRate: null,
    standardised: null,
    rank: null,
    valueAdded: null,
  };
}

/** The report exactly as the server cut it for this audience; nothing here decides what may be shown. */
export function ExamReportView({ report }: { report: ExamReport }) {
  const { t, lang } = useI18n();
  const { download, pending } = useDownload();
  const r = report;
  const minN = r.policy.minGroupN;
  const suppressedText = t('exam.rep.suppressed', { n: minN });
  const whole = t(`exam.rep.region.${r.region.scope}`);
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  // from xl the school table fits its card (columns share the width); between md and xl it scrolls inside it
  const fits = screens.xl === true || narrow;
  const pin = fits ? undefined : ('left' as const);
  const ownSchool = r.audience === 'school';
  const rows = r.schools.length > 0 ? [regionRow(r, whole), ...r.schools] : [];
  const gradeCols: TableColumnsType<ReportSchoolRow> = r.policy.gradeCuts.map((c, i) => ({
    title: t('exam.rep.gradeShare', { grade: c.grade }),
    key: `g${i}`,
    width: 80,
    align: 'right',
    render: (_: unknown, s: ReportSchoolRow) => (s.suppressed ? '' : pct(s.grades?.[i]?.rate)),
  }));
  const columns: TableColumnsType<ReportSchoolRow> = [
    ...(r.policy.ranks
      ? [
          {
            title: t('exam.rep.rank'),
            dataIndex: 'rank',
            width: 64,
            align: 'right' as const,
            fixed: pin,
          },
        ]
      : []),
    {
      title: t('exam.rep.school'),
      dataIndex: 'school',
      // pinned while the figures scroll; on a phone a long name is cut (the whole name on hover)
      width: narrow ? 120 : 220,
      fixed: pin,
      ellipsis: true,
      render: (name: string, s: ReportSchoolRow) =>
        s.schoolId === REGION_ROW ? (
          <Tooltip title={t('exam.rep.regionRowTip', { name: r.region.name })}>
            <Typography.Text strong data-testid="region-row">
              {name}
            </Typography.Text>
          </Tooltip>
        ) : (
          name
        ),
    },
    {
      title: t('exam.rep.n'),
      dataIndex: 'n',
      width: 110,
      align: 'right',
      render: (n: number | null, s) =>
        s.suppressed ? <Typography.Text type="secondary">{suppressedText}</Typography.Text> : countLabel(n),
    },
    ...gradeCols,
    ...(r.mode !== 'grades'
      ? ([
          {
            title: t('exam.rep.mean'),
            key: 'mean',
            width: 80,
            align: 'right',
            render: (_: unknown, s: ReportSchoolRow) => fix(s.totals?.mean),
          },
          {
            title: t('exam.rep.pass'),
            key: 'pass',
            width: 80,
            align: 'right',
            render: (_: unknown, s: ReportSchoolRow) => pct(s.totals?.passRate),
          },
          {
            title: t('exam.rep.excellent'),
            key: 'ex',
            width: 80,
            align: 'right',
            render: (_: unknown, s: ReportSchoolRow) => pct(s.totals?.excellentRate),
          },
        ] as TableColumnsType<ReportSchoolRow>)
      : []),
    ...(r.mode === 'full'
      ? ([
          {
            title: t('exam.rep.aboveMean'),
            key: 'amr',
            width: 80,
            align: 'right',
            render: (_: unknown, s: ReportSchoolRow) => pct(s.aboveMeanRate),
          },
          {
            title: t('exam.rep.standardised'),
            key: 'z',
            width: 80,
            align: 'right',
            render: (_: unknown, s: ReportSchoolRow) => fix(s.standardised, 2),
          },
          {
            title: t('exam.rep.va'),
            key: 'va',
            width: 150,
            align: 'right',
            render: (_: unknown, s: ReportSchoolRow) =>
              s.valueAdded
                ? `${fix(s.valueAdded.va, 2)} [${fix(s.valueAdded.ciLow, 2)}, ${fix(s.valueAdded.ciHigh, 2)}]`
                : '—',
          },
        ] as TableColumnsType<ReportSchoolRow>)
      : []),
  ];
  // fitting the card means the figures share what the rank, the school's name and the value-added interval (which
  // must not wrap) leave of its width: all their widths would add up past it
  const keepsWidth = (c: (typeof columns)[number]) =>
    ['rank', 'school', 'va'].includes(String(('dataIndex' in c && c.dataIndex) || c.key));
  const sized =
    fits && !narrow ? columns.map((c) => (keepsWidth(c) ? c : { ...c, width: undefined })) : columns;
  const table = useKeyColumns(
    sized,
    ['rank', 'school', ...(r.mode === 'grades' ? ['g0'] : ['mean', 'pass'])],
    fits ? undefined : { x: 'max-content' },
  );
  const tot = r.overall.totals;
  // the server's notes are Chinese (they also go into the Excel export); the page says the same in the UI language
  const notes = [
    ...(r.mode === 'grades' ? [t('exam.rep.note.grades')] : []),
    ...(!r.policy.ranks ? [t('exam.rep.note.ranks')] : []),
    t('exam.rep.note.small', { n: minN }),
    // the sampling note (R-002-12) is the server's alone
    ...r.policy.notes.filter((n) => n.startsWith('按抽样监测')),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {r.exam.name}
            </Typography.Title>
            <Tag color={r.audience === 'monitoring' ? 'purple' : 'blue'}>
              {t(`exam.rep.audience.${r.audience}`)}
            </Tag>
            <Tag>{t(`exam.rep.mode.${r.mode}`)}</Tag>
          </Space>
          <Space>
            <Button
              icon={<DownloadOutlined />}
              loading={pending === fileUrls.examReportXlsx(r.exam.id)}
              onClick={() => download(fileUrls.examReportXlsx(r.exam.id), `${r.exam.name}.xlsx`)}
            >
              {t('exam.rep.export')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={pending === fileUrls.examReportPdf(r.exam.id)}
              onClick={() => download(fileUrls.examReportPdf(r.exam.id), `${r.exam.name}.pdf`)}
            >
              {t('exam.rep.exportPdf')}
            </Button>
          </Space>
        </Space>
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={
            <ReasonWithRule reason={notes.join(lang === 'zh-CN' ? '；' : '; ')} rules={r.policy.ruleIds} />
          }
          description={t('exam.rep.cuts', {
            cuts: gradeBandLabels(r.policy.gradeCuts)
              .map((c) => c.label)
              .join(lang === 'zh-CN' ? '，' : ', '),
          })}
        />
        <Typography.Title level={5} style={{ marginTop: 16, marginBottom: 0 }} data-testid="region-overall">
          {t('exam.rep.regionOverall', { scope: whole, name: r.region.name })}
        </Typography.Title>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={12} md={4}>
            <Statistic title={t('exam.students')} value={r.overall.n} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('exam.absent')} value={r.overall.absent} />
          </Col>
          {tot ? (
            <>
              <Col xs={12} md={4}>
                <Statistic title={t('exam.rep.mean')} value={fix(tot.mean)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={t('exam.rep.pass')} value={pct(tot.passRate)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={t('exam.rep.excellent')} value={pct(tot.excellentRate)} />
              </Col>
            </>
          ) : null}
          {r.overall.alpha !== null ? (
            <Col xs={12} md={4}>
              <Statistic title={t('exam.rep.alpha')} value={fix(r.overall.alpha, 3)} />
            </Col>
          ) : null}
        </Row>
        {r.overall.grades.length ? (
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={{ xs: 2, md: 5 }}
            title={t('exam.rep.regionGrades', { scope: whole })}
          >
            {r.overall.grades.map((g) => (
              <Descriptions.Item key={g.grade} label={g.grade}>
                {pct(g.rate)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : null}
      </Card>
      <Row gutter={16}>
        {r.bands ? (
          <Col xs={24} lg={12}>
            <Card title={t('exam.rep.regionDistribution', { scope: whole })}>
              <ScoreHistogram
                bands={r.bands}
                label={t('exam.rep.distribution')}
                seriesName={t('exam.rep.students')}
                axisNames={{ x: t('exam.rep.axisBand'), y: t('exam.rep.axisStudents') }}
              />
            </Card>
          </Col>
        ) : null}
        {r.items ? (
          <Col xs={24} lg={12}>
            <Card title={t('exam.rep.itemScatter')}>
              <ItemScatter
                items={r.items}
                label={t('exam.rep.itemScatter')}
                xName={t('exam.rep.difficulty')}
                yName={t('exam.rep.discrimination')}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
      {r.schools.some((s) => s.valueAdded) ? (
        <Card title={t('exam.rep.comparison')}>
          <ValueAddedChart
            schools={r.schools}
            label={t('exam.rep.comparison')}
            axisName={t('exam.rep.axisVa')}
          />
        </Card>
      ) : null}
      <Card
        title={ownSchool ? t('exam.rep.ownSchool', { scope: whole }) : t('exam.rep.schools')}
        data-testid="schools-table"
      >
        {rows.length === 0 ? (
          // nothing of the reader's own for this exam (a stage the school does not teach): say so, no empty table
          <Alert
            type="info"
            showIcon
            data-testid="no-school-rows"
            title={
              ownSchool
                ? t('exam.rep.noOwnRows', { grade: r.exam.grade, scope: whole })
                : t('exam.rep.noRowsInScope', { scope: whole })
            }
          />
        ) : (
          <Table<ReportSchoolRow>
            rowKey="schoolId"
            size="small"
            columns={table.columns}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={table.scroll}
            onRow={(s) => (s.schoolId === REGION_ROW ? { style: { background: '#f5f8ff' } } : {})}
            expandable={
              r.mode === 'grades'
                ? {
                    expandedRowRender: (s) => (s.grades ? <GradeBar grades={s.grades} /> : null),
                    rowExpandable: (s) => !s.suppressed,
                  }
                : undefined
            }
          />
        )}
      </Card>
      {r.warnings ? <WarningsCard warnings={r.warnings} /> : null}
    </Space>
  );
}

export function WarningsCard({ warnings }: { warnings: ExamWarning[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('exam.rep.warnings')}>
      {warnings.length === 0 ? (
        <Typography.Text type="secondary">{t('exam.rep.noWarnings')}</Typography.Text>
      ) : (
        <Table<ExamWarning>
          rowKey={(w) => `${w.examId}-${w.schoolId}-${w.rule}`}
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={warnings}
          columns={[
            {
              title: t('exam.rep.warnKind'),
              dataIndex: 'rule',
              width: 120,
              // the kind in words; the rule's code for officers in the tooltip
              render: (r: string) => (
                <Tooltip title={r}>
                  <Tag color="red" data-testid="warning-kind">
                    {r === 'EW-BELOW' || r === 'EW-DROP' ? t(`exam.rep.warn.${r}`) : r}
                  </Tag>
                </Tooltip>
              ),
            },
            { title: t('exam.name'), dataIndex: 'examName', width: 140 },
            { title: t('exam.rep.school'), dataIndex: 'school', width: 200 },
            {
              title: t('exam.up.message'),
              render: (_: unknown, w) => <span data-testid="warning-sentence">{warningSentence(t, w)}</span>,
            },
          ]}
        />
      )}
    </Card>
  );
}
