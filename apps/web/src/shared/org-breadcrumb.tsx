import { Breadcrumb } from 'antd';
import { Link } from 'react-router';

export interface Crumb {
  id: string;
  name: string;
}

/** Province › city › county › … with each ancestor linking to its org page. */
export function OrgBreadcrumb({ ancestors, current }: { ancestors: Crumb[]; current?: string }) {
  const items = ancestors.map((a) => ({ key: a.id, title: <Link to={`/orgs/${a.id}`}>{a.name}</Link> }));
  if (current) items.push({ key: '__current', title: <span>{current}</span> });
  return <Breadcrumb items={items} />;
}
