import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { EligibilityCheckBody, EligibilityResultBody } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useCodes } from '../../shared/codes';
import type { Lang } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';
import { checkLabel, checkSentence } from './eligibility-words';
import { backboneLabel, codeLabel } from './pack-format';

type Text = { 'zh-CN': string; 'en-US': string };
const tx = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });

/** Names of the values a check reports (packages/core eligibility). */
const VALUE_NAMES: Record<string, Text> = {
  age: tx('年龄', 'age'),
  min: tx('要求不少于', 'minimum'),
  max: tx('要求不超过', 'maximum'),
  referenceDate: tx('计算日期', 'computed on'),
  years: tx('年数', 'years'),
  startYear: tx('起始年份', 'since'),
  teachingStartDate: tx('任教起始', 'teaching since'),
  locationType: tx('学校城乡类型', 'school location'),
  allowed: tx('要求', 'required'),
  backbone: tx('骨干等级', 'backbone level'),
  rolesHeld: tx('担任职务', 'roles held'),
  matched: tx('符合的岗位', 'matched'),
  title: tx('职称', 'title'),
  stage: tx('学段', 'stage'),
  missing: tx('未确认', 'not confirmed'),
  applies: tx('本项目受限', 'applies'),
  recordDate: tx('记录日期', 'record date'),
  kind: tx('情形', 'case'),
  programmeStart: tx('本项目开班', 'programme starts'),
  programmeEnd: tx('本项目结业', 'programme ends'),
  allowedFrom: tx('可参训日期', 'allowed from'),
  otherProgrammeId: tx('冲突项目', 'clashing programme'),
  otherProgrammeName: tx('冲突项目名称', 'clashing programme name'),
  otherStart: tx('冲突项目开班', 'other starts'),
  otherEnd: tx('冲突项目结业', 'other ends'),
  override: tx('已例外审批', 'overridden'),
  overrideReason: tx('例外理由', 'override reason'),
};

function formatCheckValue(
  key: string,
  v: string | number | boolean | null,
  lang: Lang,
  backboneCheck = false,
): string {
  if (v === null) return lang === 'zh-CN' ? '未登记' : 'not recorded';
  if (typeof v === 'boolean') return v ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no';
  if (typeof v === 'number') {
    if (key === 'age' || key === 'min' || key === 'max') return lang === 'zh-CN' ? `${v} 周岁` : `${v}`;
    if (key === 'years') return lang === 'zh-CN' ? `${v} 年` : `${v} years`;
    return String(v);
  }
  if (['allowed', 'locationType', 'backbone', 'kind', 'rolesHeld', 'matched'].includes(key)) {
    return v
      .split(',')
      .filter(Boolean)
      .map((c) =>
        backboneCheck && (key === 'allowed' || key === 'backbone')
          ? backboneLabel(c, lang)
          : codeLabel(c, lang),
      )
      .join(lang === 'zh-CN' ? '、' : ', ');
  }
  return v;
}

/** The values a check used, as "name: value" pairs. */
export function checkValues(check: EligibilityCheckBody, lang: Lang): { name: string; value: string }[] {
  return Object.entries(check.values).map(([k, v]) => ({
    name: VALUE_NAMES[k]?.[lang] ?? k,
    value: formatCheckValue(k, v, lang, 'backbone' in check.values),
  }));
}

export type CheckState = 'passed' | 'overridden' | 'needsOverride' | 'failed';

export function checkState(c: EligibilityCheckBody): CheckState {
  if (c.passed) return c.override ? 'overridden' : 'passed';
  return c.soft ? 'needsOverride' : 'failed';
}

function StateTag({ state }: { state: CheckState }) {
  const { t } = useI18n();
  switch (state) {
    case 'passed':
      return (
        <Tag color="success" icon={<CheckCircleFilled />}>
          {t('prog.elig.passed')}
        </Tag>
      );
    case 'overridden':
      return (
        <Tag color="processing" icon={<CheckCircleFilled />}>
          {t('prog.elig.overridden')}
        </Tag>
      );
    case 'needsOverride':
      return (
        <Tag color="warning" icon={<ExclamationCircleFilled />}>
          {t('prog.elig.needsOverride')}
        </Tag>
      );
    default:
      return (
        <Tag color="error" icon={<CloseCircleFilled />}>
          {t('prog.elig.failed')}
        </Tag>
      );
  }
}

