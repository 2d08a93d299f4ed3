// Transport names shared by the Electron binders and the HTTP bridge.
export const IPC_INVOKE = 'ups:invoke';
export const IPC_PUSH = 'ups:push';

export const BRIDGE_CALL_PREFIX = '/api/call/';
export const BRIDGE_EVENTS_PATH = '/api/events';
export const BRIDGE_SESSION_COOKIE = 'ups_session';
