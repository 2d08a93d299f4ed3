// A real BitTorrent download on loopback for the chain check: a generated sample "film", a single-file .torrent made
// here (BEP 3 metainfo: bencoded info dict with name, length, piece length and SHA-1 piece hashes; no tracker), one
// qbittorrent-nox seeding it and the stack's qbittorrent-nox downloading it. The peers meet through the WebUI API's
// `torrents/addPeers` (qBittorrent WebUI API 4.1 wiki, "Add peers"), not a tracker: with DHT/LSD/PeX off, a direct peer
// is the one route that needs no other server and cannot reach outside loopback.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

type Bencodable = number | string | Buffer | Bencodable[] | { [k: string]: Bencodable };

export function bencode(v: Bencodable): Buffer {
  if (typeof v === 'number') return Buffer.from(`i${Math.trunc(v)}e`);
  if (typeof v === 'string') v = Buffer.from(v);
  if (Buffer.isBuffer(v)) return Buffer.concat([Buffer.from(`${v.length}:`), v]);
  if (Array.isArray(v)) return Buffer.concat([Buffer.from('l'), ...v.map(bencode), Buffer.from('e')]);
  // Dictionary keys sorted as raw byte strings (BEP 3).
  const keys = Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((k) => [bencode(k), bencode(v[k]!)]), Buffer.from('e')]);
}

export interface SampleTorrent {
  metainfo: Buffer;
  /** v1 info-hash (hex), as qBittorrent names the torrent in its API. */
  hash: string;
  fileName: string;
}

/** Writes `size` random bytes to dir/fileName and answers its single-file torrent. */
export async function makeSampleTorrent(dir: string, fileName: string, size = 1 << 20): Promise<SampleTorrent> {
  const data = randomBytes(size);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, fileName), data);
  const pieceLength = 1 << 16;
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length; i += pieceLength)
    pieces.push(
      createHash('sha1')
        .update(data.subarray(i, i + pieceLength))
        .digest(),
    );
  const info = { name: fileName, length: data.length, 'piece length': pieceLength, pieces: Buffer.concat(pieces) };
  const hash = createHash('sha1').update(bencode(info)).digest('hex');
  return { metainfo: bencode({ info, 'created by': 'ups chain test' }), hash, fileName };
}

/** A logged-in qBittorrent WebUI session (cookie SID), for the few calls this test needs. */
export async function qbtSession(baseUrl: string, username: string, password: string) {
  const login = await fetch(`${baseUrl}/api/v2/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', referer: baseUrl },
    body: new URLSearchParams({ username, password }),
  });
  const sid = /SID=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!login.ok || !sid) throw new Error(`qBittorrent login at ${baseUrl} failed (${login.status}).`);
  const headers = { cookie: `SID=${sid}`, referer: baseUrl };
  const post = async (path: string, body: FormData | URLSearchParams) => {
    const res = await fetch(`${baseUrl}/api/v2/${path}`, { method: 'POST', headers, body });
    const text = await res.text();
    if (!res.ok || text.trim() === 'Fails.') throw new Error(`qBittorrent ${path}: ${res.status} ${text}`);
    return text;
  };
  return {
    async add(t: SampleTorrent, savepath: string) {
      const form = new FormData();
      form.append('torrents', new Blob([new Uint8Array(t.metainfo)]), `${t.hash}.torrent`);
      form.append('savepath', savepath);
      form.append('autoTMM', 'false');
      await post('torrents/add', form);
    },
    addPeer: (hash: string, peer: string) =>
      post('torrents/addPeers', new URLSearchParams({ hashes: hash, peers: peer })),
    async progress(hash: string): Promise<{ progress: number; state: string } | null> {
      const res = await fetch(`${baseUrl}/api/v2/torrents/info?hashes=${hash}`, { headers });
      const list = (await res.json()) as { progress: number; state: string }[];
      return list[0] ?? null;
    },
    remove: (hash: string) => post('torrents/delete', new URLSearchParams({ hashes: hash, deleteFiles: 'true' })),
  };
}

export type QbtSession = Awaited<ReturnType<typeof qbtSession>>;

/** Polls until the torrent is complete (progress 1); the peer is (re)offered on each poll until it connects. */
export async function waitComplete(
  s: QbtSession,
  hash: string,
  offerPeer?: () => Promise<unknown>,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await s.progress(hash);
    if (p && p.progress >= 1 && !/checking/i.test(p.state)) return;
    if (Date.now() > deadline) throw new Error(`torrent ${hash} did not complete (${JSON.stringify(p)})`);
    if (offerPeer && p && !/checking/i.test(p.state)) await offerPeer().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
  }
}
