/**
 * validatePack's checks of one project type: its counts and ratios, its tracks and their eligibility rules,
 * outcomes, studios and the county system (县域教师发展支持服务体系) of the project-county type.
 */

import { type Collector, checkList } from './pack-problems';
import type { EligibilityRules, PolicyPack, PolicyValue, ProjectTrack, ProjectType } from './policy-pack';

function checkEligibility(e: EligibilityRules, path: string, c: Collector): void {
  const { age } = e;
  if (age) {
    c.count(age.min, `${path}.age.min`, '最低年龄');
    c.count(age.max, `${path}.age.max`, '最高年龄', 1);
    if (age.min && age.max && age.min.value > age.max.value) {
      c.add(
        'PACK.AGE_RANGE',
        age.max.ruleId,
        `${path}.age`,
        `最低年龄 ${age.min.value} 周岁高于最高年龄 ${age.max.value} 周岁，没有人能符合`,
      );
    }
  }
  c.count(e.minTrainingWorkYears, `${path}.minTrainingWorkYears`, '培训工作年限');
  c.count(e.minTeachingYears, `${path}.minTeachingYears`, '教龄');
  if (e.schoolLocationTypes && e.schoolLocationTypes.value.length === 0) {
    c.add(
      'PACK.EMPTY_LIST',
      e.schoolLocationTypes.ruleId,
      `${path}.schoolLocationTypes`,
      '学校城乡类型列表为空，没有人能符合',
    );
  }
  if (e.backboneLevels && e.backboneLevels.value.length === 0) {
    c.add(
      'PACK.EMPTY_LIST',
      e.backboneLevels.ruleId,
      `${path}.backboneLevels`,
      '骨干等级列表为空，没有人能符合',
    );
  }
  if (e.roles && e.roles.value.anyRole.length + e.roles.value.anyBackbone.length === 0) {
    c.add('PACK.EMPTY_LIST', e.roles.ruleId, `${path}.roles`, '岗位列表为空，没有人能符合');
  }
  if (e.titles && e.titles.value.length === 0) {
    c.add('PACK.EMPTY_LIST', e.titles.ruleId, `${path}.titles`, '职称列表为空，没有人能符合');
  }
  if (e.stages && e.stages.value.length === 0) {
    c.add('PACK.EMPTY_LIST', e.stages.ruleId, `${path}.stages`, '学段列表为空，没有人能符合');
  }
}

function checkTrack(type: ProjectType, track: ProjectTrack, path: string, c: Collector): void {
  c.count(track.centralizedDaysPerYear, `${path}.centralizedDaysPerYear`, '每年集中培训天数');
  c.count(track.centralizedDaysTotal, `${path}.centralizedDaysTotal`, '集中培训总天数');
  c.hours(track.onlineHoursTenths, `${path}.onlineHoursTenths`, '网络研修学时');
  c.count(track.practiceYears, `${path}.practiceYears`, '实践年数');
  const perYear = track.centralizedDaysPerYear;
  const total = track.centralizedDaysTotal;
  if (perYear && total && perYear.value * type.cycleYears.value !== total.value) {
    c.add(
      'PACK.DAYS_TOTAL_MISMATCH',
      total.ruleId,
      `${path}.centralizedDaysTotal`,
      `每年集中培训 ${perYear.value} 天 × 培训周期 ${type.cycleYears.value} 年 = ${perYear.value * type.cycleYears.value} 天，与集中培训总天数 ${total.value} 天不一致`,
    );
  }
  if (perYear && type.cycleYears.value > 0 && perYear.value > 366) {
    c.add(
      'PACK.BAD_NUMBER',
      perYear.ruleId,
      `${path}.centralizedDaysPerYear`,
      `每年集中培训 ${perYear.value} 天超过一年的天数`,
    );
  }
  checkEligibility(track.eligibility, `${path}.eligibility`, c);
}

