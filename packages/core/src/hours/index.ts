export * from './claims';
export * from './compliance';
export * from './evaluate';
export * from './lines';
export * from './rules';
export * from './types';
export * from './verification';
