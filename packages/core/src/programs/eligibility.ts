/**
 * Whether a teacher may be nominated for a project type under a policy pack, with every rule checked,
 * its values and a Chinese message, so the nominating school sees why. Soft rules ("原则上") that fail
 * need a recorded override with a reason instead of making the teacher ineligible.
 */
import type { BackboneLevel, LocationType } from '../codes';
import { codeName } from '../codes';
import { ageOn, fullYearsBetween, isValidIsoDate, parseIsoDate } from '../dates';
import {
  addDays,
  addYears,
  findProjectType,
  findTrack,
  INTEGRITY_KINDS,
  type IntegrityKind,
  type PolicyPack,
  type PolicyValue,
  type ProjectTrack,
  type ProjectType,
  TRAINING_WORK_ROLES,
  totalCentralizedDays,
} from './policy-pack';

/** A programme the candidate is enrolled in, with its dates (for the no-overlap rule); not a class roster entry. */
export interface EnrolledProgramme {
  programmeId: string;
  programmeName?: string;
  startDate: string;
  endDate: string;
}

export interface IntegrityRecord {
  id?: string;
  /** Date of the event (no-show, dismissal, non-completion). */
  date: string;
  kind: IntegrityKind;
  /** False once revoked, exempted for special circumstances, or overturned on appeal. */
  standing: boolean;
}

export interface EligibilityCandidate {
  birthDate: string;
  teachingStartDate: string | null;
  /** Year the teacher started teacher-training work (培训工作), if any. */
  trainingStartYear: number | null;
  backbone: BackboneLevel | null;
  rolesHeld: string[];
  title: string | null;
  stage: string | null;
  schoolLocationType: LocationType | null;
  /** Current enrolments in other programmes. */
  enrolments: EnrolledProgramme[];
  integrityRecords: IntegrityRecord[];
  /** Attestation codes the nominating unit has confirmed (health, target group …). */
  attestations?: string[];
  /** Priority flag codes (R-004-67 …). */
  flags?: string[];
}

export interface EligibilityOverride {
  ruleId: string;
  reason: string;
  by?: string;
}

export interface EligibilityContext {
  /** The date ages and years are computed on (`resolveReferenceDate(pack, programme)`). */
  referenceDate: string;
  /** The programme (class) the nomination is for: the ban and overlap are judged on its dates. */
  programme: { id: string; startDate: string; endDate: string };
  /** Track of the project type; its first track when absent. */
  trackCode?: string;
  overrides?: EligibilityOverride[];
}

export type CheckValue = string | number | boolean | null;

export interface EligibilityCheck {
  ruleId: string;
  label: string;
  passed: boolean;
  soft: boolean;
  values: Record<string, CheckValue>;
  message: string;
  /** Present when a failed soft check was passed by an override. */
  override?: { reason: string; by: string | null };
}

export interface EligibilityResult {
  projectTypeCode: string;
  trackCode: string;
  referenceDate: string;
  /** Every check passed (soft ones possibly by override). */
  eligible: boolean;
  /** Only soft checks failed: eligible once an override with a reason is recorded. */
  needsOverride: boolean;
  checks: EligibilityCheck[];
  /** Priority flags the candidate holds (never a reason to refuse). */
  priorities: Array<{ ruleId: string; code: string; label: string }>;
}

function hardCheck(
  rule: PolicyValue<unknown>,
  label: string,
  passed: boolean,
  values: Record<string, CheckValue>,
  message: string,
): EligibilityCheck {
  return { ruleId: rule.ruleId, label, passed, soft: false, values, message };
}

function roleName(code: string): string {
  return codeName('roles', code) ?? TRAINING_WORK_ROLES.find((r) => r.code === code)?.name ?? code;
}

function backboneName(code: string): string {
  return codeName('backboneLevels', code) ?? code;
}

function locationName(code: string): string {
  return codeName('locationTypes', code) ?? code;
}

function trainingYears(pack: PolicyPack, startYear: number, referenceDate: string): number {
  const refYear = parseIsoDate(referenceDate)?.year ?? 0;
  const diff = refYear - startYear;
  return pack.settings.trainingYearsCounting.value === 'full_years_only' ? diff - 1 : diff;
}

