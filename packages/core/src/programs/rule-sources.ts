/**
 * Where each rule ID comes from, for the officers' ⓘ beside a reason: the seed document and line of a spec rule
 * (S004:L37 → the Henan notice, line 37), or "a Yanxun rule" for the product's own (Y-…, source 'issue N'). Read
 * off the built-in pack (every pack value carries its source and reading) and, for the rules cited outside a
 * pack (exam reporting, check-in, outcomes), the short table below with the seed's own words.
 */
import { COMMUNITY_RULE_SCHOOL, DEFAULT_COMMUNITY_RULES } from '../communities/rules';
import { DEFAULT_CLAIM_RULES } from '../hours/claims';
import { DEFAULT_REMIND_INTERVAL_DAYS, HOURS_RULE_YEAR_PACE } from '../hours/compliance';
import {
  DEFAULT_HOUR_RULES,
  DEFAULT_IMPORT_DAY_MAX,
  DEFAULT_XAPI_RULES,
  HOURS_RULE_ON_TRACK,
  HOURS_RULE_REVERSAL,
} from '../hours/rules';
import { HENAN_2021_PACK } from './henan-2021';
import type { PolicyPack } from './policy-pack';

export interface RuleSource {
  ruleId: string;
  /** 'S004:L37', or 'issue 3' for a rule the product adds. */
  source: string;
  /** The source in words: '河南省教育厅 2021 年素质提升工程通知 第 37 行', or '研训系统规则'. */
  where: string;
  /** The seed's own words or the reading chosen where it is ambiguous. */
  note?: string;
}

/** The seed documents of the spec digests, briefly. */
const DOCUMENTS: Record<string, string> = {
  S000: '成都市《区域推进：从理念到行动的嬗变》',
  S001: '基础教育综合改革实验区方案',
  S002: '《清远市基础教育教学质量提升指导意见》',
  S003: '济源示范区《推进河南省"国培计划"项目县建设的实施意见》',
  S004: '河南省教育厅 2021 年中小学教师素质提升工程通知',
};

/** 'S004:L81-83' → '河南省教育厅 … 第 81–83 行'; 'issue 3' (or anything else) → a product rule. */
export function sourceInWords(source: string): string {
  const m = /^(S\d{3}):L(\d+)(?:\s*[-–]\s*L?(\d+))?$/.exec(source.trim());
  const doc = m?.[1] ? DOCUMENTS[m[1]] : undefined;
  if (!m || !doc) return '研训系统规则（可在政策包中调整）';
  return `${doc} 第 ${m[2]}${m[3] ? `–${m[3]}` : ''} 行`;
}

/** Rules cited outside a pack, with the seed's words (spec digests) or the product rule's reading. */
const OUTSIDE_PACKS: Array<Omit<RuleSource, 'where'>> = [
  { ruleId: 'R-004-12', source: 'S004:L28', note: '"做好参训学员的报到、注册、管理和使用工作"' },
  { ruleId: 'R-004-16', source: 'S004:L30', note: '"指导参训教师成果的产出、汇集、评价与转化"' },
  { ruleId: 'R-004-17', source: 'S004:L37', note: '"做到名额到校、通知到人，确保足额完成下达的指标"' },
  { ruleId: 'R-002-12', source: 'S002:L24', note: '"注重监测中的成效追踪与问题预警"' },
  {
    ruleId: 'R-002-58',
    source: 'S002:L59',
    note: '"引导全社会从关注高考、中考成绩，转变到关注学生健康成长上来"',
  },
  { ruleId: 'SZ-12', source: 'S001:L54-55', note: '"义务教育阶段考试成绩呈现实行等级制"' },
  { ruleId: 'Y-004-CLASS-DATES', source: 'issue 2', note: '培训班日期须在项目日期之内' },
  { ruleId: 'Y-004-COMPLETION-RUN', source: 'issue 3', note: '结业评定自结业日期起进行' },
  { ruleId: 'Y-EXAM-PUBLIC', source: 'issue 6', note: '公众只看到全区域汇总，人数或学校过少时不公布' },
  { ruleId: 'Y-EXAM-PARENT-CODE', source: 'issue 6', note: '家长凭学号和学校发放的访问码查询本人孩子的结果' },
  {
    ruleId: HOURS_RULE_ON_TRACK,
    source: 'issue 12',
    note: '周期进度：按进度应有 = 周期总学时 × 已结束学年数 ÷ 周期学年数（向上取整到 0.1 学时）',
  },
  {
    ruleId: HOURS_RULE_YEAR_PACE,
    source: 'issue 12',
    note: '学年进度：按进度应有 = 学年最低学时 × 本学年已过天数 ÷ 学年天数（向上取整到 0.1 学时）',
  },
  { ruleId: HOURS_RULE_REVERSAL, source: 'issue 12', note: '更正以冲销记录进行，一条冲销恰好抵消一条登记' },
  {
    ruleId: 'R3-G17',
    source: 'S003:L204-207',
    note: '"按月度做好信息统计与评价反馈"：每个工作坊、工作室每月一条评价记录',
  },
  {
    ruleId: 'R3-P09',
    source: 'S003:L855-858',
    note: "\"对考核为'合格'者予以续聘，对考核为'不合格'者予以辞聘或解聘\"",
  },
  {
    ruleId: 'R3-P10',
    source: 'S003:L859-863',
    note: '聘期内违反新时代教师职业行为准则、未履行职责、违反八项规定等纪律、被刑事处罚之一的，撤销成员资格',
  },
  { ruleId: 'R3-B06', source: 'S003:L507-509', note: '"每个示范校引领带动 1-3所区域内学校"' },
  {
    ruleId: COMMUNITY_RULE_SCHOOL,
    source: 'issue 13',
    note: '成员所在学校不在学校名单中时，无法判断其区域，单独提示',
  },
];

