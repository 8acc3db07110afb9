export * from './wire';
export * from './models';
export * from './commands';
export * from './bridge';
export * from './card-draft';
export * from './study-rules';
