export * from './class-rules';
