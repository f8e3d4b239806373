/**
 * P3, the 县培 of 清城区: a 市县级教师培训机构骨干教师培育 programme (its title names the project type it is created
 * with; principals and training managers are among the type's roles, R-004-66), still selecting on the as-of day,
 * with one nomination that needed an override and its reason.
 */
import type { Candidate, DemoProgramme, PackYearContext } from './context';
import { candidates } from './selection';

export async function loadCountyProgramme(ctx: PackYearContext): Promise<DemoProgramme | undefined> {
  const { s, cal, at, orgs, qingchengAcc, countyActor, packId } = ctx;
  const { day } = cal;
  const countyOrg = qingchengAcc?.org ?? orgs.find((o) => o.kind === 'county');
  let made: DemoProgramme | undefined;
  if (countyOrg) {
    const owner = countyActor(countyOrg.id);
    await at(day('2026-11-09'));
    const p3 = await s.programs.createProgramme(owner, {
      packId,
      projectTypeCode: 'institution_backbone',
      level: 'county',
      ownerOrgId: countyOrg.id,
      title: `${countyOrg.name}${cal.packYear}年市县级教师培训机构骨干教师培育（县培）`,
      selectionDeadline: day('2026-12-04'),
      startDate: day('2026-12-14'),
      endDate: day('2026-12-31'),
      totalSeats: 16,
    });
    made = { id: p3.id, title: p3.title, level: p3.level };
    await at(day('2026-11-16'));
    const attestations = ['healthy', 'devoted_to_training', 'grassroots_training_expertise'];
    const heads = await candidates(ctx, 'heads', countyOrg.path, 200);
    const ok: Candidate[] = [];
    let override: Candidate | undefined;
    for (const h of heads) {
      if (ok.length >= 12 && override) break;
      const r = await s.programs.checkEligibility(owner, p3.id, { teacherId: h.id, attestations });
      if (r.eligible && ok.length < 12) ok.push(h);
      else if (!r.eligible && r.needsOverride && !override) override = h;
    }
    const schools = new Map<string, number>();
    for (const p of [...ok, ...(override ? [override] : [])]) {
      schools.set(p.school_id, (schools.get(p.school_id) ?? 0) + 1);
    }
    await s.programs.allocate(owner, p3.id, countyOrg.id, {
      allocations: [...schools].map(([orgId, seats]) => ({ orgId, seats })),
    });
    await at(day('2026-11-20'));
    for (const p of ok) {
      await s.programs.nominate(owner, p3.id, { teacherId: p.id, attestations });
    }
    if (override) {
      await s.programs.nominate(owner, p3.id, {
        teacherId: override.id,
        attestations,
        overrideReason: '该校长主持县域送教下乡项目多年，培训经验丰富，经局务会研究同意破格推荐',
      });
    }
  }
  return made;
}
