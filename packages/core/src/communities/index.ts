export * from './activities';
export * from './composition';
export * from './pack-checks';
export * from './priorities';
export * from './rules';
export * from './school-based';
export * from './trainers';
export * from './types';
