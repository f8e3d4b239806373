export * from './auth';
export * from './classes';
export * from './errors';
// exams and teaching-quality monitoring (issue 4)
export * from './exams';
export * from './imports';
export * from './org';
export * from './people';
export * from './permissions';
// plans (issue 3 items 3 and 9)
export * from './plans';
export * from './programs';
