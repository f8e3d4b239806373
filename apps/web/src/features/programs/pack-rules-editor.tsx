import { ExclamationCircleFilled } from '@ant-design/icons';
import type { PackProblemBody, PolicyPackBody } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Badge, Grid, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n';
import {
  choicesOf,
  codeLabel,
  editKind,
  formatRuleValue,
  fromDisplayNumber,
  groupPackRules,
  inSection,
  isPlanModeList,
  type PackEdits,
  planModeViews,
  problemsByRule,
  type RuleEntry,
  type RuleSection,
  ruleLabel,
  sourceLabel,
  toDisplayNumber,
  unitText,
} from './pack-format';

function ProblemList({ problems }: { problems: PackProblemBody[] }) {
  return (
    <div data-testid="rule-problems">
      {problems.map((p) => (
        <Typography.Text
          type="danger"
          key={`${p.code}-${p.path}-${p.message}`}
          style={{ display: 'block', fontSize: 13 }}
        >
          <ExclamationCircleFilled /> {p.ruleId ? `${p.ruleId}：` : ''}
          {p.message}
        </Typography.Text>
      ))}
    </div>
  );
}

function ValueEditor({
  entry,
  edits,
  onChange,
}: {
  entry: RuleEntry;
  edits: PackEdits;
  onChange: (edits: PackEdits) => void;
}) {
  const { t, lang } = useI18n();
  const kind = editKind(entry);
  const edited = Object.hasOwn(edits, entry.path);
  const set = (n: number | string | null) => {
    const next = { ...edits };
    if (n === null) delete next[entry.path];
    else next[entry.path] = n;
    onChange(next);
  };
  if (kind === 'offset' && typeof entry.value === 'object' && entry.value !== null) {
    const offset = entry.value as { anchor: string; offsetDays: number; mustBe: string };
    const current = edited ? Number(edits[entry.path] ?? offset.offsetDays) : offset.offsetDays;
    const sign = offset.offsetDays < 0 || (offset.offsetDays === 0 && offset.mustBe === 'before') ? -1 : 1;
    const where = t(
      offset.anchor === 'class_start'
        ? sign < 0
          ? 'prog.pack.beforeStart'
          : 'prog.pack.afterStart'
        : sign < 0
          ? 'prog.pack.beforeEnd'
          : 'prog.pack.afterEnd',
    );
    return (
      <Space orientation="vertical" size={2}>
        <Space size={6} wrap>
          <Typography.Text>{where}</Typography.Text>
          <InputNumber
            min={0}
            max={366}
            precision={0}
            value={Math.abs(current)}
            onChange={(v) => set(v === null ? null : sign * Number(v))}
            suffix={t('prog.pack.days')}
            style={{ width: 130 }}
            aria-label={ruleLabel(entry, lang)}
            data-testid={`rule-input-${entry.path}`}
          />
        </Space>
        {edited ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('prog.pack.was', { value: formatRuleValue(entry, lang) })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  }
  if (kind === 'choice' && typeof entry.value === 'string') {
    // a setting with fixed readings (请假计为, 未结业学时, 简报口径)
    const original = entry.value;
    const current = edited ? String(edits[entry.path] ?? original) : original;
    return (
      <Space orientation="vertical" size={2}>
        <Select<string>
          value={current}
          onChange={(v) => set(v === original ? null : v)}
          options={(choicesOf(entry) ?? []).map((c) => ({ value: c, label: codeLabel(c, lang) }))}
          style={{ minWidth: 220 }}
          aria-label={ruleLabel(entry, lang)}
          data-testid={`rule-input-${entry.path}`}
        />
        {edited ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('prog.pack.was', { value: formatRuleValue(entry, lang) })}
          </Typography.Text>
        ) : null}
      </Space>
    );
  }
  const stored = typeof entry.value === 'number' ? entry.value : 0;
  const shown = toDisplayNumber(entry.key, edited ? Number(edits[entry.path] ?? stored) : stored);
  return (
    <Space orientation="vertical" size={2}>
      <InputNumber
        value={shown}
        step={entry.key.endsWith('competitiveRatio') ? 0.1 : 1}
        onChange={(v) => {
          if (v === null || v === undefined) return set(null);
          const n = fromDisplayNumber(entry.key, Number(v));
          set(n === stored ? null : n);
        }}
        suffix={unitText(entry.key, lang) || undefined}
        style={{ width: 180 }}
        aria-label={ruleLabel(entry, lang)}
        data-testid={`rule-input-${entry.path}`}
      />
      {edited ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('prog.pack.was', { value: formatRuleValue(entry, lang) })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** A rule value in words: the plan modes (R-004-31) as a small table, everything else as text. */
function RuleValueText({ entry, narrow }: { entry: RuleEntry; narrow: boolean }) {
  const { t, lang } = useI18n();
  if (isPlanModeList(entry.value) && !narrow) {
    return (
      <table className="pack-plan-modes" data-testid="plan-modes" style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {(
              [
                'prog.pack.mode',
                'prog.pack.modeUnit',
                'prog.pack.modeCounts',
                'prog.pack.modePractical',
              ] as const
            ).map((k) => (
              <th key={k} style={{ ...PLAN_MODE_CELL, color: 'rgba(0, 0, 0, 0.55)' }}>
                {t(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {planModeViews(entry.value, lang).map((m) => (
            <tr key={m.name}>
              <td style={PLAN_MODE_CELL}>{m.name}</td>
              <td style={PLAN_MODE_CELL}>{m.unit}</td>
              <td style={{ ...PLAN_MODE_CELL, whiteSpace: 'normal' }}>{m.countsAs}</td>
              <td style={PLAN_MODE_CELL}>{m.practical}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <span
      style={{ whiteSpace: 'pre-wrap' }}
      data-testid={isPlanModeList(entry.value) ? 'plan-modes' : undefined}
    >
      {formatRuleValue(entry, lang)}
    </span>
  );
}

const PLAN_MODE_CELL = {
  padding: '3px 16px 3px 0',
  textAlign: 'left',
  fontWeight: 'normal',
  verticalAlign: 'top',
  whiteSpace: 'nowrap',
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
} as const;

/**
 * Every rule of a pack, grouped (deadlines, design, funding, bans; per project type its set-up, tracks,
 * studios, outcomes), with rule ID, value and source clause. In a draft the numbers are inputs; problems the
 * server found are shown under the rule they belong to.
 */
export function PackRulesEditor({
  pack,
  editable,
  edits,
  onChange,
  problems = [],
}: {
  pack: PolicyPackBody;
  editable: boolean;
  edits: PackEdits;
  onChange: (edits: PackEdits) => void;
  problems?: PackProblemBody[];
}) {
  const { t, lang } = useI18n();
  const sections = useMemo(() => groupPackRules(pack, lang), [pack, lang]);
  const byRule = useMemo(() => problemsByRule(pack, problems), [pack, problems]);
  const unplaced = byRule.get('') ?? [];
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;

  const valueCell = (e: RuleEntry) => {
    const own = byRule.get(e.path) ?? [];
    return (
      <div data-testid={`rule-value-${e.path}`}>
        {editable && editKind(e) ? (
          <ValueEditor entry={e} edits={edits} onChange={onChange} />
        ) : (
          <RuleValueText entry={e} narrow={narrow} />
        )}
        {e.note ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {e.note}
          </Typography.Paragraph>
        ) : null}
        {own.length > 0 ? <ProblemList problems={own} /> : null}
      </div>
    );
  };
  // the clause tag ('S004:L39') in the tooltip, for an officer who looks it up
  const sourceText = (s: string) => (
    <Typography.Text type="secondary" title={s}>
      {sourceLabel(s, lang)}
    </Typography.Text>
  );

  // a phone: one column — the item, its rule ID and source on a line below, then the value at full width
  const narrowColumns: TableColumnsType<RuleEntry> = [
    {
      title: `${t('prog.pack.item')} · ${t('prog.pack.value')}`,
      key: 'rule',
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>{ruleLabel(e, lang)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.ruleId} · <span title={e.source}>{sourceLabel(e.source, lang)}</span>
          </Typography.Text>
          {valueCell(e)}
        </Space>
      ),
    },
  ];

  const columns: TableColumnsType<RuleEntry> = [
    {
      title: t('prog.pack.ruleId'),
      dataIndex: 'ruleId',
      // wide enough for the longest Yanxun rule IDs (Y-004-CHECKIN-OPEN)
      width: 180,
      render: (id: string) => (
        <Tag style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{id}</Tag>
      ),
    },
    {
      title: t('prog.pack.item'),
      key: 'label',
      width: 220,
      render: (_: unknown, e) => <Typography.Text strong>{ruleLabel(e, lang)}</Typography.Text>,
    },
    {
      title: t('prog.pack.value'),
      key: 'value',
      render: (_: unknown, e) => valueCell(e),
    },
    {
      title: t('prog.pack.source'),
      dataIndex: 'source',
      width: 140,
      render: sourceText,
    },
  ];

  const countEdits = (section: RuleSection) => Object.keys(edits).filter((p) => inSection(section, p)).length;
  const countProblems = (section: RuleSection) =>
    [...byRule.entries()]
      .filter(([p]) => p !== '' && inSection(section, p))
      .reduce((n, [, list]) => n + list.length, 0);

  return (
    <div data-testid="pack-rules">
      {unplaced.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('prog.pack.problems', { n: problems.length })}
          description={<ProblemList problems={unplaced} />}
        />
      ) : null}
      <Tabs
        items={sections.map((section) => {
          const nProblems = countProblems(section);
          const nEdits = countEdits(section);
          return {
            key: section.id,
            label: (
              <span data-testid={`pack-tab-${section.id}`} title={section.title}>
                {section.tabTitle ?? section.title}
                {nEdits > 0 ? (
                  <Badge count={nEdits} color="#1d5fbf" size="small" style={{ marginLeft: 6 }} />
                ) : null}
                {nProblems > 0 ? <Badge count={nProblems} size="small" style={{ marginLeft: 6 }} /> : null}
              </span>
            ),
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {section.subtitle ? (
                  <Typography.Text type="secondary">
                    {section.title} · {section.subtitle}
                  </Typography.Text>
                ) : null}
                {section.groups.map((g) => (
                  <div key={g.id}>
                    <Typography.Title level={5} style={{ marginTop: 0 }}>
                      {g.title}
                    </Typography.Title>
                    <Table<RuleEntry>
                      rowKey="path"
                      size="small"
                      columns={narrow ? narrowColumns : columns}
                      dataSource={g.entries}
                      pagination={false}
                      tableLayout="fixed"
                      onRow={(e) => ({ role: 'row', 'data-testid': `rule-${e.path}` })}
                    />
                  </div>
                ))}
              </Space>
            ),
          };
        })}
      />
    </div>
  );
}
