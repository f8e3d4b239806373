export * from './auth';
export * from './errors';
export * from './imports';
export * from './notifications';
export * from './org';
export * from './people';
export * from './permissions';
export * from './programs';
