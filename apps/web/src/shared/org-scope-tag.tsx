import { ApartmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { api } from './api';
import { useI18n } from './i18n';

/** Shows which org subtree a list is limited to (`?orgId=`), with a × to widen it again. */
export function OrgScopeTag({ orgId, onClear }: { orgId: string; onClear: () => void }) {
  const { t } = useI18n();
  const org = useQuery({ queryKey: ['orgs', orgId], queryFn: () => api.org(orgId) });
  const name = org.data
    ? [...org.data.ancestors.slice(-1), org.data.node].map((n) => n.name).join(' / ')
    : orgId;
  return (
    <Tag
      icon={<ApartmentOutlined />}
      closable
      onClose={onClear}
      color="blue"
      style={{ padding: '4px 8px', fontSize: 13 }}
      data-testid="org-scope"
    >
      {t('common.scope')}：{name}
    </Tag>
  );
}
