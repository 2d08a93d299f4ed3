// Picks the door: Electron's preload sets window.ups; in a browser we build the same API over the bridge.
import type { UpsApi } from '../core/contract';
import { createBridgeApi } from '../bridge/client';

declare global {
  interface Window {
    ups?: UpsApi;
  }
}

export function resolveUpsApi(): UpsApi {
  if (window.ups) return window.ups;
  const api = createBridgeApi('');
  window.ups = api;
  // The token has been traded for a session cookie; keep it out of the address bar and history.
  if (new URL(window.location.href).searchParams.has('token'))
    window.history.replaceState(null, '', window.location.pathname);
  return api;
}
