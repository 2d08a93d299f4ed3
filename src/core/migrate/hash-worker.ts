// SHA-256 on a worker thread: the copy's verification pass hands each source chunk over (transferred, not copied)
// and gets the buffer back once hashed, so the hashing of one file runs on another core beside the reads and
// compares of the others instead of serialising every stream on the main thread (docs/decisions.md D33).
import { Worker } from 'node:worker_threads';

// Inline (eval) so it runs the same from the Electron main bundle, the CLI bundle, the bench bundle and vitest,
// without a separate file for each bundler to emit. Messages are handled in order, so a digest follows its updates.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) hashes.set(m.id, (h = createHash('sha256')));
    h.update(new Uint8Array(m.ab, 0, m.len));
    parentPort.postMessage({ op: 'back', id: m.id, ab: m.ab }, [m.ab]);
  } else if (m.op === 'digest') {
    const h = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ op: 'digest', id: m.id, hex: h.digest('hex') });
  } else if (m.op === 'drop') hashes.delete(m.id);
});
`;

type Reply = { op: 'back'; id: number; ab: ArrayBuffer } | { op: 'digest'; id: number; hex: string };

interface Pending {
  back(ab: ArrayBuffer): void;
  digest(hex: string): void;
  fail(err: Error): void;
}

let worker: Worker | undefined;
let nextId = 1;
const sessions = new Map<number, Pending>();

function theWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', (m: Reply) => {
    const s = sessions.get(m.id);
    if (!s) return;
    if (m.op === 'back') s.back(m.ab);
    else s.digest(m.hex);
  });
  const lost = (err: Error) => {
    worker = undefined;
    for (const s of sessions.values()) s.fail(err);
    sessions.clear();
  };
  w.on('error', lost);
  w.on('exit', (code) => lost(new Error(`the hashing thread stopped (exit code ${code})`)));
  // Kept alive only while a session is open: an idle worker must not hold the process (CLI, tests) open.
  w.unref();
  worker = w;
  return w;
}

/** One file's running hash; `buffer()` hands out chunk buffers that `update` gives to the worker and it gives back. */
export class HashSession {
  private readonly id = nextId++;
  private readonly free: Buffer[];
  private readonly waiting: ((b: Buffer) => void)[] = [];
  private result?: { resolve(hex: string): void; reject(err: Error): void };
  private failure?: Error;
  private readonly w: Worker;

  constructor(chunk: number, buffers = 3) {
    // allocUnsafeSlow: each buffer owns its ArrayBuffer from offset 0, so it can be transferred whole.
    this.free = Array.from({ length: buffers }, () => Buffer.allocUnsafeSlow(chunk));
    this.w = theWorker();
    if (sessions.size === 0) this.w.ref();
    sessions.set(this.id, {
      back: (ab) => this.give(Buffer.from(ab)),
      digest: (hex) => this.result?.resolve(hex),
      fail: (err) => {
        this.failure = err;
        this.result?.reject(err);
      },
    });
  }

  /** A free buffer, once one is back from the worker. */
  buffer(): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const b = this.free.pop();
    return b ? Promise.resolve(b) : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Returns a buffer unused (the end of the file was read into it). */
  give(b: Buffer): void {
    const next = this.waiting.shift();
    if (next) next(b);
    else this.free.push(b);
  }

  /** Hashes the first `len` bytes of `b`; `b` is the worker's until it comes back through buffer(). */
  update(b: Buffer, len: number): void {
    if (this.failure) throw this.failure;
    this.w.postMessage({ op: 'update', id: this.id, ab: b.buffer, len }, [b.buffer as ArrayBuffer]);
  }

  async digest(): Promise<string> {
    if (this.failure) throw this.failure;
    const hex = new Promise<string>((resolve, reject) => (this.result = { resolve, reject }));
    this.w.postMessage({ op: 'digest', id: this.id });
    try {
      return await hex;
    } finally {
      this.end();
    }
  }

  /** Ends the session without a digest (a stop or a mismatch). */
  close(): void {
    if (!sessions.has(this.id)) return;
    this.w.postMessage({ op: 'drop', id: this.id });
    this.end();
  }

  private end(): void {
    sessions.delete(this.id);
    if (sessions.size === 0) this.w.unref();
  }
}
