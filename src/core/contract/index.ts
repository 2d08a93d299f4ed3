// The contract spine: import everything a door or the renderer needs from here.
export * from './envelope';
export * from './fix-action';
export * from './progress';
export * from './operation';
export * from './app-info';
export * from './app-update';
export * from './app-settings';
export * from './folders';
export * from './env-check';
export * from './stack-status';
export * from './engine';
export * from './state-files';
export * from './calls';
// Not call-specs.ts: its dynamic imports would split every bundle that imports the index (the renderer's) into a
// chunk per contract file; the App service imports it by path.
export * from './no-input';
export * from './channels';
export type { UpsApi } from './api';
export * from './caller';
export * from './stack-config';
export * from './stack-config-report';
export * from './wizard';
export * from './next-steps';
export * from './secrets';
export * from './wiring';
export * from './plex-signin';
export * from './nordvpn';
export * from './migrate';
export * from './location';
export * from './stack-settings';
export * from './stack-move';
export * from './diagnostics';
export * from './logins';
export * from './host-fix';
export * from './chain';
