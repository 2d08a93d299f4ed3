// Reads a request body within a size limit and a deadline, so neither a huge nor a trickling body holds the bridge.
import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export function readBody(req: IncomingMessage, max: number, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      cleanup();
      // The caller answers 408 and closes the socket; the rest of the body is never read.
      reject(new BodyError(408, `The request body did not arrive within ${deadlineMs} ms.`));
    }, deadlineMs);
    // Past the limit we keep draining (and drop) the rest until the deadline, so the client gets our 413 instead of
    // a reset.
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    };
    const onEnd = () => {
      cleanup();
      if (size > max) reject(new BodyError(413, `The request body is larger than ${max} bytes.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
