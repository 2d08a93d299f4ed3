// Builds a migration plan: what moves, whether it fits (with margin), how long it should take (measured), whether
// hardlinks work on the target, and what changes in compose.yaml. Refuses with a clear message before any copy.
import { createHash } from 'node:crypto';
import { realpath, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UpsFailure } from '../contract/envelope';
import type { MigrateMode, MigratePlan } from '../contract/migrate';
import { rewriteCompose } from '../stack/compose-rewrite';
import { sameVersion } from './copy-file';
import { testHardlinks } from './hardlink-test';
import { readJournal } from './journal';
import { sampleRate } from './sample-rate';
import { scanTree } from './scan';
import { parseUnc, relUnder } from '../fs/target-path';
import { TDARR_CACHE_FOLDER } from '../stack/data-layout';
import { MARKER } from './target-check';

export interface PlanRequest {
  source: string;
  target: string;
  mode: MigrateMode;
  smb?: { version: string; uid: number; gid: number };
  composeText: string | null;
  /** How compose.yaml spells the source root when it is not the literal path (a generated file: `${STACK_DATA_ROOT}`). */
  composeSourceRoot?: string;
  journalFile: string;
  platform: NodeJS.Platform;
  now?: Date;
}

export const MIN_MARGIN = 256 << 20;
export const marginFor = (bytes: number): number => Math.max(Math.ceil(bytes * 0.02), MIN_MARGIN);

export function planIdFor(source: string, target: string, mode: MigrateMode): string {
  return createHash('sha256')
    .update(`${mode}\n${path.resolve(source)}\n${target}`)
    .digest('hex')
    .slice(0, 16);
}

/** Free space on the target (null when the file system does not report sizes). */
export async function freeSpace(target: string): Promise<number | null> {
  const fsInfo = await statfs(target);
  return Number(fsInfo.blocks) > 0 ? Number(fsInfo.bavail) * Number(fsInfo.bsize) : null;
}

/** The refusal when `bytes` (plus margin) do not fit; null when they do or when space is unknown. */
export async function spaceRefusal(target: string, bytes: number): Promise<UpsFailure | null> {
  const free = await freeSpace(target);
  const margin = marginFor(bytes);
  if (free === null || bytes === 0 || free >= bytes + margin) return null;
  return bad(
    'to',
    `The target ${target} has ${gib(free)} free; the copy needs ${gib(bytes)} plus a safety margin of ${gib(margin)}. Nothing was copied.`,
    'Free space on the share, pick a larger one, or choose "Move media only".',
  );
}

const bad = (field: string, message: string, fix: string) => new UpsFailure({ code: 'BAD_INPUT', message, field, fix });

/**
 * Folders of the data root the rewritten compose mounts but the copy leaves out (scan.ts): Tdarr's transcode cache,
 * when the stack has Tdarr. The copy makes them empty on the target.
 */
export function emptyFoldersFor(plan: Pick<MigratePlan, 'source' | 'composeChanges'>): string[] {
  return plan.composeChanges.some((c) => relUnder(c.from, plan.source) === TDARR_CACHE_FOLDER)
    ? [TDARR_CACHE_FOLDER]
    : [];
}

