/** The teacher list of a subtree: filters, name and pinyin search, and whole ID number or phone lookups (audited). */
import type { Page, TeacherListQuery, TeacherRow } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import type { PeopleContext } from '../context';
import { toRow } from './teacher-access';
import { identifierSearchRoots, parseTeacherQuery } from './teacher-identifiers';

export async function list(
  ctx: PeopleContext,
  actor: Actor,
  query: TeacherListQuery,
): Promise<Page<TeacherRow>> {
  const { repo, orgs, audit, now } = ctx;
  const scope = requirePermission(actor, 'teacher.read');
  let roots = scope;
  if (query.orgId) {
    const node = await orgs.loadVisible(actor, query.orgId);
    requirePermission(actor, 'teacher.read', node.path);
    roots = [node.path];
  }
  const term = parseTeacherQuery(query.q, dateOf(now()));
  const byIdentifier = term?.kind === 'idNumber' || term?.kind === 'phone';
  if (byIdentifier) roots = identifierSearchRoots(actor, roots);
  if (roots.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await repo.list({
    roots,
    query: term,
    stage: query.stage,
    subject: query.subject,
    title: query.title,
    backbone: query.backbone,
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  if (byIdentifier) {
    // who found which teacher by a full number: the same trail as a reveal
    for (const r of rows) {
      await audit.record(actor, {
        action: term?.kind === 'idNumber' ? 'teacher.found_by_id_number' : 'teacher.found_by_phone',
        entity: 'teacher',
        entityId: r.id,
        orgId: r.school_id,
      });
    }
  }
  return { items: rows.map(toRow), total, page: query.page, pageSize: query.pageSize };
}