function ageCheck(track: ProjectTrack, c: EligibilityCandidate, ref: string): EligibilityCheck | undefined {
  const age = track.eligibility.age;
  if (!age || (!age.min && !age.max)) return undefined;
  const rule = age.max ?? age.min;
  if (!rule) return undefined;
  const soft = age.soft.value;
  const min = age.min?.value ?? null;
  const max = age.max?.value ?? null;
  if (!isValidIsoDate(c.birthDate)) {
    return {
      ruleId: rule.ruleId,
      label: '年龄',
      passed: false,
      soft: false,
      values: { age: null, min, max, referenceDate: ref },
      message: '缺少有效的出生日期，无法判断年龄',
    };
  }
  const years = ageOn(c.birthDate, ref);
  const tooYoung = min !== null && years < min;
  const tooOld = max !== null && years > max;
  const passed = !tooYoung && !tooOld;
  const principle = soft ? '原则上' : '';
  let message: string;
  if (tooOld) message = `${ref} 时年龄 ${years} 周岁，超过${principle}不超过 ${max} 周岁的要求`;
  else if (tooYoung) message = `${ref} 时年龄 ${years} 周岁，低于${principle}不低于 ${min} 周岁的要求`;
  else message = `${ref} 时年龄 ${years} 周岁，符合要求`;
  if (!passed && soft) message += '，需填写理由例外审批';
  return {
    ruleId: tooYoung && age.min ? age.min.ruleId : rule.ruleId,
    label: '年龄',
    passed,
    soft,
    values: { age: years, min, max, referenceDate: ref },
    message,
  };
}

function integrityCheck(
  pack: PolicyPack,
  type: ProjectType,
  track: ProjectTrack,
  c: EligibilityCandidate,
  programmeStart: string,
): EligibilityCheck {
  const ban = pack.integrityBan;
  const years = ban.years.value;
  const inScope =
    ban.appliesToLevels.value.includes(type.level.value) &&
    (!ban.centralizedOnly.value || totalCentralizedDays(type, track) > 0);
  if (!inScope) {
    return hardCheck(
      ban.years,
      '培训诚信档案',
      true,
      { applies: false },
      '本项目不属于省级组织的集中培训项目，不受诚信档案限制',
    );
  }
  const anniversaryAllowed = ban.anniversary.value === 'allowed';
  let worst: { record: IntegrityRecord; endsOn: string } | undefined;
  for (const record of c.integrityRecords) {
    if (!record.standing || !ban.kinds.value.includes(record.kind)) continue;
    const endsOn = addYears(record.date, years);
    const barred = anniversaryAllowed ? programmeStart < endsOn : programmeStart <= endsOn;
    if (barred && (!worst || endsOn > worst.endsOn)) worst = { record, endsOn };
  }
  if (!worst) {
    return hardCheck(
      ban.years,
      '培训诚信档案',
      true,
      { applies: true, years },
      `近 ${years} 年内无有效的诚信档案限制记录`,
    );
  }
  const kindName = INTEGRITY_KINDS.find((k) => k.code === worst.record.kind)?.name ?? worst.record.kind;
  const { lastBarredDay, allowedFrom } = integrityBar(pack, worst.record.date);
  return hardCheck(
    ban.years,
    '培训诚信档案',
    false,
    {
      applies: true,
      years,
      recordDate: worst.record.date,
      kind: worst.record.kind,
      programmeStart,
      barEndsOn: lastBarredDay,
      allowedFrom,
    },
    `${worst.record.date} 有"${kindName}"记录，${years} 年内（至 ${lastBarredDay}）不得参加省级组织的集中培训项目，${allowedFrom} 起方可参加（本项目 ${programmeStart} 开班）`,
  );
}

/**
 * The bar of an integrity record dated `recordDate` (R-004-20): it counts from the record date, for the pack's
 * years; on the anniversary itself the teacher may attend again or not, as the pack's `anniversary` says.
 */
export function integrityBar(
  pack: PolicyPack,
  recordDate: string,
): { ruleId: string; years: number; lastBarredDay: string; allowedFrom: string } {
  const ban = pack.integrityBan;
  const endsOn = addYears(recordDate, ban.years.value);
  const allowed = ban.anniversary.value === 'allowed';
  return {
    ruleId: ban.years.ruleId,
    years: ban.years.value,
    lastBarredDay: allowed ? addDays(endsOn, -1) : endsOn,
    allowedFrom: allowed ? endsOn : addDays(endsOn, 1),
  };
}

