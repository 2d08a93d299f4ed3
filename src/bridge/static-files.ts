// Serves the built renderer from one folder, refusing anything that escapes it.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const BROWSER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** `pathname` is already percent-decoded by the server (which answers 400 to a malformed escape); HEAD gets the
 *  same headers as GET and no body. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, head = false): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': BROWSER_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-length': body.length,
    });
    res.end(head ? undefined : body);
  } catch {
    res
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`Not found: ${pathname}. Was the renderer built (npm run build)?`);
  }
}
