/**
 * The deadline board of a class (core deadlineBoard, R-004-09…15): the submissions it is judged on, one class's
 * board, and the overdue counts of every class of many programmes (for the training overview).
 */
import { type BoardItem, type ClassSubmissions, deadlineBoard, type PolicyPack } from '@yanxun/core';
import type { ClassesRepository, ClassRow, DocumentRow } from '../classes.repository';

/** Per programme: its classes and how many deadline items (R-004-09…15) are overdue (red) today. */
export interface ProgrammeDeadlineCount {
  classes: number;
  overdue: number;
  /** The overdue items' rule IDs, each once, for the tooltip. */
  overdueRules: string[];
}

/** What the board of a class is judged on: its documents, the dates reported, the provider's 工作简报. */
export function submissionsOf(docs: DocumentRow[], c: ClassRow, bulletinDates: string[]): ClassSubmissions {
  const first = (kind: string) => docs.find((d) => d.kind === kind)?.submitted_on ?? null;
  const finals: Record<string, string> = {};
  for (const d of docs) if (d.kind === 'final_report' && !(d.item in finals)) finals[d.item] = d.submitted_on;
  return {
    classDatesReportedOn: c.dates_reported_on,
    registrationNoticeOn: first('registration_notice'),
    timetableOn: first('timetable'),
    bulletinDates,
    finalReports: finals,
  };
}

/** The board of one class on `day`, its documents given. */
export async function boardOf(
  repo: Pick<ClassesRepository, 'providerBulletins'>,
  c: ClassRow,
  pack: PolicyPack,
  docs: DocumentRow[],
  day: string,
): Promise<BoardItem[]> {
  // R-004-14 "每个单位…不少于3期": per provider and project (or per provider), as the pack reads it
  const perProject = pack.deadlines.bulletinsBasis.value === 'provider_project';
  const b = await repo.providerBulletins(perProject ? c.programme_id : null, c.provider_org_id);
  const due = b.lastEnd && b.lastEnd > c.end_date ? b.lastEnd : c.end_date;
  return deadlineBoard(
    pack,
    { startDate: c.start_date, endDate: c.end_date },
    submissionsOf(docs, c, b.dates),
    day,
    {
      bulletinsDueDate: due,
    },
  );
}

/**
 * The deadline board (core deadlineBoard) of every class of these programmes, counted per programme, in four
 * statements whatever the number of programmes or classes: classes, their documents, the providers' 工作简报
 * and the providers' last class end per programme.
 */
export async function deadlineCountsOfProgrammes(
  repo: Pick<ClassesRepository, 'classesOfProgrammes' | 'listDocuments' | 'bulletinsOfProviders'>,
  programmes: Array<{ id: string; pack: PolicyPack }>,
  today: string,
): Promise<Map<string, ProgrammeDeadlineCount>> {
  const out = new Map<string, ProgrammeDeadlineCount>(
    programmes.map((p) => [p.id, { classes: 0, overdue: 0, overdueRules: [] }]),
  );
  const classes = await repo.classesOfProgrammes(programmes.map((p) => p.id));
  if (classes.length === 0) return out;
  const packOf = new Map(programmes.map((p) => [p.id, p.pack]));
  const [docs, prov] = await Promise.all([
    repo.listDocuments(classes.map((c) => c.id)),
    repo.bulletinsOfProviders([...new Set(classes.map((c) => c.provider_org_id))]),
  ]);
  const docsOf = new Map<string, DocumentRow[]>();
  for (const d of docs) docsOf.set(d.class_id, [...(docsOf.get(d.class_id) ?? []), d]);
  for (const c of classes) {
    const pack = packOf.get(c.programme_id);
    const count = out.get(c.programme_id);
    if (!pack || !count) continue;
    // R-004-14 "每个单位…不少于3期": per provider and project, or per provider, as the pack reads it
    const perProject = pack.deadlines.bulletinsBasis.value === 'provider_project';
    const mine = (r: { provider_org_id: string; programme_id: string }) =>
      r.provider_org_id === c.provider_org_id && (!perProject || r.programme_id === c.programme_id);
    const dates = prov.bulletins.filter(mine).map((b) => b.submitted_on);
    const lastEnd = prov.lastEnds
      .filter(mine)
      .reduce<string | null>((m, r) => (m === null || r.last_end > m ? r.last_end : m), null);
    const due = lastEnd && lastEnd > c.end_date ? lastEnd : c.end_date;
    const board = deadlineBoard(
      pack,
      { startDate: c.start_date, endDate: c.end_date },
      submissionsOf(docsOf.get(c.id) ?? [], c, dates),
      today,
      { bulletinsDueDate: due },
    );
    count.classes += 1;
    for (const item of board) {
      if (item.light !== 'red') continue;
      count.overdue += 1;
      if (!count.overdueRules.includes(item.ruleId)) count.overdueRules.push(item.ruleId);
    }
  }
  return out;
}