function overlapCheck(
  pack: PolicyPack,
  c: EligibilityCandidate,
  programme: EligibilityContext['programme'],
): EligibilityCheck | undefined {
  const rule = pack.noOverlappingEnrolment;
  if (!rule.value) return undefined;
  const clash = c.enrolments.find(
    (e) =>
      e.programmeId !== programme.id && e.startDate <= programme.endDate && programme.startDate <= e.endDate,
  );
  if (!clash) {
    return hardCheck(
      rule,
      '同期参训',
      true,
      { programmeStart: programme.startDate, programmeEnd: programme.endDate },
      `${programme.startDate} 至 ${programme.endDate} 期间未参加其他培训项目`,
    );
  }
  const name = clash.programmeName ?? clash.programmeId;
  return hardCheck(
    rule,
    '同期参训',
    false,
    {
      programmeStart: programme.startDate,
      programmeEnd: programme.endDate,
      otherProgrammeId: clash.programmeId,
      otherStart: clash.startDate,
      otherEnd: clash.endDate,
    },
    `已参加"${name}"（${clash.startDate} 至 ${clash.endDate}），与本项目（${programme.startDate} 至 ${programme.endDate}）时间重叠`,
  );
}

/** Checks of one track's own rules, in the order a nominating officer reads them. */
function trackChecks(
  pack: PolicyPack,
  track: ProjectTrack,
  c: EligibilityCandidate,
  ref: string,
): EligibilityCheck[] {
  const e = track.eligibility;
  const checks: EligibilityCheck[] = [];
  const age = ageCheck(track, c, ref);
  if (age) checks.push(age);

  if (e.minTrainingWorkYears) {
    const min = e.minTrainingWorkYears.value;
    if (c.trainingStartYear === null) {
      checks.push(
        hardCheck(
          e.minTrainingWorkYears,
          '从事教师培训工作年限',
          false,
          { years: null, min, startYear: null },
          '未登记从事教师培训工作的起始年份',
        ),
      );
    } else {
      const years = trainingYears(pack, c.trainingStartYear, ref);
      const passed = years >= min;
      checks.push(
        hardCheck(
          e.minTrainingWorkYears,
          '从事教师培训工作年限',
          passed,
          { years, min, startYear: c.trainingStartYear },
          `${c.trainingStartYear} 年起从事教师培训工作，至 ${ref} 计 ${years} 年，${passed ? '符合' : '不足'} ${min} 年以上的要求`,
        ),
      );
    }
  }

  if (e.minTeachingYears) {
    const min = e.minTeachingYears.value;
    if (c.teachingStartDate === null || !isValidIsoDate(c.teachingStartDate)) {
      checks.push(
        hardCheck(
          e.minTeachingYears,
          '教龄',
          false,
          { years: null, min, teachingStartDate: null },
          '未登记有效的任教起始日期，无法计算教龄',
        ),
      );
    } else {
      const years = fullYearsBetween(c.teachingStartDate, ref);
      const passed = years >= min;
      checks.push(
        hardCheck(
          e.minTeachingYears,
          '教龄',
          passed,
          { years, min, teachingStartDate: c.teachingStartDate },
          `${c.teachingStartDate} 起任教，至 ${ref} 教龄满 ${years} 年，${passed ? '符合' : '不足'} ${min} 年以上的要求`,
        ),
      );
    }
  }

  if (e.schoolLocationTypes) {
    const allowed = e.schoolLocationTypes.value;
    const loc = c.schoolLocationType;
    const passed = loc !== null && allowed.includes(loc);
    const allowedNames = allowed.map(locationName).join('、');
    checks.push(
      hardCheck(
        e.schoolLocationTypes,
        '学校城乡类型',
        passed,
        { locationType: loc, allowed: allowed.join(',') },
        loc === null
          ? '所在学校未登记城乡类型'
          : `所在学校为${locationName(loc)}学校，${passed ? '符合' : '不符合'}（须为${allowedNames}学校）`,
      ),
    );
  }

  if (e.backboneLevels) {
    const allowed = e.backboneLevels.value;
    const b = c.backbone;
    const passed = b !== null && allowed.includes(b);
    checks.push(
      hardCheck(
        e.backboneLevels,
        '骨干教师',
        passed,
        { backbone: b, allowed: allowed.join(',') },
        b === null
          ? '未认定骨干教师'
          : `${backboneName(b)}，${passed ? '符合' : '不符合'}（须为${allowed.map(backboneName).join('、')}之一）`,
      ),
    );
  }

  if (e.roles) {
    const { anyRole, anyBackbone } = e.roles.value;
    const role = c.rolesHeld.find((r) => anyRole.includes(r));
    const viaBackbone = c.backbone !== null && anyBackbone.includes(c.backbone);
    const passed = role !== undefined || viaBackbone;
    const wanted = [...anyRole.map(roleName), ...anyBackbone.map(backboneName)].join('、');
    const held = c.rolesHeld.map(roleName).join('、') || '无';
    checks.push(
      hardCheck(
        e.roles,
        '岗位',
        passed,
        { rolesHeld: c.rolesHeld.join(','), matched: role ?? (viaBackbone ? c.backbone : null) },
        passed
          ? `担任${role !== undefined ? roleName(role) : backboneName(c.backbone ?? '')}，符合岗位要求`
          : `现任岗位（${held}）不在要求之列（须为${wanted}之一）`,
      ),
    );
  }

  if (e.titles) {
    const allowed = e.titles.value;
    const passed = c.title !== null && allowed.includes(c.title);
    checks.push(
      hardCheck(
        e.titles,
        '职称',
        passed,
        { title: c.title, allowed: allowed.join(',') },
        `职称${c.title === null ? '未登记' : (codeName('titles', c.title) ?? c.title)}，${passed ? '符合' : '不符合'}（须为${allowed.map((t) => codeName('titles', t) ?? t).join('、')}之一）`,
      ),
    );
  }

  if (e.stages) {
    const allowed = e.stages.value;
    const passed = c.stage !== null && allowed.includes(c.stage);
    checks.push(
      hardCheck(
        e.stages,
        '学段',
        passed,
        { stage: c.stage, allowed: allowed.join(',') },
        `任教学段${c.stage === null ? '未登记' : (codeName('stages', c.stage) ?? c.stage)}，${passed ? '符合' : '不符合'}（须为${allowed.map((s) => codeName('stages', s) ?? s).join('、')}之一）`,
      ),
    );
  }

  if (e.attestations) {
    const confirmed = new Set(c.attestations ?? []);
    const missing = e.attestations.value.filter((a) => !confirmed.has(a.code));
    checks.push(
      hardCheck(
        e.attestations,
        '资格条件确认',
        missing.length === 0,
        { missing: missing.map((a) => a.code).join(',') || null },
        missing.length === 0
          ? `推荐单位已确认：${e.attestations.value.map((a) => a.label).join('；')}`
          : `推荐单位尚未确认：${missing.map((a) => a.label).join('；')}`,
      ),
    );
  }
  return checks;
}

