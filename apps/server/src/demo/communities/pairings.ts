/**
 * The demo's pairings (帮扶结对), made by 清城's 进修学校 through the pairings service: a 教师发展学校 helping two
 * schools (R3-B05 met), a 示范校 leading four (R3-B06 flagged on the page: at most three), the 市级 名师工作室 with the
 * 镇级 工作坊 (R3-G20), each with a joint activity held in the demo school year.
 */
import type { PairingInput } from '@yanxun/contracts';
import type { DemoCommunities } from './studios';
import { type CommunitiesWorld, weekday } from './world';

export async function loadDemoPairings(w: CommunitiesWorld, c: DemoCommunities): Promise<number> {
  const s = w.s.pairings;
  const first = Number(w.schoolYear.slice(0, 4));
  const years = { fromYear: w.schoolYear, toYear: `${first + 1}-${first + 2}` };
  const ids = w.schools.map((o) => o.id);
  const wanted: PairingInput[] = [];
  const [dev, demo] = ids;
  // a 教师发展学校 helping two schools; a 示范校 leading four where the county has them (R3-B06 flagged: 1–3)
  if (dev && ids.length >= 2)
    wanted.push({
      kind: 'dev_school',
      leadId: dev,
      partnerIds: ids.slice(1, 3),
      ...years,
      note: '城区学校帮扶乡镇薄弱学校',
    });
  if (demo)
    wanted.push({
      kind: 'demo_school',
      leadId: demo,
      partnerIds: ids.filter((id) => id !== demo).slice(-4),
      ...years,
    });
  if (c.cityStudio && c.townWorkshop)
    wanted.push({ kind: 'studio_workshop', leadId: c.cityStudio, partnerIds: [c.townWorkshop], ...years });
  await w.at(weekday(`${first}-09-11`));
  const made: string[] = [];
  for (const p of wanted) made.push((await s.create(w.tdc, p)).id);
  const activities = [
    { title: '同课异构：三年级数学', place: '牵头学校报告厅', participants: 26 },
    { title: '校本研修展示与经验交流', place: '结对学校会议室', participants: 18 },
    { title: '名师送教下乡：作文教学', place: '镇中心小学', participants: 32 },
  ];
  for (const [i, id] of made.entries()) {
    const day = w.monthDays[Math.min(i + 1, w.monthDays.length - 1)];
    const a = activities[i % activities.length];
    if (!day || !a) continue;
    await w.at(day, '16:00');
    await s.recordActivity(w.tdc, id, { heldOn: day, ...a, notes: '两校教师共同参与，会后形成研讨纪要。' });
  }
  return made.length;
}
