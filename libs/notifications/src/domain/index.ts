export * from './triggers';
export * from './template';
export * from './signature';
export * from './channels';
