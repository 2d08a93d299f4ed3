// Secure defaults for every window (docs/decisions.md D12): no navigation, no new windows, no permissions.
import type { Session, WebContents } from 'electron';

export const ELECTRON_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const secureWebPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/** External links we open in the user's browser; everything else is refused. */
export function isAllowedExternal(url: string, allowedHosts: ReadonlySet<string>): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && allowedHosts.has(u.hostname);
  } catch {
    return false;
  }
}

export function restrictWebContents(
  wc: WebContents,
  openExternal: (url: string) => void,
  allowedHosts: ReadonlySet<string>,
): void {
  wc.on('will-navigate', (event) => event.preventDefault());
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url, allowedHosts)) openExternal(url);
    return { action: 'deny' };
  });
}

export function restrictSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}
