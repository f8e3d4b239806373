/**
 * The checks of one track's own eligibility rules (age, training-work years, teaching years, school location,
 * backbone level, roles, title, stage, attestations), in the order a nominating officer reads them. Each check
 * carries the rule ID of its pack value (in the Henan pack e.g. age R-004-56, training-work years R-004-55,
 * attestations R-004-57, school location R-004-72).
 */
import { codeName } from '../codes';
import { ageOn, fullYearsBetween, isValidIsoDate, parseIsoDate } from '../dates';
import { type EligibilityCandidate, type EligibilityCheck, hardCheck } from './eligibility-check';
import { type PolicyPack, type ProjectTrack, TRAINING_WORK_ROLES } from './policy-pack';

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
      code: 'age',
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
    code: 'age',
    ruleId: tooYoung && age.min ? age.min.ruleId : rule.ruleId,
    label: '年龄',
    passed,
    soft,
    values: { age: years, min, max, referenceDate: ref },
    message,
  };
}

/** Checks of one track's own rules, in the order a nominating officer reads them. */
export function trackChecks(
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
          'training_years',
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
          'training_years',
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
          'teaching_years',
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
          'teaching_years',
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
        'location_type',
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
        'backbone',
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
        'role',
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
        'title',
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
        'stage',
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
        'attestation',
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
