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
import { createExternalPolicy } from './external-links';

vi.mock('electron', () => ({}));

const hosts = new Set(['app.plex.tv', 'docs.docker.com']);
/** The installed stack publishes Radarr on 7878 and Plex on 32400. */
const policy = createExternalPolicy({ httpsHosts: hosts, webPorts: async () => new Set([7878, 32400]) });
/** The policy answers asynchronously: let it settle before looking at what was opened. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const wc = Object.assign(emitter, { setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h) });
  return { wc, open: (url: string) => openHandler!({ url }) };
}

describe('restrictWebContents', () => {
  it.each(['will-navigate', 'will-attach-webview'])('%s is prevented', (name) => {
    const { wc } = fakeWebContents();
    restrictWebContents(wc as never, vi.fn(), policy);
    const event = { preventDefault: vi.fn() };
    wc.emit(name, event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['https://app.plex.tv/desktop', 'https://app.plex.tv/desktop'],
    ['http://localhost:7878', 'http://localhost:7878/'],
    ['http://127.0.0.1:32400/web', 'http://127.0.0.1:32400/web'],
    ['http://LOCALHOST:7878/movies', 'http://localhost:7878/movies'],
  ])('%s opens in the default browser (as %s); no window is created', async (url, opened) => {
    const { wc, open } = fakeWebContents();
    const openExternal = vi.fn();
    restrictWebContents(wc as never, openExternal, policy);
    expect(open(url)).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(opened);
  });

  it.each([
    'https://evil.example/',
    'http://app.plex.tv/',
    'https://app.plex.tv.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    // http only to this PC, only at a port the stack publishes for an enabled service.
    'http://localhost:8000/',
    'http://localhost/',
    'http://127.0.0.1:9999/',
    'http://192.168.1.10:7878/',
    'http://[::1]:7878/',
    'http://localhost.evil.example:7878/',
    'http://user:pw@localhost:7878/',
    'https://localhost:7878/',
    'ws://localhost:7878/',
  ])('%s is refused and never opened', async (url) => {
    const { wc, open } = fakeWebContents();
    const openExternal = vi.fn();
    restrictWebContents(wc as never, openExternal, policy);
    expect(open(url)).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a failing port lookup opens nothing', async () => {
    const { wc, open } = fakeWebContents();
    const openExternal = vi.fn();
    const broken = createExternalPolicy({ httpsHosts: hosts, webPorts: async () => Promise.reject(new Error('no')) });
    restrictWebContents(wc as never, openExternal, broken);
    open('http://localhost:7878/');
    await settle();
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

  it('grants writing the clipboard only (Copy password), never reading it', () => {
    const s = fakeSession();
    const cb = vi.fn();
    s.permissionRequest!({}, 'clipboard-sanitized-write', cb);
    expect(cb).toHaveBeenCalledWith(true);
    expect(s.permissionCheck!({}, 'clipboard-sanitized-write', 'file://', {})).toBe(true);
  });

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