/**
 * The 学时 rules a pack without an `hours` section uses, and the studio, workshop, trainer and 校本研修 rules of one
 * without a `communities` section (their values carry their sources).
 */
const HOUR_RULE_DEFAULTS: unknown[] = [
  DEFAULT_HOUR_RULES,
  DEFAULT_XAPI_RULES,
  DEFAULT_IMPORT_DAY_MAX,
  DEFAULT_CLAIM_RULES,
  DEFAULT_REMIND_INTERVAL_DAYS,
  DEFAULT_COMMUNITY_RULES,
];

function isRuleValue(v: unknown): v is { ruleId: string; source: string; note?: unknown } {
  return (
    typeof v === 'object' &&
    v !== null &&
    'value' in v &&
    typeof (v as { ruleId?: unknown }).ruleId === 'string' &&
    typeof (v as { source?: unknown }).source === 'string'
  );
}

/** Every rule ID of a pack with its first source (and reading), in the pack's order. */
export function ruleSourcesOf(pack: PolicyPack): RuleSource[] {
  return sourcesIn(pack);
}

/** Every rule value's ID under `node` (a pack, a section, a list of them) with its first source. */
function sourcesIn(node: unknown): RuleSource[] {
  const out = new Map<string, RuleSource>();
  const walk = (node: unknown): void => {
    if (isRuleValue(node)) {
      if (!out.has(node.ruleId))
        out.set(node.ruleId, {
          ruleId: node.ruleId,
          source: node.source,
          where: sourceInWords(node.source),
          ...(typeof node.note === 'string' ? { note: node.note } : {}),
        });
      return;
    }
    if (Array.isArray(node)) for (const x of node) walk(x);
    else if (typeof node === 'object' && node !== null) for (const x of Object.values(node)) walk(x);
  };
  walk(node);
  return [...out.values()];
}

/**
 * The catalogue the officers' ⓘ reads: the built-in pack's rules, the default 学时 and community rules it lacks,
 * then those cited outside a pack.
 */
export function ruleSources(pack: PolicyPack = HENAN_2021_PACK): RuleSource[] {
  const own = ruleSourcesOf(pack);
  const ownIds = new Set(own.map((r) => r.ruleId));
  const inPack = [...own, ...sourcesIn(HOUR_RULE_DEFAULTS).filter((r) => !ownIds.has(r.ruleId))];
  const known = new Set(inPack.map((r) => r.ruleId));
  return [
    ...inPack,
    ...OUTSIDE_PACKS.filter((r) => !known.has(r.ruleId)).map((r) => ({
      ...r,
      where: sourceInWords(r.source),
    })),
  ];
}
