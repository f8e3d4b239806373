/**
 * Checks that a policy pack is possible and not self-contradictory before it is saved or published. The checks
 * live beside it: single values and the problem list in pack-problems.ts, project types in
 * pack-validation-project-types.ts, the pack-wide sections in pack-validation-sections.ts.
 */
import { checkCommunityRules } from '../communities/pack-checks';
import { parseIsoDate } from '../dates';
import { checkHourRules } from '../hours/pack-checks';
import { hourRulesOf } from '../hours/rules';
import {
  Collector,
  checkDate,
  checkList,
  checkOffset,
  checkRuleRefs,
  type PackProblem,
  STRUCTURE_RULE,
} from './pack-problems';
import { checkProjectType } from './pack-validation-project-types';
import { checkClassOps, checkCompletion, checkKpiTargets, checkPlanDesign } from './pack-validation-sections';
import type { PolicyPack } from './policy-pack';

export type { PackProblem, PackProblemCode } from './pack-problems';

/** The pack names its title, issuing body and document; a signing date, when recorded, is a date. */
function checkSource(pack: PolicyPack, c: Collector): void {
  const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
  if (blank(pack.title)) c.add('PACK.HEADER', STRUCTURE_RULE, 'title', '政策包名称不能为空');
  const src = pack.source as Partial<PolicyPack['source']> | undefined;
  if (blank(src?.issuer)) c.add('PACK.HEADER', STRUCTURE_RULE, 'source.issuer', '发文单位不能为空');
  if (blank(src?.document)) c.add('PACK.HEADER', STRUCTURE_RULE, 'source.document', '依据文件名称不能为空');
  if (src?.signedOn !== undefined && !parseIsoDate(src.signedOn)) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'source.signedOn', `发文日期"${src.signedOn}"不是有效日期`);
  }
}

/** Every problem that makes the pack impossible or self-contradictory; empty when it can be used. */
export function validatePack(pack: PolicyPack): PackProblem[] {
  const c = new Collector();
  if (pack.id.trim() === '') c.add('PACK.HEADER', STRUCTURE_RULE, 'id', '政策包编号不能为空');
  if (!/^\d{6}$/.test(pack.regionCode)) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'regionCode', `行政区划代码应为 6 位数字，实为"${pack.regionCode}"`);
  }
  if (!Number.isInteger(pack.year) || pack.year < 2000 || pack.year > 2100) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'year', `年度应在 2000～2100 之间，实为 ${pack.year}`);
  }
  if (!Number.isInteger(pack.version) || pack.version < 1) {
    c.add('PACK.HEADER', STRUCTURE_RULE, 'version', `版本号应为正整数，实为 ${pack.version}`);
  }
  checkSource(pack, c);
  checkRuleRefs(pack, '', c);

  const ref = pack.settings.referenceDate.value;
  if (ref.kind === 'fixed' && !parseIsoDate(ref.date)) {
    c.add(
      'PACK.BAD_DATE',
      pack.settings.referenceDate.ruleId,
      'settings.referenceDate',
      `年龄计算日期"${ref.date}"不是有效日期`,
    );
  }

  const d = pack.design;
  checkList(d.compulsoryTopics, 'design.compulsoryTopics', '必修内容', c);
  if (
    !Number.isFinite(d.practicalShareMinPct.value) ||
    d.practicalShareMinPct.value < 0 ||
    d.practicalShareMinPct.value > 100
  ) {
    c.add(
      'PACK.PRACTICAL_SHARE',
      d.practicalShareMinPct.ruleId,
      'design.practicalShareMinPct',
      `实践性课程比例应在 0%～100% 之间，实为 ${d.practicalShareMinPct.value}%`,
    );
  }

  checkPlanDesign(pack, c);

  const dl = pack.deadlines;
  checkDate(dl.applicationDue, 'deadlines.applicationDue', '申报截止日', pack.year, c);
  checkDate(dl.selectionDue, 'deadlines.selectionDue', '学员遴选截止日', pack.year, c);
  checkDate(dl.classDatesDue, 'deadlines.classDatesDue', '开班时间报送截止日', pack.year, c);
  checkOffset(dl.registrationNotice, 'deadlines.registrationNotice', '《报到通知书》报送时间', c);
  checkOffset(dl.timetable, 'deadlines.timetable', '培训课程表报送时间', c);
  checkOffset(dl.finalReports, 'deadlines.finalReports', '绩效自评报告等报送时间', c);
  c.count(dl.bulletinsMin, 'deadlines.bulletinsMin', '《工作简报》期数');

  checkClassOps(pack, c);
  checkCompletion(pack, c);
  checkKpiTargets(pack, c);
  checkHourRules(pack.hours, c);
  checkCommunityRules(pack.communities, c, {
    hours: hourRulesOf(pack),
    studioSubsidyFen: pack.funding.studioSubsidyFen,
  });

  const f = pack.funding;
  c.money(f.centralizedPerPersonDayFen, 'funding.centralizedPerPersonDayFen', '集中培训经费标准（元/人·天）');
  c.money(f.onlinePerPersonHourFen, 'funding.onlinePerPersonHourFen', '网络研修经费标准（元/人·学时）');
  c.money(f.studioSubsidyFen, 'funding.studioSubsidyFen', '工作室补助（元/个）');

  c.count(pack.integrityBan.years, 'integrityBan.years', '诚信限制年限', 1);
  if (pack.integrityBan.kinds.value.length === 0) {
    c.add('PACK.EMPTY_LIST', pack.integrityBan.kinds.ruleId, 'integrityBan.kinds', '诚信限制的记录类型为空');
  }

  if (pack.projectTypes.length === 0) {
    c.add('PACK.NO_PROJECT_TYPES', STRUCTURE_RULE, 'projectTypes', '政策包没有任何项目类型');
  }
  const codes = new Set<string>();
  pack.projectTypes.forEach((type, i) => {
    const path = `projectTypes[${i}]`;
    if (codes.has(type.code)) {
      c.add(
        'PACK.DUPLICATE_PROJECT_CODE',
        type.definedBy.ruleId,
        `${path}.code`,
        `项目类型代码"${type.code}"重复`,
      );
    }
    codes.add(type.code);
    checkProjectType(pack, type, path, c);
  });
  return c.problems;
}