function applyOverrides(checks: EligibilityCheck[], overrides: EligibilityOverride[]): EligibilityCheck[] {
  return checks.map((check) => {
    if (check.passed || !check.soft) return check;
    const o = overrides.find((x) => x.ruleId === check.ruleId && x.reason.trim() !== '');
    if (!o) return check;
    const by = o.by ?? null;
    return {
      ...check,
      passed: true,
      values: { ...check.values, override: true, overrideReason: o.reason.trim() },
      message: `${check.message}；已例外通过，理由：${o.reason.trim()}`,
      override: { reason: o.reason.trim(), by },
    };
  });
}

/**
 * Evaluate a candidate for a project type (and track) of a pack. Throws a RangeError when the project
 * type or track does not exist in the pack, or the context dates are not calendar dates.
 */
export function evaluateEligibility(
  pack: PolicyPack,
  projectTypeCode: string,
  candidate: EligibilityCandidate,
  context: EligibilityContext,
): EligibilityResult {
  const type = findProjectType(pack, projectTypeCode);
  if (!type) throw new RangeError(`政策包 ${pack.id} 中没有项目类型"${projectTypeCode}"`);
  const track = findTrack(type, context.trackCode);
  if (!track) throw new RangeError(`项目类型"${type.name}"中没有参训对象类别"${context.trackCode ?? ''}"`);
  const { referenceDate: ref, programme } = context;
  for (const [label, d] of [
    ['referenceDate', ref],
    ['programme.startDate', programme.startDate],
    ['programme.endDate', programme.endDate],
  ] as const) {
    if (!isValidIsoDate(d)) throw new RangeError(`${label} is not a YYYY-MM-DD calendar date: ${d}`);
  }

  const raw = trackChecks(pack, track, candidate, ref);
  raw.push(integrityCheck(pack, type, track, candidate, programme.startDate));
  const overlap = overlapCheck(pack, candidate, programme);
  if (overlap) raw.push(overlap);
  const checks = applyOverrides(raw, context.overrides ?? []);

  const failed = checks.filter((c) => !c.passed);
  const flags = new Set(candidate.flags ?? []);
  const priorityRule = track.eligibility.priorities;
  const priorities = priorityRule
    ? priorityRule.value
        .filter((p) => flags.has(p.code))
        .map((p) => ({ ruleId: priorityRule.ruleId, code: p.code, label: p.label }))
    : [];
  return {
    projectTypeCode: type.code,
    trackCode: track.code,
    referenceDate: ref,
    eligible: failed.length === 0,
    needsOverride: failed.length > 0 && failed.every((c) => c.soft),
    checks,
    priorities,
  };
}
