export * from './auth';
export * from './classes';
export * from './errors';
export * from './imports';
export * from './org';
export * from './people';
export * from './permissions';
export * from './programs';
