/**
 * Core's findings as people read them: the sentence (errors red, warnings orange) and, for officers, an ⓘ naming
 * the rule with the values it applied.
 */
import type { CommunityFindingBody } from '@yanxun/contracts';
import { Alert, Space } from 'antd';
import { findingSentence } from '../../shared/finding-words';
import { useI18n } from '../../shared/i18n';
import { ReasonWithRule } from '../../shared/rule-ref';

const valuesOf = (f: CommunityFindingBody) =>
  Object.entries(f.values)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('，');

export function FindingsList({ findings }: { findings: readonly CommunityFindingBody[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return <Alert type="success" showIcon title={t('comm.ok')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="findings">
      {findings.map((f) => (
        <Alert
          key={`${f.rule}:${f.message}`}
          type={f.severity === 'error' ? 'error' : 'warning'}
          showIcon
          title={
            <ReasonWithRule reason={findingSentence(t, f)} rules={{ ruleId: f.rule, value: valuesOf(f) }} />
          }
        />
      ))}
    </Space>
  );
}
