/**
 * validatePack's checks of the pack-wide sections: the training-plan design (R-004-04, R-004-05, R-004-07,
 * R-004-31), class operations, outcomes and completion, and KPI targets.
 */
import { type Collector, MAX_OFFSET_DAYS } from './pack-problems';
import { PLAN_MODE_CODES, type PolicyPack } from './policy-pack';

/** The training-plan rules (R-004-04, R-004-05, R-004-07, R-004-31): modes, day↔学时, staffing. */
export function checkPlanDesign(pack: PolicyPack, c: Collector): void {
  const d = pack.design;
  const modes = d.planModes;
  if (!modes || !d.dayHoursTenths) {
    c.add(
      'PACK.PLAN_MODES',
      'R-004-31',
      'design.planModes',
      '缺少培训方案的研修形式或天数折算学时（方案检查无法进行）',
    );
    return;
  }
  if (modes.value.length === 0)
    c.add('PACK.EMPTY_LIST', modes.ruleId, 'design.planModes', '研修形式列表不能为空');
  const seen = new Set<string>();
  modes.value.forEach((m, i) => {
    const known: readonly string[] = PLAN_MODE_CODES;
    if (!known.includes(m.code)) {
      c.add('PACK.PLAN_MODES', modes.ruleId, `design.planModes[${i}].code`, `未知的研修形式代码"${m.code}"`);
    }
    if (seen.has(m.code)) {
      c.add('PACK.DUPLICATE_ITEM', modes.ruleId, `design.planModes[${i}].code`, `研修形式"${m.name}"重复`);
    }
    seen.add(m.code);
  });
  if (
    d.compulsoryTopicsDelivery.value === 'async_online' &&
    !modes.value.some((m) => m.countsAs === 'online')
  ) {
    c.add(
      'PACK.PLAN_MODES',
      d.compulsoryTopicsDelivery.ruleId,
      'design.planModes',
      `必修内容须以异步在线形式安排，但研修形式中没有计入网络研修学时的形式`,
    );
  }
  c.hours(d.dayHoursTenths, 'design.dayHoursTenths', '1 天折合学时', 1);
  const st = d.staffing.value;
  const staffCounts: Array<[number, string, string]> = [
    [st.chiefExperts, 'chiefExperts', '首席专家人数'],
    [st.subjectClassTeachersPerClass, 'subjectClassTeachersPerClass', '每班学科班主任人数'],
    [st.lifeClassTeachersPerClass, 'lifeClassTeachersPerClass', '每班生活班主任人数'],
  ];
  for (const [n, key, label] of staffCounts) {
    if (!Number.isInteger(n) || n < 0) {
      c.add('PACK.STAFFING', d.staffing.ruleId, `design.staffing.${key}`, `${label}应为非负整数，实为 ${n}`);
    }
  }
}

// ---- class operations (Y-004-DUE-SOON, Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN) ----

export function checkClassOps(pack: PolicyPack, c: Collector): void {
  const o = pack.classOps;
  if (!o) return;
  c.count(o.dueSoonDays, 'classOps.dueSoonDays', '预警天数');
  c.count(o.checkinRotationSeconds, 'classOps.checkinRotationSeconds', '签到码更换周期（秒）', 10);
  c.count(o.checkinGraceWindows, 'classOps.checkinGraceWindows', '签到码宽限周期数');
  c.count(o.checkinOpensDaysBefore, 'classOps.checkinOpensDaysBefore', '开班前开放签到天数');
  if (Number.isInteger(o.dueSoonDays.value) && o.dueSoonDays.value > 60) {
    c.add(
      'PACK.BAD_NUMBER',
      o.dueSoonDays.ruleId,
      'classOps.dueSoonDays',
      `预警天数 ${o.dueSoonDays.value} 天过长（上限 60 天），看板将长期显示黄灯`,
    );
  }
  if (Number.isInteger(o.checkinRotationSeconds.value) && o.checkinRotationSeconds.value > 600) {
    c.add(
      'PACK.BAD_NUMBER',
      o.checkinRotationSeconds.ruleId,
      'classOps.checkinRotationSeconds',
      `签到码更换周期 ${o.checkinRotationSeconds.value} 秒过长（上限 600 秒），旧码可被转发使用`,
    );
  }
  if (Number.isInteger(o.checkinGraceWindows.value) && o.checkinGraceWindows.value > 2) {
    c.add(
      'PACK.BAD_NUMBER',
      o.checkinGraceWindows.ruleId,
      'classOps.checkinGraceWindows',
      `签到码宽限 ${o.checkinGraceWindows.value} 个周期过多（上限 2 个）`,
    );
  }
  // check-in must not open before the registration notice (R-004-10) is due: a trainee would be asked to
  // check in to a class nobody had to tell them about yet
  const opens = o.checkinOpensDaysBefore.value;
  const notice = pack.deadlines.registrationNotice;
  if (
    Number.isInteger(opens) &&
    notice.value.anchor === 'class_start' &&
    Number.isInteger(notice.value.offsetDays) &&
    notice.value.offsetDays <= 0 &&
    opens > -notice.value.offsetDays
  ) {
    c.add(
      'PACK.CLASS_OPS',
      o.checkinOpensDaysBefore.ruleId,
      'classOps.checkinOpensDaysBefore',
      `开班前 ${opens} 天开放签到，早于《报到通知书》的报送期限（开班前 ${-notice.value.offsetDays} 天）`,
    );
  }
}