export async function makePlan(req: PlanRequest): Promise<{ plan: MigratePlan; targetDev: number }> {
  const unc = parseUnc(req.target);
  if (unc && req.platform !== 'win32')
    throw bad(
      'to',
      `${req.target} is a Windows network path; on this system the share must be mounted.`,
      'Mount the share (e.g. under /mnt/nas) and give that folder.',
    );
  const src = await dirOrFail(req.source, 'from', 'Give the folder that holds torrents/, usenet/ and media/.');
  const dst = await dirOrFail(
    req.target,
    'to',
    'Create or mount the target folder first; the migration never creates the share root itself.',
  );
  if (relUnder(dst.real, src.real) !== null || relUnder(src.real, dst.real) !== null) {
    throw bad(
      'to',
      `The target ${req.target} and the source ${req.source} overlap.`,
      'Pick a target folder outside the library (and not containing it).',
    );
  }
  const sub = req.mode === 'media-only' ? 'media' : '';
  if (sub)
    await dirOrFail(
      path.join(req.source, sub),
      'from',
      'Moving media only needs a media/ folder inside the data root.',
    );
  const scan = await scanTree(req.source, sub);
  const id = planIdFor(req.source, req.target, req.mode);
  const { state } = readJournal(req.journalFile);
  let bytesToCopy = scan.bytes;
  if (state.planId === id) {
    for (const e of scan.entries) {
      const rec = e.kind === 'file' ? state.files.get(e.rel) : undefined;
      if (rec && sameVersion({ size: rec.s, mtimeMs: rec.m, ctimeMs: rec.c }, e)) bytesToCopy -= e.size;
    }
  }
  const free = await freeSpace(req.target);
  const spaceKnown = free !== null;
  const freeBytes = free ?? 0;
  const marginBytes = marginFor(bytesToCopy);
  const refusal = await spaceRefusal(req.target, bytesToCopy);
  if (refusal) throw refusal;
  const hardlinks = await testHardlinks(req.target);
  if (/could not write/.test(hardlinks.detail))
    throw bad('to', hardlinks.detail, 'Check the share permissions for this user.');
  await writeFile(path.join(req.target, MARKER), `${id}\n`);
  const largest = scan.entries.filter((e) => e.kind === 'file').sort((a, b) => b.size - a.size)[0];
  const rate = await sampleRate(largest ? path.join(req.source, ...largest.rel.split('/')) : null, req.target);
  const compose =
    req.composeText === null
      ? null
      : rewriteCompose(req.composeText, {
          mode: req.mode,
          sourceRoot: req.composeSourceRoot ?? req.source,
          target: req.target,
          ...(req.smb ? { smb: req.smb } : {}),
        });
  if (compose && req.composeSourceRoot)
    for (const c of compose.changes) c.from = c.from.split(req.composeSourceRoot).join(req.source);
  const warnings: string[] = [];
  if (req.mode === 'media-only')
    warnings.push(
      'Media only: downloads stay local while media is on the NAS, so Radarr and Sonarr will copy each finished download instead of hardlinking it (slower, and uses space twice until the download is removed).',
    );
  if (req.mode === 'everything' && !hardlinks.supported && scan.linkGroups.length > 0)
    warnings.push(
      `${scan.linkGroups.length} hardlinked file(s) will become separate copies on the target, using more space.`,
    );
  if (!spaceKnown)
    warnings.push(
      `The share does not report its free space: make sure it has at least ${gib(bytesToCopy + marginBytes)} free. A full share pauses the copy; nothing is lost.`,
    );
  if (compose === null)
    warnings.push('No compose.yaml was found: only the copy can be done; the stack switch needs an installed stack.');
  const plan: MigratePlan = {
    id,
    createdAt: (req.now ?? new Date()).toISOString(),
    mode: req.mode,
    source: req.source,
    target: req.target,
    targetKind: unc ? 'unc' : 'path',
    files: scan.files,
    bytes: scan.bytes,
    bytesToCopy,
    freeBytes,
    marginBytes,
    fits: true,
    sampleRateBps: rate,
    estimatedSeconds: rate > 0 ? Math.ceil(bytesToCopy / rate) : 0,
    hardlinks,
    hardlinkGroups: scan.linkGroups.length,
    ...(unc ? { smb: { version: '3.0', uid: 1000, gid: 1000, ...req.smb } } : {}),
    composeSummary: compose
      ? req.composeSourceRoot
        ? compose.summary.split(req.composeSourceRoot).join(req.source)
        : compose.summary
      : 'No compose.yaml found: nothing to rewrite.',
    composeChanges: compose?.changes ?? [],
    warnings,
  };
  return { plan, targetDev: dst.dev };
}

async function dirOrFail(p: string, field: string, fix: string): Promise<{ real: string; dev: number }> {
  const st = await stat(p).catch(() => null);
  if (!st?.isDirectory()) throw bad(field, `${p} is not an existing folder.`, fix);
  return { real: await realpath(p), dev: st.dev };
}

export function gib(n: number): string {
  return n >= 1 << 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}
