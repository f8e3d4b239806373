export * from './auth';
export * from './classes';
export * from './errors';
// exams and teaching-quality monitoring (issue 4)
export * from './exams';
export * from './identifiers';
export * from './imports';
export * from './notifications';
export * from './org';
// outcomes and completion (issue 3, item 7)
export * from './outcomes';
export * from './people';
export * from './permissions';
// plans (issue 3 items 3 and 9)
export * from './plans';
export * from './programs';
// ---- kpiweb: KPIs and reports (issue 3 item 10) ----
export * from './reports';
// ---- shortlist: the provider's selection from a competitive shortlist (R-004-59) ----
export * from './shortlists';
