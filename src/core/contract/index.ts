// The contract spine: import everything a door or the renderer needs from here.
export * from './envelope';
export * from './progress';
export * from './app-info';
export * from './app-update';
export * from './app-settings';
export * from './env-check';
export * from './stack-status';
export * from './engine';
export * from './calls';
export * from './channels';
export type { UpsApi } from './api';
export * from './stack-config';
export * from './wizard';
export * from './secrets';
export * from './wiring';
export * from './plex-signin';
export * from './migrate';
export * from './location';
