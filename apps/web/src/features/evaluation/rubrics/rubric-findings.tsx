import type { RubricFindingBody } from '@yanxun/contracts';
import { Alert, Space } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { rubricFindingSentence } from './rubric-finding-words';

/** Each finding with where it is (a node's path; a finding on the whole rubric needs none). */
function FindingList({ findings, rubricId }: { findings: RubricFindingBody[]; rubricId: string }) {
  const { t } = useI18n();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {findings.map((f) => (
        <li key={`${f.code}-${f.path}-${f.message}`}>
          {rubricFindingSentence(t, f)}
          {f.path !== rubricId ? (
            <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 6 }}>{f.path}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Core's check on the draft as it stands (errors block the save, warnings stay), and the server's refusal. */
export function RubricFindings({
  findings,
  refusal,
  rubricId,
}: {
  findings: RubricFindingBody[];
  refusal: { message: string; findings: RubricFindingBody[] } | null;
  rubricId: string;
}) {
  const { t } = useI18n();
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="rubric-findings">
      {refusal ? (
        <Alert
          type="error"
          showIcon
          title={`${t('rubric.refused')}：${refusal.message}`}
          description={
            refusal.findings.length > 0 ? (
              <FindingList findings={refusal.findings} rubricId={rubricId} />
            ) : undefined
          }
          data-testid="rubric-refusal"
        />
      ) : null}
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('rubric.errors', { n: errors.length })}
          description={<FindingList findings={errors} rubricId={rubricId} />}
          data-testid="rubric-errors"
        />
      ) : null}
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('rubric.warningsN', { n: warnings.length })}
          description={<FindingList findings={warnings} rubricId={rubricId} />}
          data-testid="rubric-warnings"
        />
      ) : null}
      {findings.length === 0 && !refusal ? (
        <Alert type="success" showIcon title={t('rubric.checkOk')} data-testid="rubric-check-ok" />
      ) : null}
    </Space>
  );
}
