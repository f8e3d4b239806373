/**
 * What a stored notification says, as a code and its values, read back from its kind and its Chinese title and
 * body, so the bell can word it in the reader's language. The notifications are kept as text (old ones too), so
 * each kind's sentences are matched against the templates their senders write; a text that matches none (a
 * sender worded differently) has no words and the bell shows the stored text.
 */
import type { NotificationWords } from '@yanxun/contracts';
import { HOUR_CATEGORY_LABELS } from '@yanxun/core';

interface Variant {
  code: string;
  title: string;
  body: string;
}

/** Each kind's sentences as its sender writes them; `{name}` is a value. */
const TEMPLATES: Record<string, Variant[]> = {
  'plan.submitted': [
    {
      code: 'plan.submitted',
      title: '培训方案待审核：{programme}',
      body: '{provider}提交了"{programme}"的培训方案（第 {version} 版），请审核。',
    },
  ],
  'plan.returned': [
    {
      code: 'plan.returned',
      title: '培训方案被退回：{programme}',
      body: '{owner}退回了"{programme}"的培训方案（第 {version} 版），修改意见：{comment}',
    },
  ],
  'plan.approved': [
    {
      code: 'plan.approved.comment',
      title: '培训方案已批准：{programme}',
      body: '{owner}批准了"{programme}"的培训方案（第 {version} 版），贵单位为该项目的承训机构。意见：{comment}',
    },
    {
      code: 'plan.approved',
      title: '培训方案已批准：{programme}',
      body: '{owner}批准了"{programme}"的培训方案（第 {version} 版），贵单位为该项目的承训机构。',
    },
  ],
  'integrity.record': [
    {
      code: 'integrity.record.programme',
      title: '培训诚信档案记录：{kind}',
      body: '{date} 因"{kind}"（{programme}）记入培训诚信档案：{years} 年内（至 {until}）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
    },
    {
      code: 'integrity.record',
      title: '培训诚信档案记录：{kind}',
      body: '{date} 因"{kind}"记入培训诚信档案：{years} 年内（至 {until}）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。',
    },
  ],
  'integrity.appeal': [
    {
      code: 'integrity.appeal.upheld',
      title: '诚信档案申诉成立',
      body: '您对 {date} 记录的申诉成立，该记录不再限制参训。理由：{reason}',
    },
    {
      code: 'integrity.appeal.rejected',
      title: '诚信档案申诉未获支持',
      body: '您对 {date} 记录的申诉未获支持，该记录继续有效。理由：{reason}',
    },
  ],
  'hours.claim.returned': [
    {
      code: 'hours.claim.returned.school',
      title: '学时申报被退回：{claim}',
      body: '学校退回了您的学时申报「{claim}」。原因：{reason}',
    },
    {
      code: 'hours.claim.returned.county',
      title: '学时申报被退回：{claim}',
      body: '县区退回了您的学时申报「{claim}」。原因：{reason}',
    },
  ],
  'hours.claim.approved': [
    {
      code: 'hours.claim.approved',
      title: '学时申报已认定：{claim}',
      body: '您的学时申报「{claim}」已通过县区审核，{hours} 学时（{category}）已记入学时档案。',
    },
  ],
  'shortlist.submitted': [
    {
      code: 'shortlist.submitted',
      title: '差额遴选结果待确认：{programme}',
      body: '{provider}提交了"{programme}"的遴选结果（入选 {selected} 人，名额 {places} 个），请确认或退回。',
    },
  ],
  'shortlist.confirmed': [
    {
      code: 'shortlist.confirmed',
      title: '遴选结果已确认：{programme}',
      body: '{owner}确认了"{programme}"的遴选结果，入选学员已取得名额。',
    },
  ],
  'shortlist.returned': [
    {
      code: 'shortlist.returned',
      title: '遴选结果被退回：{programme}',
      body: '{owner}退回了"{programme}"的遴选结果，意见：{comment}。请修改后重新提交。',
    },
  ],
};

/** The parts of a 学时 reminder (core's complianceMessage), the year's part before a category's. */
const BEHIND_PARTS: Array<{ code: string; text: string }> = [
  { code: 'cycle.onTrack', text: '本周期已计 {counted} 学时，进度达标' },
  { code: 'cycle.behind', text: '本周期已计 {counted} 学时，按进度应有 {expected} 学时，落后 {behind} 学时' },
  { code: 'year', text: '{year} 学年已计 {counted} 学时，按进度应有 {pace} 学时' },
  { code: 'category', text: '{year} 学年{category}已计 {counted} 学时，按进度应有 {pace} 学时' },
];

const INTEGRITY_KINDS: Record<string, string> = {
  无特殊情况未参训: 'no_show',
  被劝退: 'dismissed',
  未结业: 'not_completed',
};

const CATEGORIES: Record<string, string> = Object.fromEntries(
  Object.entries(HOUR_CATEGORY_LABELS).map(([code, label]) => [label, code]),
);

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The values of `text` if it reads as `template` (a value named twice must be the same text), else undefined. */
export function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const seen = new Set<string>();
  const pattern = template
    .split(/(\{\w+\})/)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (!name) return escapeRegExp(piece);
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      return `(?<${name}>[\\s\\S]+?)`;
    })
    .join('');
  const m = new RegExp(`^${pattern}$`).exec(text);
  return m ? { ...m.groups } : undefined;
}

/** The reminder's parts, or undefined when one of them reads as none of core's. */
function behindParts(body: string): NotificationWords['parts'] | undefined {
  const message = matchTemplate('{message}。请及时参加培训或申报学时。', body)?.message;
  if (message === undefined) return undefined;
  const parts: NotificationWords['parts'] = [];
  for (const text of message.split('；')) {
    let found: NotificationWords['parts'][number] | undefined;
    for (const p of BEHIND_PARTS) {
      const values = matchTemplate(p.text, text);
      if (!values) continue;
      if (p.code === 'category') {
        const category = values.category === undefined ? undefined : CATEGORIES[values.category];
        if (!category) continue;
        values.category = category;
      }
      found = { code: p.code, values };
      break;
    }
    if (!found) return undefined;
    parts.push(found);
  }
  return parts;
}

/** Names kept as codes, so the page words them: an integrity record's kind, a claim's category. */
function coded(values: Record<string, string>): Record<string, string> | undefined {
  const out = { ...values };
  if (out.kind !== undefined) {
    const kind = INTEGRITY_KINDS[out.kind];
    if (!kind) return undefined;
    out.kind = kind;
  }
  if (out.category !== undefined) {
    const category = CATEGORIES[out.category];
    if (!category) return undefined;
    out.category = category;
  }
  return out;
}

/** A notification's code and values, read from its kind, title and body; null when its text is not a sender's. */
export function notificationWords(kind: string, title: string, body: string): NotificationWords | null {
  if (kind === 'hours.behind') {
    if (title !== '学时进度提醒') return null;
    const parts = behindParts(body);
    return parts ? { code: 'hours.behind', values: {}, parts } : null;
  }
  for (const v of TEMPLATES[kind] ?? []) {
    const t = matchTemplate(v.title, title);
    const b = t && matchTemplate(v.body, body);
    if (!t || !b) continue;
    if (Object.keys(t).some((k) => b[k] !== undefined && b[k] !== t[k])) continue;
    const values = coded({ ...t, ...b });
    if (values) return { code: v.code, values, parts: [] };
  }
  return null;
}
