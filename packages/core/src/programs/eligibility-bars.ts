/**
 * The checks that bar a teacher whatever the track says: the integrity record (诚信档案, R-004-20) and a
 * programme at the same time (no overlapping enrolment).
 */
import {
  type EligibilityCandidate,
  type EligibilityCheck,
  type EligibilityContext,
  hardCheck,
  type IntegrityRecord,
} from './eligibility-check';
import {
  addDays,
  addYears,
  INTEGRITY_KINDS,
  type PolicyPack,
  type ProjectTrack,
  type ProjectType,
  totalCentralizedDays,
} from './policy-pack';

export function integrityCheck(
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
      'integrity',
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
      'integrity',
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
    'integrity',
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

export function overlapCheck(
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
      'overlap',
      rule,
      '同期参训',
      true,
      { programmeStart: programme.startDate, programmeEnd: programme.endDate },
      `${programme.startDate} 至 ${programme.endDate} 期间未参加其他培训项目`,
    );
  }
  const name = clash.programmeName ?? clash.programmeId;
  return hardCheck(
    'overlap',
    rule,
    '同期参训',
    false,
    {
      programmeStart: programme.startDate,
      programmeEnd: programme.endDate,
      otherProgrammeId: clash.programmeId,
      otherProgrammeName: name,
      otherStart: clash.startDate,
      otherEnd: clash.endDate,
    },
    `已参加"${name}"（${clash.startDate} 至 ${clash.endDate}），与本项目（${programme.startDate} 至 ${programme.endDate}）时间重叠`,
  );
}
