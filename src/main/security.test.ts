// Security handlers (docs/decisions.md D12) with electron's objects faked at the edge: navigation, new windows, permissions, CSP.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  ELECTRON_CSP,
  isAllowedExternal,
  restrictSession,
  restrictWebContents,
  secureWebPreferences,
} from './security';

vi.mock('electron', () => ({}));

const hosts = new Set(['app.plex.tv', 'docs.docker.com']);

function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const wc = Object.assign(emitter, { setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h) });
  return { wc, open: (url: string) => openHandler!({ url }) };
}

describe('restrictWebContents', () => {
  it.each(['will-navigate', 'will-attach-webview'])('%s is prevented', (name) => {
    const { wc } = fakeWebContents();
    restrictWebContents(wc as never, vi.fn(), hosts);
    const event = { preventDefault: vi.fn() };
    wc.emit(name, event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('an allowlisted external https link opens in the default browser; no window is created', () => {
    const { wc, open } = fakeWebContents();
    const openExternal = vi.fn();
    restrictWebContents(wc as never, openExternal, hosts);
    expect(open('https://app.plex.tv/desktop')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://app.plex.tv/desktop');
  });

  it.each([
    'https://evil.example/',
    'http://app.plex.tv/',
    'https://app.plex.tv.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('%s is refused and never opened', (url) => {
    const { wc, open } = fakeWebContents();
    const openExternal = vi.fn();
    restrictWebContents(wc as never, openExternal, hosts);
    expect(open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('isAllowedExternal', () => {
  it('needs https and an exact host', () => {
    expect(isAllowedExternal('https://docs.docker.com/desktop/', hosts)).toBe(true);
    expect(isAllowedExternal('https://sub.docs.docker.com/', hosts)).toBe(false);
  });
});

describe('restrictSession', () => {
  function fakeSession() {
    const s = {
      permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
      permissionCheck: undefined as undefined | ((...a: unknown[]) => boolean),
      headers: undefined as
        undefined | ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    };
    const session = {
      setPermissionRequestHandler: (h: typeof s.permissionRequest) => void (s.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof s.permissionCheck) => void (s.permissionCheck = h),
      webRequest: { onHeadersReceived: (h: typeof s.headers) => void (s.headers = h) },
    };
    restrictSession(session as never);
    return s;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies the %s permission request and check',
    (permission) => {
      const s = fakeSession();
      const cb = vi.fn();
      s.permissionRequest!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.permissionCheck!({}, permission, 'file://', {})).toBe(false);
    },
  );

  it('sets the CSP header on every response and keeps the others', () => {
    const s = fakeSession();
    const cb = vi.fn();
    s.headers!({ responseHeaders: { 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [ELECTRON_CSP] },
    });
    expect(ELECTRON_CSP).toContain("default-src 'self'");
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).not.toContain('unsafe-eval');
  });
});

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and never integrates node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});
