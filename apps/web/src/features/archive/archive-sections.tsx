/** The archive's sections: one card each, a hairline list of rows that wrap on a phone, "暂无记录" when empty. */
import type { TeacherArchive } from '@yanxun/contracts';
import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { schoolYearSpanLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { formatDate } from '../../shared/time';
import { hours, OutcomeStatusTag } from '../outcomes/outcome-status-tag';
import { HoursByYearChart } from './hours-by-year-chart';

const WRAP = { overflowWrap: 'anywhere' as const, wordBreak: 'break-word' as const };
const MONO = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12, ...WRAP };

/** "暂无记录" in one line, and why when a note says it: an empty section takes little room on a phone. */
function Nothing({ note }: { note?: string | undefined }) {
  const { t } = useI18n();
  return (
    <div style={WRAP}>
      <Typography.Text type="secondary">{t('archive.empty')}</Typography.Text>
      {note ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {note}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** A section card; `note` says why an empty section is empty (what records it, once it exists). */
export function Section<T>({
  title,
  items,
  rowKey,
  render,
  note,
  testId,
}: {
  title: string;
  items: readonly T[];
  rowKey: (item: T, i: number) => string;
  render: (item: T) => ReactNode;
  note?: string;
  testId: string;
}) {
  return (
    <Card title={title} size="small" data-testid={testId}>
      {items.length === 0 ? (
        <Nothing note={note} />
      ) : (
        <ItemList items={items} rowKey={rowKey} render={render} size="small" />
      )}
    </Card>
  );
}

/** Main line and a secondary line under it, both wrapping. */
function Row({ main, sub, extra }: { main: ReactNode; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
      <div style={{ minWidth: 0, flex: '1 1 220px', ...WRAP }}>
        <div>{main}</div>
        {sub ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', ...WRAP }}>
            {sub}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <div style={{ flex: 'none', maxWidth: '100%' }}>{extra}</div> : null}
    </div>
  );
}

export function ProgrammesSection({ a }: { a: TeacherArchive }) {
  const { t } = useI18n();
  return (
    <Section
      title={t('archive.programmes')}
      testId="archive-programmes"
      items={a.programmes}
      rowKey={(p) => `${p.programmeId}-${p.classId ?? ''}`}
      render={(p) => (
        <Row
          main={
            <Space wrap size={4}>
              <span>{p.programmeTitle}</span>
              {p.level ? <Tag>{t(`prog.level.${p.level}`)}</Tag> : null}
            </Space>
          }
          sub={[
            `${formatDate(p.startDate)} ~ ${formatDate(p.endDate)}`,
            p.className ?? t('archive.noClass'),
            p.attendance && p.attendance.sessions > 0
              ? t('archive.attendance', { attended: p.attendance.attended, sessions: p.attendance.sessions })
              : null,
            p.attendance && p.attendance.approvedLeave > 0
              ? t('archive.leave', { n: p.attendance.approvedLeave })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
          extra={
            <Space wrap size={4}>
              {p.nomination ? <Tag>{t(`prog.nomStatus.${p.nomination}`)}</Tag> : null}
              {p.completion ? (
                p.completion.completed ? (
                  <Tag color="green">{t('archive.completed', { n: hours(p.completion.hoursTenths) })}</Tag>
                ) : (
                  <Tag color="red">{t('archive.notCompleted')}</Tag>
                )
              ) : p.classId ? (
                <Tag>{t('archive.notRun')}</Tag>
              ) : null}
            </Space>
          }
        />
      )}
    />
  );
}

export function HoursSection({ a }: { a: TeacherArchive }) {
  const { t, lang } = useI18n();
  const { cycle, years } = a.hours.standing;
  const counted = years.filter((y) => y.countedTenths > 0);
  return (
    <Card title={t('archive.hours')} size="small" data-testid="archive-hours">
      {counted.length === 0 ? (
        <Nothing />
      ) : (
        <>
          <Typography.Text strong data-testid="archive-hours-total">
            {t('archive.hoursTotal', { n: hours(a.hours.totalTenths) })}
          </Typography.Text>
          <HoursByYearChart standing={a.hours.standing} />
        </>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', ...WRAP }}>
        {t('archive.cycle', {
          years: schoolYearSpanLabel(cycle.schoolYears[0] ?? '', cycle.schoolYears.at(-1) ?? '', lang),
          n: hours(cycle.countedTenths),
          target: hours(cycle.targetTenths),
        })}
      </Typography.Text>
    </Card>
  );
}

export function OutcomesSection({ a }: { a: TeacherArchive }) {
  const { t } = useI18n();
  return (
    <Section
      title={t('archive.outcomes')}
      testId="archive-outcomes"
      items={a.outcomes}
      rowKey={(o, i) => `${o.programmeTitle}-${o.label}-${i}`}
      render={(o) => (
        <Row
          main={o.version > 1 ? `${o.label}（${t('archive.version', { n: o.version })}）` : o.label}
          sub={`${o.className} · ${t('archive.submittedOn', { date: formatDate(o.submittedAt) })}`}
          extra={
            <Space wrap size={4}>
              <OutcomeStatusTag status={o.status} />
              {o.score !== null ? <Tag>{t('archive.score', { n: o.score })}</Tag> : null}
            </Space>
          }
        />
      )}
    />
  );
}

type DocumentRow =
  | { kind: 'certificate'; c: TeacherArchive['certificates'][number] }
  | { kind: 'transcript'; d: TeacherArchive['documents'][number] };

export function DocumentsSection({ a }: { a: TeacherArchive }) {
  const { t } = useI18n();
  const rows: DocumentRow[] = [
    ...a.certificates.map((c) => ({ kind: 'certificate' as const, c })),
    ...a.documents.map((d) => ({ kind: 'transcript' as const, d })),
  ];
  return (
    <Section
      title={t('archive.documents')}
      testId="archive-documents"
      items={rows}
      rowKey={(r) => (r.kind === 'certificate' ? `c-${r.c.certificateNo}` : `d-${r.d.code}`)}
      render={(r) =>
        r.kind === 'certificate' ? (
          <Row
            main={`${t('archive.certificate')} · ${r.c.programmeTitle}`}
            sub={
              <>
                <span style={MONO}>{r.c.certificateNo}</span> · {formatDate(r.c.issuedAt)}
                <br />
                {t('archive.code')}：
                {r.c.verificationCode ? (
                  <span style={MONO}>{r.c.verificationCode}</span>
                ) : (
                  t('archive.codeLater')
                )}
              </>
            }
            extra={r.c.revoked ? <Tag color="red">{t('archive.revoked')}</Tag> : null}
          />
        ) : (
          <Row
            main={`${r.d.title} · ${hours(r.d.hoursTenths)} ${t('archive.hoursUnit')}`}
            sub={
              <>
                {t('archive.issuedBy', { issuer: r.d.issuer, date: formatDate(r.d.issuedOn) })}
                <br />
                {t('archive.code')}：<span style={MONO}>{r.d.code}</span>
              </>
            }
            extra={r.d.revokedAt ? <Tag color="red">{t('archive.revoked')}</Tag> : null}
          />
        )
      }
    />
  );
}

export function IntegritySection({ a }: { a: TeacherArchive }) {
  const { t } = useI18n();
  return (
    <Section
      title={t('archive.integrity')}
      testId="archive-integrity"
      items={a.integrity}
      rowKey={(r) => r.id}
      render={(r) => (
        <Row
          main={t(`prog.integrityKind.${r.kind}`)}
          sub={[r.programmeTitle, formatDate(r.recordDate), r.standingReason].filter(Boolean).join(' · ')}
          extra={
            <Space wrap size={4}>
              {r.standing ? (
                <Tag color="orange">{t('archive.barUntil', { date: formatDate(r.barEndsOn) })}</Tag>
              ) : (
                <Tag>{t('archive.notStanding')}</Tag>
              )}
              {r.appealStatus !== 'none' ? <Tag>{t(`archive.appeal.${r.appealStatus}`)}</Tag> : null}
            </Space>
          }
        />
      )}
    />
  );
}

/** Roles, honours and evaluations: typed sections that the studios (13) and evaluation (14) modules will fill. */
export function GrowthSections({ a }: { a: TeacherArchive }) {
  const { t } = useI18n();
  const span = (from: string, to: string | null) =>
    `${formatDate(from)} ~ ${to ? formatDate(to) : t('archive.present')}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Section
        title={t('archive.studios')}
        testId="archive-studios"
        note={t('archive.notYet.studios')}
        items={a.studioRoles}
        rowKey={(r, i) => `${r.name}-${i}`}
        render={(r) => <Row main={r.name} sub={span(r.fromDate, r.toDate)} extra={<Tag>{r.role}</Tag>} />}
      />
      <Section
        title={t('archive.trainer')}
        testId="archive-trainer"
        note={t('archive.notYet.trainer')}
        items={a.trainerRoles}
        rowKey={(r, i) => `${r.orgName}-${i}`}
        render={(r) => <Row main={r.orgName} sub={span(r.fromDate, r.toDate)} extra={<Tag>{r.role}</Tag>} />}
      />
      <Section
        title={t('archive.honours')}
        testId="archive-honours"
        note={t('archive.notYet.honours')}
        items={a.honours}
        rowKey={(h, i) => `${h.title}-${i}`}
        render={(h) => (
          <Row main={h.title} sub={[h.issuer, formatDate(h.awardedOn)].filter(Boolean).join(' · ')} />
        )}
      />
      <Section
        title={t('archive.evaluations')}
        testId="archive-evaluations"
        note={t('archive.notYet.evaluations')}
        items={a.evaluations}
        rowKey={(e, i) => `${e.title}-${i}`}
        render={(e) => (
          <Row
            main={e.title}
            sub={`${e.period} · ${formatDate(e.evaluatedOn)}`}
            extra={<Tag>{e.result}</Tag>}
          />
        )}
      />
    </Space>
  );
}