// ---- outcomes and completion (Y-004-ATTEND-MIN … Y-004-CERT-NO) ----

const LEAVE_READINGS: readonly string[] = ['present', 'excused', 'absent'];
const PARTIAL_HOURS_READINGS: readonly string[] = ['none', 'attended_share'];

export function checkCompletion(pack: PolicyPack, c: Collector): void {
  const k = pack.completion;
  if (!k) return;
  c.count(k.minAttendancePct, 'completion.minAttendancePct', '结业最低出勤比例（%）');
  c.count(k.outcomeDueDaysAfterEnd, 'completion.outcomeDueDaysAfterEnd', '成果提交期限（结业后天数）');
  c.count(k.outcomePassScore, 'completion.outcomePassScore', '成果合格分数');
  c.count(k.certificateSeqDigits, 'completion.certificateSeqDigits', '证书顺序号位数', 3);
  for (const [v, path, label] of [
    [k.minAttendancePct, 'completion.minAttendancePct', '结业最低出勤比例'],
    [k.outcomePassScore, 'completion.outcomePassScore', '成果合格分数'],
  ] as const) {
    if (Number.isInteger(v.value) && v.value > 100) {
      c.add('PACK.BAD_NUMBER', v.ruleId, path, `${label} ${v.value} 超过 100`);
    }
  }
  if (Number.isInteger(k.certificateSeqDigits.value) && k.certificateSeqDigits.value > 9) {
    c.add(
      'PACK.BAD_NUMBER',
      k.certificateSeqDigits.ruleId,
      'completion.certificateSeqDigits',
      `证书顺序号位数 ${k.certificateSeqDigits.value} 过长（上限 9 位）`,
    );
  }
  if (Number.isInteger(k.outcomeDueDaysAfterEnd.value) && k.outcomeDueDaysAfterEnd.value > MAX_OFFSET_DAYS) {
    c.add(
      'PACK.BAD_NUMBER',
      k.outcomeDueDaysAfterEnd.ruleId,
      'completion.outcomeDueDaysAfterEnd',
      `成果提交期限结业后 ${k.outcomeDueDaysAfterEnd.value} 天，超过 ${MAX_OFFSET_DAYS} 天`,
    );
  }
  if (!LEAVE_READINGS.includes(String(k.approvedLeave.value))) {
    c.add(
      'PACK.BAD_SETTING',
      k.approvedLeave.ruleId,
      'completion.approvedLeave',
      `请假计算方式"${String(k.approvedLeave.value)}"无效（应为计为出勤、不计入课次总数或计为缺勤）`,
    );
  }
  if (!PARTIAL_HOURS_READINGS.includes(String(k.partialHours.value))) {
    c.add(
      'PACK.BAD_SETTING',
      k.partialHours.ruleId,
      'completion.partialHours',
      `未结业学时登记方式"${String(k.partialHours.value)}"无效（应为不登记学时或按出勤比例折算学时）`,
    );
  }
  // the final reports (R-004-15) summarise the trainees' outcomes: outcomes due after the reports cannot be in them
  const due = k.outcomeDueDaysAfterEnd.value;
  const reports = pack.deadlines.finalReports;
  if (
    Number.isInteger(due) &&
    reports.value.anchor === 'class_end' &&
    Number.isInteger(reports.value.offsetDays) &&
    reports.value.offsetDays >= 0 &&
    due > reports.value.offsetDays
  ) {
    c.add(
      'PACK.COMPLETION',
      k.outcomeDueDaysAfterEnd.ruleId,
      'completion.outcomeDueDaysAfterEnd',
      `学员成果结业后 ${due} 天内提交，晚于总结材料的报送期限（结业后 ${reports.value.offsetDays} 天），总结材料无法汇总成果`,
    );
  }
}

// ---- KPI targets (shares 0…1; R3-B02 by default) ----

export function checkKpiTargets(pack: PolicyPack, c: Collector): void {
  const t = pack.kpiTargets;
  if (!t) return;
  const labels: Record<string, string> = {
    registrationRate: '注册完成率目标',
    arrivalRate: '报到率目标',
    attendanceRate: '出勤率目标',
    completionRate: '结业率目标',
  };
  for (const [key, v] of Object.entries(t)) {
    if (!v) continue;
    const n: unknown = v.value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1) {
      c.add(
        'PACK.SHARE_RANGE',
        v.ruleId,
        `kpiTargets.${key}`,
        `${labels[key] ?? key}应为 0～1 之间的比例（0%～100%），实为 ${String(n)}`,
      );
    }
  }
}
