export * from './analysis';
export * from './csv';
export * from './model';
export * from './parse';
export * from './report';
export * from './stats';
export * from './value-added';
export * from './warning';
