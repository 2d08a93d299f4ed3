// Rewrites compose volume sources for the migration: container paths never change (/data stays /data), only the host
// side moves to the target — a bind path, or for a Windows UNC target a CIFS named volume whose credentials are
// `${UPS_NAS_…:?}` interpolations filled from the vault at `up` time (never written to the file).
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { MigrateMode } from '../contract/migrate';
import { envVarFor } from '../contract/secret-names';
import { cifsDevice, normHostPath, parseUnc, relUnder, type UncParts } from '../fs/target-path';
import { TDARR_CACHE_FOLDER } from './data-layout';

export interface ComposeTarget {
  mode: MigrateMode;
  /** The host root the sources start with: a path, or the generator's `${STACK_DATA_ROOT}` interpolation. */
  sourceRoot: string;
  /** Host path the containers should use, or a UNC path (→ CIFS named volume). */
  target: string;
  smb?: { version: string; uid: number; gid: number };
}

export interface ComposeChange {
  service: string;
  containerPath: string;
  from: string;
  to: string;
}

export interface ComposeRewrite {
  text: string;
  changes: ComposeChange[];
  summary: string;
  /** CIFS named volumes defined for a UNC target (without the project prefix). */
  volumes: string[];
}

export const SMB_DEFAULTS = { version: '3.0', uid: 1000, gid: 1000 };

/** Splits a short volume spec `src:dst[:mode]`, keeping a Windows drive colon (`C:\data:/data`) in the source. */
export function splitVolumeSpec(spec: string): { source: string; target: string; mode?: string } | null {
  const drive = /^[A-Za-z]:[\\/]/.test(spec) ? 2 : 0;
  const i = spec.indexOf(':', drive);
  if (i < 0) return null;
  const source = spec.slice(0, i);
  const [target, mode] = spec.slice(i + 1).split(':');
  return target ? { source, target, ...(mode ? { mode } : {}) } : null;
}

const isHostPath = (s: string) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || parseUnc(s) !== null;
const fromRoot = (s: string, root: string) => isHostPath(s) || (root.startsWith('${') && relUnder(s, root) !== null);
const underData = (t: string) => t === '/data' || t.startsWith('/data/');

export function rewriteCompose(text: string, t: ComposeTarget): ComposeRewrite {
  const doc = parseDocument(text);
  const unc = parseUnc(t.target);
  const smb = { ...SMB_DEFAULTS, ...t.smb };
  const changes: ComposeChange[] = [];
  const volumesToDefine = new Map<string, string>();
  const map = (rel: string): string => {
    if (!unc) return rel ? `${normHostPath(t.target)}/${rel}` : normHostPath(t.target);
    const name = `ups_nas_${rel ? rel.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase() : 'data'}`;
    volumesToDefine.set(name, cifsDevice(unc, rel));
    return name;
  };
  const services = doc.get('services');
  if (isMap(services)) {
    for (const pair of services.items) {
      const service = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const vols = isMap(pair.value) ? pair.value.get('volumes') : null;
      if (!isSeq(vols)) continue;
      const extra: string[] = [];
      const targets = new Set<string>();
      vols.items.forEach((item) => {
        const spec = readSpec(item);
        if (!spec) return;
        targets.add(spec.target);
        if (!fromRoot(spec.source, t.sourceRoot)) return;
        const rel = relUnder(spec.source, t.sourceRoot);
        if (rel === null) return;
        // Tdarr's transcode cache (/temp) follows media in both modes: nodes on other PCs reach it on the media share
        // (docs/decisions.md D34). Its content is not copied; the copy only makes the empty folder on the target.
        const cache = rel === TDARR_CACHE_FOLDER;
        if (!cache && !underData(spec.target)) return;
        const moves = cache || t.mode === 'everything' || rel === 'media' || rel.startsWith('media/');
        if (moves) {
          const to = map(rel);
          writeSpec(item, to, !!unc);
          changes.push({ service, containerPath: spec.target, from: spec.source, to });
        } else if (rel === '' && spec.target === '/data') {
          extra.push('/data/media');
        }
      });
      for (const containerPath of extra) {
        if (targets.has(containerPath)) continue;
        const to = map('media');
        vols.add(doc.createNode(`${to}:${containerPath}`));
        changes.push({
          service,
          containerPath,
          from: `${normHostPath(t.sourceRoot)}/media (inside the /data mount)`,
          to,
        });
      }
    }
  }
  for (const [name, device] of volumesToDefine) defineCifsVolume(doc, name, device, unc!, smb);
  return { text: doc.toString(), changes, summary: summarize(t, changes, unc), volumes: [...volumesToDefine.keys()] };
}

function readSpec(item: unknown): { source: string; target: string } | null {
  if (isScalar(item) && typeof item.value === 'string') return splitVolumeSpec(item.value);
  if (isMap(item)) {
    const source = item.get('source');
    const target = item.get('target');
    if (typeof source === 'string' && typeof target === 'string') return { source, target };
  }
  return null;
}

function writeSpec(item: unknown, to: string, named: boolean): void {
  if (isScalar(item) && typeof item.value === 'string') {
    const spec = splitVolumeSpec(item.value)!;
    item.value = `${to}:${spec.target}${spec.mode ? `:${spec.mode}` : ''}`;
  } else if (isMap(item)) {
    item.set('source', to);
    item.set('type', named ? 'volume' : 'bind');
  }
}

function defineCifsVolume(
  doc: Document,
  name: string,
  device: string,
  unc: UncParts,
  smb: { version: string; uid: number; gid: number },
): void {
  const user = `\${${envVarFor('nas.user')}:?the NAS user name comes from the Ultimate Plex Stack vault}`;
  const pass = `\${${envVarFor('nas.password')}:?the NAS password comes from the Ultimate Plex Stack vault}`;
  const o = cifsMountOptions(unc, smb, user, pass);
  doc.setIn(['volumes', name], doc.createNode({ driver: 'local', driver_opts: { type: 'cifs', device, o } }));
}

/**
 * The `o=` option list of a CIFS volume: the stack's volumes get the vault's `${UPS_NAS_…}` interpolations, the app's
 * own one-shot (nas-tdarr-cache.ts) the values themselves, escaped as compose-env-value.ts does; one list for both.
 */
export function cifsMountOptions(
  unc: Pick<UncParts, 'host'>,
  smb: { version: string; uid: number; gid: number },
  user: string,
  password: string,
): string {
  return `addr=${unc.host},username=${user},password=${password},vers=${smb.version},uid=${smb.uid},gid=${smb.gid},file_mode=0664,dir_mode=0775`;
}

function summarize(t: ComposeTarget, changes: ComposeChange[], unc: UncParts | null): string {
  const where = unc
    ? `the network share ${t.target} (mounted by Docker as a CIFS volume, SMB ${t.smb?.version ?? SMB_DEFAULTS.version})`
    : t.target;
  const services = new Set(changes.map((c) => c.service)).size;
  if (changes.length === 0) return `No volume of the compose file comes from ${t.sourceRoot}: nothing would change.`;
  const cache = changes.some((c) => relUnder(c.from, t.sourceRoot) === TDARR_CACHE_FOLDER)
    ? " Tdarr's transcode cache moves with the media as an empty folder (what it holds is not copied)."
    : '';
  if (t.mode === 'everything') {
    return `Move everything under /data: ${changes.length} mount(s) in ${services} service(s) will come from ${where}. Container paths stay the same, so app settings do not change.${cache}`;
  }
  return `Move media only: /data/media will come from ${where} in ${services} service(s); downloads stay on ${t.sourceRoot}. Imports become copies instead of hardlinks. Container paths stay the same.${cache}`;
}
