import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { http10Get, parseHttp10Answer } from './http10-get';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A unix-socket server that records the request and writes `answer` back, then closes (as HTTP/1.0 asks). */
async function serve(answer: string | null): Promise<{ path: string; request: Promise<string> }> {
  const path = join(mkdtempSync(join(tmpdir(), 'ups-t-http10-')), 'engine.sock');
  let got: (r: string) => void = () => undefined;
  const request = new Promise<string>((r) => (got = r));
  const server = createServer((sock) => {
    let req = '';
    sock.on('data', (c: Buffer) => {
      req += c.toString('latin1');
      if (!req.includes('\r\n\r\n')) return;
      got(req);
      if (answer !== null) sock.end(answer);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(path, r));
  return { path, request };
}

describe('HTTP/1.0 GET over a plain socket', () => {
  it('sends an HTTP/1.0 GET and reads the status and body the engine sends until it closes', async () => {
    const { path, request } = await serve(
      'HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]',
    );
    expect(await http10Get({ path }, '/containers/json?all=true', 5_000)).toEqual({ status: 200, body: '[]' });
    expect(await request).toBe(
      'GET /containers/json?all=true HTTP/1.0\r\nHost: docker\r\nAccept: application/json\r\n\r\n',
    );
  });

  it('passes a non-200 status and its body through, for the caller to word', async () => {
    const { path } = await serve('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 9\r\n\r\nboom boom');
    expect(await http10Get({ path }, '/x', 5_000)).toEqual({ status: 500, body: 'boom boom' });
  });

  it('refuses a cut-off body, a chunked answer and something that is not HTTP', () => {
    expect(() => parseHttp10Answer(Buffer.from('HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\n[]'))).toThrow(
      /cut off \(2 of 10 bytes\)/,
    );
    expect(() =>
      parseHttp10Answer(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n')),
    ).toThrow(/Transfer-Encoding: chunked/);
    expect(() => parseHttp10Answer(Buffer.from('SSH-2.0-OpenSSH_9.2\r\n\r\n'))).toThrow(/other than HTTP/);
    expect(() => parseHttp10Answer(Buffer.from('HTTP/1.0 200 OK\r\nContent-Le'))).toThrow(/before the end/);
  });

  it('fails with the socket error when nothing listens, and with a timeout when nothing answers', async () => {
    await expect(http10Get({ path: join(tmpdir(), 'ups-t-http10-none.sock') }, '/x', 5_000)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    const { path } = await serve(null);
    await expect(http10Get({ path }, '/x', 200)).rejects.toThrow(/no answer within 0 s/);
  });
});
