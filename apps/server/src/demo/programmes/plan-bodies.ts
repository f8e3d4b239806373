/** The demo year's documents: a stand-in PDF, the providers' plan bodies and class timetables. */
export const PDF = (text: string) => ({
  name: `${text}.pdf`,
  content: Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'utf8',
  ),
});

/** The provincial programme's plan: the pack's compulsory topics online, a studio workshop up to the 60 online hours (R-004-29), lectures, shadowing and practice. */
export function backbonePlanBody(compulsoryTopics: readonly string[]) {
  return {
    theme: '指向深度学习的课堂教学改进',
    classCount: 1,
    modules: [
      ...compulsoryTopics.map((t) => ({
        title: t,
        mode: 'online' as const,
        hoursTenths: 20,
        practical: false,
        asynchronous: true,
        compulsoryTopic: t,
      })),
      {
        title: '名师网络工作室主题研修（工作坊）',
        mode: 'workshop' as const,
        hoursTenths: 600 - 20 * compulsoryTopics.length,
        practical: true,
      },
      { title: '专题讲座与工作坊', mode: 'centralized' as const, days: 7, practical: false },
      { title: '城区名校跟岗', mode: 'shadowing' as const, days: 8, practical: true },
      { title: '返岗实践与示范课', mode: 'return_practice' as const, days: 5, practical: true },
    ],
    staff: [
      { role: 'chief_expert' as const, name: '黄志明', title: '教授', organisation: '华南师范大学' },
      { role: 'subject_class_teacher' as const, name: '林晓红' },
      { role: 'subject_class_teacher' as const, name: '陈国栋' },
      { role: 'life_class_teacher' as const, name: '何丽娟' },
      { role: 'life_class_teacher' as const, name: '罗文斌' },
    ],
  };
}

/** A trainer programme's plan (R-004-60, R-004-61): 50 centralized days with shadowing, 120 online hours. */
export function trainerPlanBody(compulsoryTopics: readonly string[]) {
  const body = backbonePlanBody(compulsoryTopics);
  return {
    ...body,
    theme: '培训者的课程设计与研修组织能力提升',
    modules: [
      ...compulsoryTopics.map((t) => ({
        title: t,
        mode: 'online' as const,
        hoursTenths: 20,
        practical: false,
        asynchronous: true,
        compulsoryTopic: t,
      })),
      {
        title: '培训课程开发工作坊（网络研修）',
        mode: 'workshop' as const,
        hoursTenths: 1200 - 20 * compulsoryTopics.length,
        practical: true,
      },
      { title: '培训理论与项目设计专题', mode: 'centralized' as const, days: 22, practical: false },
      { title: '省级培训项目跟岗实践', mode: 'shadowing' as const, days: 28, practical: true },
      { title: '返岗主持县级培训项目', mode: 'return_practice' as const, days: 20, practical: true },
    ],
  };
}

/** Monday-to-Friday sessions (08:30 and 14:00) from `start` for `days` school days. */
export function timetable(start: string, days: number) {
  const out: Array<{ date: string; startsAt: string; endsAt: string; title: string }> = [];
  const d = new Date(`${start}T00:00:00Z`);
  const topics = [
    '专题讲座',
    '课例研讨',
    '工作坊',
    '同课异构',
    '名师示范',
    '分组研修',
    '微格教学',
    '成果展示',
  ];
  let n = 0;
  while (out.length < days * 2) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) {
      const date = d.toISOString().slice(0, 10);
      for (const half of [0, 1]) {
        n += 1;
        out.push({
          date,
          startsAt: half === 0 ? '08:30' : '14:00',
          endsAt: half === 0 ? '11:30' : '17:00',
          title: `${topics[(n - 1) % topics.length]}（${n}）`,
        });
      }
    }
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}
