export * from './completion';
