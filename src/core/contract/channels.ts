// Transport names shared by the Electron binders and the HTTP bridge.
export const IPC_INVOKE = 'ups:invoke';
export const IPC_PUSH = 'ups:push';

export const BRIDGE_CALL_PREFIX = '/api/call/';
export const BRIDGE_EVENTS_PATH = '/api/events';
/** Browser cookies are not port-scoped: each `ups serve` port gets its own cookie name, so two servers in one
 *  browser keep their sessions apart instead of overwriting each other's token. */
export const bridgeSessionCookie = (port: number): string => `ups_session_${port}`;
/** The page's own id for its event stream (query parameter on BRIDGE_EVENTS_PATH), sent back on every call in
 *  this header so follow-style calls bind to that stream and end when it closes. */
export const BRIDGE_SUBSCRIBER_PARAM = 'subscriber';
export const BRIDGE_SUBSCRIBER_HEADER = 'x-ups-subscriber';
export const BRIDGE_SUBSCRIBER_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
