// Raw HTTP/1.1 over a loopback socket: sends exactly the bytes a hostile client would (duplicate headers, bad
// escapes, trickled bodies), which Node's own client refuses or normalises. Every wait is bounded.
import http from 'node:http';
import net from 'node:net';

export interface RawReply {
  /** 0 when the server closed without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (within the wait). */
  closed: boolean;
}

/** Sends `head` (request line + headers, CRLF-joined, without the blank line) then `body` parts, `gapMs` apart. */
export function rawRequest(
  port: number,
  head: string[],
  opts: { body?: string[]; gapMs?: number; waitMs?: number } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    let closed = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = () => {
      for (const t of timers) clearTimeout(t);
      socket.destroy();
      resolve(parse(data, closed));
    };
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (data += c));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err),
    );
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.once('connect', () => {
      socket.write(head.length ? `${head.join('\r\n')}\r\n\r\n` : '');
      (opts.body ?? []).forEach((part, i) =>
        timers.push(setTimeout(() => socket.writable && socket.write(part), (i + 1) * (opts.gapMs ?? 0))),
      );
    });
    timers.push(setTimeout(finish, opts.waitMs ?? 5_000));
  });
}

function parse(data: string, closed: boolean): RawReply {
  const end = data.indexOf('\r\n\r\n');
  const headText = end >= 0 ? data.slice(0, end) : data;
  const [statusLine = '', ...lines] = headText.split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let body = end >= 0 ? data.slice(end + 4) : '';
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body, closed };
}

function unchunk(s: string): string {
  let out = '';
  for (;;) {
    const nl = s.indexOf('\r\n');
    const size = parseInt(s.slice(0, nl), 16);
    if (!(size > 0)) return out;
    out += s.slice(nl + 2, nl + 2 + size);
    s = s.slice(nl + 2 + size + 2);
  }
}

/** An authenticated event stream with the given subscriber id; resolves once the bridge said it is connected. */
export function openEventStream(
  port: number,
  headers: Record<string, string>,
  subscriber?: string,
): Promise<{ status: number; data: string[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const path = `/api/events${subscriber === undefined ? '' : `?subscriber=${subscriber}`}`;
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const data: string[] = [];
        const stream = { status: res.statusCode ?? 0, data, close: () => req.destroy() };
        req.setTimeout(0); // connected: an idle stream is normal from here on
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          res.resume();
          return resolve(stream);
        }
        res.on('data', (c: string) => {
          data.push(c);
          if (data.join('').includes(': connected')) resolve(stream);
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.setTimeout(10_000, () => reject(new Error(`event stream ${path} did not connect within 10 s`)));
  });
}
