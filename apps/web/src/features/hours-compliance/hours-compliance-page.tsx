/**
 * 学时达标 — for a unit in the officer's scope (their own by default): who is on track for the 学时 cycle and the
 * school year, who is behind and by how much, by category, per child unit (charts and a table that drill down),
 * and the teachers behind with an Excel list and reminders. The unit and the list's filter live in the URL, so a
 * view can be shared and the back button climbs out of a drill-down.
 */
import { useQuery } from '@tanstack/react-query';
import { COMPLIANCE_FILTERS, type ComplianceFilter, type HourCategoryCode } from '@yanxun/contracts';
import { Breadcrumb, Card, Skeleton, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { QueryError } from '../../shared/query-error';
import { ComplianceSummary } from './compliance-summary';
import { ComplianceTeachers, type TeacherFilter, useTeacherList } from './compliance-teachers';
import { ComplianceUnits } from './compliance-units';

const PAGE_SIZE = 20;

const isFilter = (v: string | null): v is ComplianceFilter =>
  v !== null && (COMPLIANCE_FILTERS as readonly string[]).includes(v);

/** The page's state in the URL: the unit (a step of the drill-down, pushed) and the list's filter (replaced). */
function useComplianceParams() {
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') || undefined;
  const behind = params.get('behind');
  const filter: TeacherFilter = {
    behind: isFilter(behind) ? behind : 'any',
    category: (params.get('category') || undefined) as HourCategoryCode | undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || PAGE_SIZE)),
  };
  const change = (patch: Record<string, string | undefined>, replace: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  return {
    orgId,
    filter,
    open: (id: string) => change({ orgId: id, page: undefined }, false),
    setFilter: (b: ComplianceFilter, category?: HourCategoryCode) =>
      change({ behind: b === 'any' ? undefined : b, category, page: undefined }, true),
    setPage: (page: number, pageSize: number) =>
      change(
        {
          page: page === 1 ? undefined : String(page),
          pageSize: pageSize === PAGE_SIZE ? undefined : String(pageSize),
        },
        true,
      ),
  };
}

/** The units from the officer's own (a root of their scope) down to the one on show; each step opens its unit. */
function UnitTrail({ unitId, onOpen }: { unitId: string; onOpen: (id: string) => void }) {
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: () => api.orgRoots() });
  const detail = useQuery({ queryKey: ['orgs', 'detail', unitId], queryFn: () => api.org(unitId) });
  if (!roots.data || !detail.data) return null;
  const chain = [...detail.data.ancestors, detail.data.node];
  const rootIds = new Set(roots.data.map((r) => r.id));
  const from = chain.findIndex((n) => rootIds.has(n.id));
  const trail = chain.slice(Math.max(0, from));
  if (trail.length < 2) return null;
  return (
    <Breadcrumb
      data-testid="hc-trail"
      items={trail.map((n, i) => ({
        key: n.id,
        title:
          i === trail.length - 1 ? (
            n.name
          ) : (
            <Typography.Link onClick={() => onOpen(n.id)}>{n.name}</Typography.Link>
          ),
      }))}
    />
  );
}

export function HoursCompliancePage() {
  const { orgId, filter, open, setFilter, setPage } = useComplianceParams();
  const report = useQuery({
    queryKey: ['hours-compliance', orgId ?? null],
    queryFn: () => api.hoursCompliance(orgId),
  });
  // asked for beside the report, not after it (useTeacherList)
  const teachers = useTeacherList(orgId, filter, report.data);
  // a unit out of scope is "not found", as the app shows any page it cannot find
  if (report.isError) return <QueryError error={report.error} full onRetry={() => void report.refetch()} />;
  if (!report.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const r = report.data;
  const showUnits = !(r.units.length === 1 && r.units[0]?.orgId === r.unit.id) && r.unit.kind !== 'school';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="hours-compliance">
      <ComplianceSummary report={r} trail={<UnitTrail unitId={r.unit.id} onOpen={open} />} />
      {showUnits ? <ComplianceUnits report={r} onOpen={open} /> : null}
      <ComplianceTeachers
        report={r}
        teachers={teachers}
        filter={filter}
        onFilter={setFilter}
        onPage={setPage}
      />
    </Space>
  );
}
