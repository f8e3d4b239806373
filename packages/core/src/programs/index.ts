export * from './eligibility';
export * from './funding';
export * from './henan-2021';
export * from './pack-validation';
export * from './plan-checks';
export * from './policy-pack';
export * from './quota';
