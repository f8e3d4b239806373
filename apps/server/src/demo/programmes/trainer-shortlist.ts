/**
 * P4, 省级教师培训师高端研修 with 差额遴选 1:1.2 (R-004-59): ten schools put two heads forward for one seat each,
 * and the provider has scored them all and decided the first six schools.
 */
import type { Candidate, DemoProgramme, PackYearContext } from './context';
import { PDF, trainerPlanBody } from './plan-bodies';
import { candidates, cascade, seatPlan } from './selection';

export async function loadTrainerProgramme(ctx: PackYearContext): Promise<DemoProgramme> {
  const {
    db,
    s,
    rng,
    cal,
    at,
    province,
    provider,
    cityOrg,
    orgById,
    countyActor,
    used,
    packId,
    compulsoryTopics,
  } = ctx;
  // Candidates are principals who have run their schools' training for years (the demo region does not record
  // training work, so the loader writes training_start_year for the ones it puts forward: R-004-55).
  // created with the year's other provincial programmes, so its provider applies before the pack's deadline (R-004-08)
  const { day } = cal;
  await at(day('2026-07-02'));
  const p4 = await s.programs.createProgramme(province, {
    packId,
    projectTypeCode: 'trainer_advanced',
    title: `${cal.packYear}年"省培计划"省级教师培训师高端研修项目（清远市）`,
    selectionDeadline: day('2026-12-11'),
    startDate: day('2027-03-01'),
    endDate: day('2027-03-26'),
    totalSeats: 10,
  });
  const made = { id: p4.id, title: p4.title, level: p4.level };
  const plan4 = await s.plans.createPlan(provider, p4.id, {
    body: trainerPlanBody(compulsoryTopics),
  });
  await s.plans.uploadSealedPdf(provider, plan4.id, PDF('培训师高端研修申报书（盖章）'));
  await at(day('2026-07-22'));
  await s.plans.submitPlan(provider, plan4.id);
  await at(day('2026-07-29'));
  await s.plans.approvePlan(province, plan4.id, { comment: '同意由该机构承训并组织差额遴选' });
  // ten schools with two eligible heads each: one seat per school, ⌈1 × 1.2⌉ = 2 candidates per school
  const trainerAttestations = ['healthy', 'devoted_to_training', 'training_expertise'];
  const headsBySchool = new Map<string, Candidate[]>();
  for (const h of await candidates(ctx, 'heads', cityOrg.path, 400)) {
    const list = headsBySchool.get(h.school_id) ?? [];
    if (list.length < 2) {
      await db
        .updateTable('teachers')
        .set({ training_start_year: cal.packYear - 10 + rng.int(0, 5) })
        .where('id', '=', h.id)
        .where('training_start_year', 'is', null)
        .execute();
      const r = await s.programs.checkEligibility(province, p4.id, {
        teacherId: h.id,
        attestations: trainerAttestations,
      });
      if (r.eligible) list.push(h);
      else
        await db.updateTable('teachers').set({ training_start_year: null }).where('id', '=', h.id).execute();
    }
    headsBySchool.set(h.school_id, list);
    if ([...headsBySchool.values()].filter((l) => l.length === 2).length >= 10) break;
  }
  const p4Schools = [...headsBySchool].filter(([, l]) => l.length === 2).slice(0, 10);
  const p4Plan = seatPlan(
    ctx,
    p4Schools.map(([, l]) => l[0] as Candidate),
    new Set(),
  );
  for (const [sid] of p4Schools) p4Plan.schoolSeats.set(sid, 1); // exactly one seat each (no spare)
  p4Plan.countySeats.clear();
  for (const [sid] of p4Schools) {
    const cid = orgById.get(sid)?.countyId ?? '';
    p4Plan.countySeats.set(cid, (p4Plan.countySeats.get(cid) ?? 0) + 1);
  }
  p4Plan.total = p4Schools.length;
  await at(day('2026-11-10'));
  await cascade(ctx, p4.id, 'province', p4Plan);
  await at(day('2026-11-17'));
  const p4Noms: string[] = [];
  for (const [, l] of p4Schools) {
    for (const c of l) {
      const n = await s.programs.nominate(countyActor(c.county_id), p4.id, {
        teacherId: c.id,
        attestations: trainerAttestations,
      });
      p4Noms.push(n.id);
      used.add(c.id);
    }
  }
  // the provider has scored every candidate and decided the first six schools (the higher score of each pair is
  // selected); the rest is still open
  await at(day('2026-11-20'));
  const p4Scores = p4Noms.map(() => rng.int(700, 960) / 10);
  await s.shortlists.mark(provider, p4.id, {
    marks: p4Noms.map((id, i) => ({ nominationId: id, score: p4Scores[i] ?? null })),
  });
  const decided: Array<{ nominationId: string; decision: 'selected' | 'not_selected'; reason?: string }> = [];
  for (let i = 0; i + 1 < Math.min(12, p4Noms.length); i += 2) {
    const first = (p4Scores[i] ?? 0) >= (p4Scores[i + 1] ?? 0);
    const [winner, other] = first ? [i, i + 1] : [i + 1, i];
    decided.push({ nominationId: p4Noms[winner] ?? '', decision: 'selected' });
    decided.push({
      nominationId: p4Noms[other] ?? '',
      decision: 'not_selected',
      reason: '同校另一名候选人综合评分更高',
    });
  }
  await s.shortlists.mark(provider, p4.id, { marks: decided });
  return made;
}