export function checkProjectType(pack: PolicyPack, type: ProjectType, path: string, c: Collector): void {
  c.count(type.cycleYears, `${path}.cycleYears`, '培训周期（年）', 1);
  c.count(type.traineeTotal, `${path}.traineeTotal`, '培训人数', 1);
  if (type.competitiveRatio) {
    const r = type.competitiveRatio;
    if (!Number.isFinite(r.value) || r.value < 1) {
      c.add(
        'PACK.RATIO_BELOW_ONE',
        r.ruleId,
        `${path}.competitiveRatio`,
        `差额比例 1:${r.value} 小于 1:1，候选人少于名额，无法差额遴选`,
      );
    }
  }
  // shortlist: the owner-confirms setting is a yes/no and only means something on a competitive project type
  const confirms = type.shortlistSelection?.ownerConfirms;
  if (confirms && (typeof confirms.value !== 'boolean' || !type.competitiveRatio)) {
    c.add(
      'PACK.SHORTLIST_SETTING',
      confirms.ruleId,
      `${path}.shortlistSelection.ownerConfirms`,
      typeof confirms.value !== 'boolean'
        ? '差额遴选是否须主办单位确认，只能为"是"或"否"'
        : '未设差额比例的项目类型不采取差额遴选，不应设置遴选确认方式',
    );
  }
  const share = type.practicalShareMinPct;
  const floor = pack.design.practicalShareMinPct;
  if (share && (share.value < floor.value || share.value > 100)) {
    c.add(
      'PACK.PRACTICAL_SHARE',
      floor.ruleId,
      `${path}.practicalShareMinPct`,
      share.value > 100
        ? `实践性课程比例 ${share.value}% 超过 100%`
        : `实践性课程比例下限 ${share.value}% 低于全省要求的 ${floor.value}%`,
    );
  }

  if (type.tracks.length === 0) {
    c.add(
      'PACK.NO_TRACKS',
      type.definedBy.ruleId,
      `${path}.tracks`,
      `项目"${type.name}"没有任何参训对象类别`,
    );
  }
  const trackCodes = new Set<string>();
  type.tracks.forEach((track, i) => {
    if (trackCodes.has(track.code)) {
      c.add(
        'PACK.DUPLICATE_TRACK_CODE',
        type.definedBy.ruleId,
        `${path}.tracks[${i}].code`,
        `参训对象类别代码"${track.code}"重复`,
      );
    }
    trackCodes.add(track.code);
    checkTrack(type, track, `${path}.tracks[${i}]`, c);
  });

  type.outcomes.forEach((o, i) => {
    const p = `${path}.outcomes[${i}]`;
    if (o.value.trackCode !== undefined && !trackCodes.has(o.value.trackCode)) {
      c.add(
        'PACK.UNKNOWN_TRACK',
        o.ruleId,
        `${p}.trackCode`,
        `成果要求指向不存在的参训对象类别"${o.value.trackCode}"`,
      );
    }
    if (o.value.items.length === 0)
      c.add('PACK.EMPTY_LIST', o.ruleId, `${p}.items`, '成果要求没有任何成果项');
    o.value.items.forEach((item, j) => {
      if (!Number.isInteger(item.count) || item.count < 1) {
        c.add(
          'PACK.BAD_NUMBER',
          o.ruleId,
          `${p}.items[${j}].count`,
          `成果"${item.name}"的数量应为正整数，实为 ${item.count}`,
        );
      }
    });
  });

  type.studios.forEach((s, i) => {
    const p = `${path}.studios[${i}]`;
    if (!Number.isInteger(s.value.durationYears) || s.value.durationYears < 1) {
      c.add(
        'PACK.BAD_NUMBER',
        s.ruleId,
        `${p}.durationYears`,
        `工作室研修周期应为正整数年，实为 ${s.value.durationYears}`,
      );
    }
    s.value.roles.forEach((role, j) => {
      const rp = `${p}.roles[${j}]`;
      if (!Number.isInteger(role.min) || !Number.isInteger(role.max) || role.min < 0 || role.min > role.max) {
        c.add(
          'PACK.STUDIO_RANGE',
          s.ruleId,
          rp,
          `工作室"${s.value.name}"的${role.name}人数范围 ${role.min}～${role.max} 不成立`,
        );
      }
      if (role.trackCode !== undefined && !trackCodes.has(role.trackCode)) {
        c.add(
          'PACK.UNKNOWN_TRACK',
          s.ruleId,
          `${rp}.trackCode`,
          `工作室角色指向不存在的参训对象类别"${role.trackCode}"`,
        );
      }
    });
  });

  if (type.countySystem) checkCountySystem(type, `${path}.countySystem`, c);
}

