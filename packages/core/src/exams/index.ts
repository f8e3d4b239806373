export * from './analysis';
// reports by audience and monitoring samples
export * from './audience';
export * from './csv';
export * from './model';
export * from './parse';
export * from './release';
export * from './report';
export * from './sampling';
export * from './scores-fast';
export * from './stats';
export * from './value-added';
export * from './warning';
