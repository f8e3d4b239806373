/**
 * Exports of a subtree in the import format (an edited export re-imports cleanly), and the empty templates.
 * Full ID numbers and phones only where the actor may reveal them; every export is audited.
 */
import type { ImportKind } from '@yanxun/contracts';
import { codeName } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { requirePermission } from '../../../shared/permissions';
import { identifierView } from '../../people';
import type { ImportsContext } from '../context';
import { buildExport, buildTemplate } from '../excel';

/** The empty import workbook of a kind, for any signed-in account. */
export async function template(_actor: Actor, kind: ImportKind): Promise<{ fileName: string; body: Buffer }> {
  return {
    fileName: `${kind === 'teachers' ? '教师' : '学校'}导入模板.xlsx`,
    body: await buildTemplate(kind),
  };
}

/** Export a subtree in the import format; an edited export re-imports cleanly. */
export async function exportSubtree(
  ctx: ImportsContext,
  actor: Actor,
  kind: ImportKind,
  orgId?: string,
): Promise<{ fileName: string; body: Buffer }> {
  const { orgs, people, audit } = ctx;
  const permission = kind === 'schools' ? 'org.read' : 'teacher.read';
  let roots = requirePermission(actor, permission);
  let label = '全部';
  if (orgId) {
    const node = await orgs.loadVisible(actor, orgId);
    requirePermission(actor, permission, node.path);
    roots = [node.path];
    label = node.name;
  }
  const name = (table: Parameters<typeof codeName>[0], code: string | null) =>
    code ? (codeName(table, code) ?? code) : '';
  // full ID numbers and phones only where the actor may reveal them, as on the detail page
  const identifiers = identifierView(actor);
  let rowCount = 0;
  async function* teacherBatches() {
    let after: { orgPath: string; pinyin: string; id: string } | null = null;
    for (;;) {
      const rows = await people.exportBatch(roots, after, 5000);
      if (rows.length === 0) return;
      rowCount += rows.length;
      yield rows.map((t) => ({
        idNumber: identifiers.idNumber(t.org_path, t.id_number),
        name: t.name,
        gender: name('genders', t.gender),
        birthDate: t.birth_date,
        phone: identifiers.phone(t.org_path, t.phone),
        schoolCode: t.school_code ?? '',
        stage: name('stages', t.stage),
        subject: name('subjects', t.subject),
        title: name('titles', t.title),
        backbone: name('backboneLevels', t.backbone),
        teachingStartDate: t.teaching_start_date ?? '',
        trainingStartYear: t.training_start_year === null ? '' : String(t.training_start_year),
        roles: t.roles_held.map((r) => name('roles', r)).join('、'),
        status: name('employmentStatuses', t.status),
      }));
      const last = rows[rows.length - 1];
      if (!last) return;
      after = { orgPath: last.org_path, pinyin: last.name_pinyin, id: last.id };
    }
  }
  async function* schoolBatches() {
    const rows = await orgs.schoolsForExport(roots);
    yield rows.map((o) => ({
      schoolCode: o.code ?? '',
      name: o.name,
      countyCode: o.county_code ?? '',
      township: o.township_code ?? '',
      schoolType: name('schoolTypes', o.school_type),
      stages: o.stages.map((st) => name('stages', st)).join('、'),
      locationType: name('locationTypes', o.location_type),
      group: o.group_name ?? '',
    }));
  }
  const body = await buildExport(kind, kind === 'teachers' ? teacherBatches() : schoolBatches());
  await audit.record(actor, {
    action: `export.${kind}`,
    entity: 'org',
    entityId: orgId ?? null,
    // the exported subtree's top, so the bureaus above it find the export in their audit log
    orgId: roots.length === 1 ? (roots[0]?.split('/').filter(Boolean).at(-1) ?? null) : null,
    details: kind === 'teachers' ? { label, rows: rowCount, ...identifiers.counts() } : { label },
  });
  return { fileName: `${kind === 'teachers' ? '教师' : '学校'}-${label}.xlsx`, body };
}