function checkCountySystem(type: ProjectType, path: string, c: Collector): void {
  const cs = type.countySystem;
  if (!cs) return;
  const counts: Array<[PolicyValue<number>, string, string]> = [
    [cs.trainingTeamSize, 'trainingTeamSize', '培训团队人数'],
    [cs.devSchools, 'devSchools', '教师发展学校数'],
    [cs.devSchoolsPrimary, 'devSchoolsPrimary', '教师发展学校（小学）数'],
    [cs.devSchoolsSecondary, 'devSchoolsSecondary', '教师发展学校（中学）数'],
    [cs.teamMinPerDevSchool, 'teamMinPerDevSchool', '每所教师发展学校团队成员下限'],
    [cs.teamMinPerStudio, 'teamMinPerStudio', '每个工作室团队成员下限'],
    [cs.studios, 'studios', '工作室数'],
    [cs.youngMembers, 'youngMembers', '青年骨干人数'],
  ];
  for (const [v, key, label] of counts) c.count(v, `${path}.${key}`, label);
  checkList(cs.projectCounties, `${path}.projectCounties`, '项目县', c);
  checkList(cs.trainingTeamDomains, `${path}.trainingTeamDomains`, '培训团队领域', c);
  if (cs.devSchoolsPrimary.value + cs.devSchoolsSecondary.value !== cs.devSchools.value) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.devSchoolsPrimary.ruleId,
      `${path}.devSchoolsPrimary`,
      `教师发展学校小学 ${cs.devSchoolsPrimary.value} 所 + 中学 ${cs.devSchoolsSecondary.value} 所 ≠ 总数 ${cs.devSchools.value} 所`,
    );
  }
  const leaders = cs.studioLeaders.value;
  const leaderSum = leaders.masterTeachers + leaders.masterPrincipals + leaders.masterHeadTeachers;
  if (leaderSum !== cs.studios.value) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.studioLeaders.ruleId,
      `${path}.studioLeaders`,
      `工作室主持人名师 ${leaders.masterTeachers} + 名校长 ${leaders.masterPrincipals} + 名班主任 ${leaders.masterHeadTeachers} = ${leaderSum} 人，与工作室数 ${cs.studios.value} 个不一致`,
    );
  }
  const required =
    cs.devSchools.value * cs.teamMinPerDevSchool.value + cs.studios.value * cs.teamMinPerStudio.value;
  if (required > cs.trainingTeamSize.value) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.teamMinPerDevSchool.ruleId,
      `${path}.trainingTeamSize`,
      `培训团队至少需 ${cs.devSchools.value}×${cs.teamMinPerDevSchool.value} + ${cs.studios.value}×${cs.teamMinPerStudio.value} = ${required} 人，超过团队规模 ${cs.trainingTeamSize.value} 人`,
    );
  }
  const members = type.studios.find((s) => s.value.roles.some((r) => r.trackCode === 'studio_member'));
  const perStudio = members?.value.roles.find((r) => r.trackCode === 'studio_member');
  if (
    perStudio &&
    perStudio.min === perStudio.max &&
    perStudio.max * cs.studios.value !== cs.youngMembers.value
  ) {
    c.add(
      'PACK.COUNTY_SYSTEM',
      cs.youngMembers.ruleId,
      `${path}.youngMembers`,
      `${cs.studios.value} 个工作室 × 每室 ${perStudio.max} 名成员 = ${perStudio.max * cs.studios.value} 人，与青年骨干总数 ${cs.youngMembers.value} 人不一致`,
    );
  }
}