/** The failed conditions in words, "；"-separated, each with its rule's ⓘ (officers). */
function FailedChecks({ checks, referenceDate }: { checks: EligibilityCheckBody[]; referenceDate: string }) {
  const { t, lang } = useI18n();
  const codes = useCodes();
  return (
    <>
      {checks.map((c, i) => (
        <span key={`${c.ruleId}-${c.label}`} data-testid="elig-failed">
          {i > 0 ? t('reason.elig.separator') : ''}
          {checkLabel(t, c)}
          <RuleRef rules={c.ruleId} />
          {t('reason.colon')}
          {checkSentence(t, lang, c, referenceDate, codes.data)}
        </span>
      ))}
    </>
  );
}

/**
 * The eligibility of one teacher for a programme: the verdict, then each rule with pass/fail, the values used
 * (age, 教龄, school location, ban …) and the rule's own explanation.
 */
export function EligibilityResultView({
  result,
  teacherName,
}: {
  result: EligibilityResultBody;
  teacherName?: string;
}) {
  const { t, lang } = useI18n();
  const codes = useCodes();
  const failed = result.checks.filter((c) => !c.passed);
  const hard = failed.filter((c) => !c.soft);
  const verdict = result.eligible ? 'eligible' : result.needsOverride ? 'needsOverride' : 'ineligible';
  const who = teacherName ?? '';
  const columns: TableColumnsType<EligibilityCheckBody> = [
    {
      title: t('prog.elig.condition'),
      key: 'label',
      width: 150,
      render: (_: unknown, c) => (
        <>
          {checkLabel(t, c)}
          <RuleRef rules={c.ruleId} />
        </>
      ),
    },
    {
      title: t('prog.elig.result'),
      key: 'state',
      width: 120,
      render: (_: unknown, c) => <StateTag state={checkState(c)} />,
    },
    {
      title: t('prog.elig.values'),
      key: 'values',
      width: 260,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          {checkValues(c, lang).map((v) => (
            <span key={v.name} style={{ fontSize: 13 }}>
              <Typography.Text type="secondary">{v.name}：</Typography.Text>
              {v.value}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('prog.elig.explanation'),
      key: 'message',
      render: (_: unknown, c) => (
        <>
          <Typography.Text
            type={c.passed ? undefined : c.soft ? 'warning' : 'danger'}
            data-testid="elig-sentence"
          >
            {checkSentence(t, lang, c, result.referenceDate, codes.data)}
          </Typography.Text>
          {c.override ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
              {t('prog.elig.overrideBy', { reason: c.override.reason, by: c.override.by ?? '—' })}
            </Typography.Paragraph>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="eligibility-result">
      {verdict === 'eligible' ? (
        <Alert
          type="success"
          showIcon
          title={t('prog.elig.eligible', { name: who })}
          data-testid="elig-verdict"
        />
      ) : verdict === 'needsOverride' ? (
        <Alert
          type="warning"
          showIcon
          title={t('prog.elig.verdictOverride', { name: who })}
          description={<FailedChecks checks={failed} referenceDate={result.referenceDate} />}
          data-testid="elig-verdict"
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('prog.elig.ineligible', { name: who, n: hard.length })}
          description={<FailedChecks checks={hard} referenceDate={result.referenceDate} />}
          data-testid="elig-verdict"
        />
      )}
      <Typography.Text type="secondary">
        {t('prog.elig.reference', { date: result.referenceDate })}
      </Typography.Text>
      <Table<EligibilityCheckBody>
        rowKey={(c) => `${c.ruleId}-${c.label}`}
        size="small"
        columns={columns}
        dataSource={result.checks}
        pagination={false}
        tableLayout="fixed"
        rowClassName={(c) => (c.passed ? '' : 'yx-check-failed')}
        onRow={(c) => ({ role: 'row', 'data-testid': `elig-check-${checkState(c)}` })}
        data-testid="elig-checks"
      />
      {result.priorities.length > 0 ? (
        <Typography.Text>
          {t('prog.elig.priorities')}
          {result.priorities.map((p) => (
            <Tag key={p.code} color="gold" style={{ marginLeft: 6 }}>
              {p.label}
              <RuleRef rules={p.ruleId} />
            </Tag>
          ))}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
