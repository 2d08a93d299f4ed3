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

/** External https links we open in the user's browser: an exact host from the allowlist; everything else is refused. */
export function isAllowedExternal(url: string, allowedHosts: ReadonlySet<string>): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && allowedHosts.has(u.hostname);
  } catch {
    return false;
  }
}

/** Decides whether a link may leave the window for the user's browser; answers the URL to open (normalised) or null. */
export type ExternalPolicy = (url: string) => Promise<string | null>;

export function restrictWebContents(
  wc: WebContents,
  openExternal: (url: string) => void,
  policy: ExternalPolicy,
): void {
  wc.on('will-navigate', (event) => event.preventDefault());
  wc.on('will-attach-webview', (event) => event.preventDefault());
  // The window never opens anything itself; an allowed link goes to the browser once the policy has answered.
  wc.setWindowOpenHandler(({ url }) => {
    void policy(url).then(
      (allowed) => allowed && openExternal(allowed),
      () => undefined,
    );
    return { action: 'deny' };
  });
}

/** Writing (never reading) the clipboard, so "Copy password" works after the user's click (Chromium asks for
 *  `clipboard-sanitized-write` on navigator.clipboard.writeText); every other permission is refused. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function restrictSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_wc, permission) => GRANTED_PERMISSIONS.has(permission));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}
