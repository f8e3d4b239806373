// the teacher's growth archive (成长档案, R3-T09)
export * from './archive';
export * from './auth';
export * from './classes';
// studios and workshops (工作室, 工作坊)
export * from './communities';
export * from './errors';
// evaluation (评价: rubrics, campaigns, raters, scorecards)
export * from './evaluation';
export * from './evaluation-history';
export * from './evaluation-how';
export * from './evaluation-rubrics';
// annual selections (评优评先) and certificates of honour
export * from './evaluation-selections';
// exams and teaching-quality monitoring
export * from './exams';
// 五育 comprehensive evaluation (CD-24, CD-25)
export * from './five-education';
// the landing page (工作台)
export * from './home';
// 学时申报 (claims with evidence)
export * from './hour-claims';
// the 学时 ledger
export * from './hours';
export * from './hours-compliance';
export * from './hours-external';
export * from './identifiers';
export * from './imports';
export * from './notifications';
export * from './org';
// outcomes and completion
export * from './outcomes';
// 帮扶结对 (pairings: R3-B05, R3-B06, R3-G20)
export * from './pairings';
export * from './people';
export * from './permissions';
// plans
export * from './plans';
export * from './programs';
// ---- KPIs and reports ----
export * from './reports';
// 校本研修 (school-based research)
export * from './school-research';
export * from './settings';
// ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
export * from './shortlists';
// the trainer pool (培训者团队, R3-P*)
export * from './trainers';
// 学校教师培训经费 (R3-B09)
export * from './training-budgets';
// verification codes of issued documents (学时证明, 结业证书)
export * from './verification';
