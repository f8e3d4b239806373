export * from './eligibility';
export * from './funding';
export * from './henan-2021';
export * from './pack-validation';
export * from './policy-pack';
export * from './preview-grouping';
export * from './quota';
export * from './selection-quality';
