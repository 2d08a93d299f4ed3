// One HTTP/1.0 GET over a plain socket (the engine's unix socket / named pipe, or tcp:// without TLS): what
// `stack.status` needs from the engine, without node:http, whose client costs a CLI start-up about 10 ms of CPU
// (docs/decisions.md D31). HTTP/1.0 keeps the answer simple to read, by the protocol's own rules (RFC 9112):
// - §6.1: a server MUST NOT send Transfer-Encoding (so no chunked body) in answer to an HTTP/1.0 request;
// - §9.3: without the keep-alive option the server closes the connection after the response, so the body is what
//   arrives until the close, and Content-Length, when sent, must match it (a shorter body is a cut-off answer).
// The Docker engine's API server is Go's net/http: in src/net/http/server.go, (*chunkWriter).writeHeader chunks only
// when the request is at least HTTP/1.1, and otherwise ("HTTP version < 1.1: cannot do chunked transfer encoding")
// sets closeAfterReply and drops Transfer-Encoding; the dev engine (Docker 20.10) answers `HTTP/1.0 200 OK` with a
// Content-Length, then closes. (Read from memory of Go's source, not re-read at a tag; the test below pins the rules.)
import { connect, type NetConnectOpts } from 'node:net';

export interface PlainAnswer {
  status: number;
  body: string;
}

/** The answer's status and body, or an error saying what was wrong with it; network errors pass through as-is. */
export function parseHttp10Answer(raw: Buffer): PlainAnswer {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('the engine closed the connection before the end of its answer headers');
  const [statusLine = '', ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine);
  if (!m) throw new Error(`the engine answered with something other than HTTP: ${statusLine.slice(0, 80)}`);
  const headers = new Map(
    headerLines.map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim()] as const;
    }),
  );
  if (headers.has('transfer-encoding'))
    throw new Error(`the engine sent Transfer-Encoding: ${headers.get('transfer-encoding')} to an HTTP/1.0 request`);
  const body = raw.subarray(end + 4);
  const length = headers.get('content-length');
  if (length !== undefined && Number(length) !== body.length)
    throw new Error(`the engine's answer was cut off (${body.length} of ${length} bytes)`);
  return { status: Number(m[1]), body: body.toString('utf8') };
}

export function http10Get(target: NetConnectOpts, path: string, timeoutMs: number): Promise<PlainAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(target);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    socket.on('connect', () =>
      socket.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\nAccept: application/json\r\n\r\n`),
    );
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      socket.destroy();
      try {
        resolve(parseHttp10Answer(Buffer.concat(chunks)));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}
