// Radarr/Sonarr steps driven by arr.yml (docs/decisions.md D32): the preset's quality profile, naming and media
// management settings, and the prune steps that remove what the file does not list (only with `prune: true`).
import * as z from 'zod';
import { UpsFailure, type ProgressEvent } from '../../contract';
import { qualityPresets, type QualityPresetName } from '../../contract/arr-config';
import type { ArrClient, ProviderKind } from '../clients/arr-common';
import type { PlannedChange, WiringStep } from '../wiring-types';

type Json = Record<string, unknown>;
const Loose = z.looseObject({});
const LooseList = z.array(z.looseObject({ id: z.number().int() }));

function tell(progress: (p: ProgressEvent) => void, step: string, message: string): void {
  progress({ operationId: 'wiring', step, current: 0, total: 1, message });
}
const pending = (c: PlannedChange[]) => c.some((x) => x.action !== 'nothing');

// ---- quality profile ----

interface QualityItem {
  id?: number;
  name?: string | null;
  quality?: { id: number; name: string } | null;
  items?: QualityItem[];
  allowed: boolean;
}

/** A profile item's name as the services show it: a group by its own name, a single quality by the quality's. */
const itemName = (i: QualityItem) => (i.quality ? i.quality.name : (i.name ?? ''));
/** The cutoff refers to a group's id or a single quality's id (QualityCutoffValidator.cs, Radarr v6.0.3.10276). */
const itemId = (i: QualityItem) => (i.quality ? i.quality.id : (i.id ?? -1));

export function profileDrift(profile: Json, presetName: QualityPresetName): string[] {
  const preset = qualityPresets[presetName];
  const items = (profile.items as QualityItem[] | undefined) ?? [];
  const allowed = items
    .filter((i) => i.allowed)
    .map(itemName)
    .sort();
  const out: string[] = [];
  if (allowed.join('|') !== [...preset.allowed].sort().join('|'))
    out.push(`allowed qualities are ${allowed.join(', ') || 'none'}`);
  const cutoff = items.find((i) => itemId(i) === profile.cutoff);
  if (!cutoff || itemName(cutoff) !== preset.cutoff) out.push(`cutoff is ${cutoff ? itemName(cutoff) : 'unset'}`);
  if (profile.upgradeAllowed !== preset.upgradeAllowed) out.push(`upgrades ${profile.upgradeAllowed ? 'on' : 'off'}`);
  return out;
}

/** The profile with the preset's qualities allowed (a group and its members together) and its cutoff. */
export function applyPreset(profile: Json, presetName: QualityPresetName, service: string): Json {
  const preset = qualityPresets[presetName];
  const items = structuredClone((profile.items as QualityItem[] | undefined) ?? []);
  const known = new Set(items.map(itemName));
  const missing = [...preset.allowed, preset.cutoff].filter((n) => !known.has(n));
  if (missing.length > 0)
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `${service}'s quality list has no ${missing.join(', ')}, which the "${presetName}" preset uses.`,
      fix: `Choose another preset in arr.yml, or check that ${service} is a supported version.`,
    });
  for (const item of items) {
    item.allowed = preset.allowed.includes(itemName(item));
    for (const member of item.items ?? []) member.allowed = item.allowed;
  }
  const cutoff = items.find((i) => itemName(i) === preset.cutoff)!;
  return { ...profile, items, cutoff: itemId(cutoff), upgradeAllowed: preset.upgradeAllowed };
}

export function qualityProfileStep(o: {
  app: 'radarr' | 'sonarr';
  client: ArrClient;
  preset: QualityPresetName;
  name: string;
}): WiringStep {
  const { client } = o;
  const id = `${o.app}.quality-profile`;
  const resource = `quality profile ${o.name}`;
  const find = async () => (await client.getJson(LooseList, 'qualityprofile')).find((p) => p.name === o.name);
  return {
    id,
    service: o.app,
    dependsOn: [],
    async plan() {
      const existing = await find();
      if (!existing)
        return [
          {
            service: o.app,
            resource,
            action: 'create',
            reason: `Preset "${o.preset}": ${client.service} has no such profile.`,
          },
        ];
      const drift = profileDrift(existing, o.preset);
      return [
        drift.length === 0
          ? { service: o.app, resource, action: 'nothing', reason: `Matches the "${o.preset}" preset.` }
          : {
              service: o.app,
              resource,
              action: 'update',
              reason: `Preset "${o.preset}" differs: ${drift.join('; ')}.`,
            },
      ];
    },
    async apply(changes, progress) {
      if (!pending(changes)) return;
      const existing = await find();
      if (existing && profileDrift(existing, o.preset).length === 0) return;
      tell(progress, id, `${existing ? 'Updating' : 'Adding'} the ${o.name} quality profile in ${client.service}`);
      if (existing) {
        const body = applyPreset(existing, o.preset, client.service);
        await client.writeJson(Loose, 'PUT', `qualityprofile/${existing.id}`, body, `save ${resource}`);
      } else {
        // The schema is the service's own default profile (every quality, none allowed): GetDefaultProfile('').
        const template = await client.getJson(Loose, 'qualityprofile/schema');
        const { id: _id, ...body } = applyPreset({ ...template, name: o.name }, o.preset, client.service);
        await client.writeJson(Loose, 'POST', 'qualityprofile', body, `add ${resource}`);
      }
    },
  };
}

// ---- naming / media management ----

export type ConfigResource = 'naming' | 'mediamanagement';
const resourceLabel: Record<ConfigResource, { label: string; fileKey: string }> = {
  naming: { label: 'naming', fileKey: 'naming' },
  mediamanagement: { label: 'media management', fileKey: 'mediaManagement' },
};

/** One config resource (`/config/naming`, `/config/mediamanagement`): the keys arr.yml sets, compared and written. */
export function configResourceStep(o: {
  app: 'radarr' | 'sonarr';
  client: ArrClient;
  resource: ConfigResource;
  desired: Record<string, string | number | boolean>;
}): WiringStep {
  const { client } = o;
  const { label, fileKey } = resourceLabel[o.resource];
  const id = `${o.app}.${o.resource}`;
  const read = () => client.getJson(Loose, `config/${o.resource}`);
  const drift = (current: Json): string[] => {
    const unknown = Object.keys(o.desired).filter((k) => !(k in current));
    if (unknown.length > 0)
      throw new UpsFailure({
        code: 'BAD_INPUT',
        field: `arr.yml ${o.app}.${fileKey}.${unknown[0]}`,
        message: `arr.yml sets ${o.app}.${fileKey}.${unknown.join(', ')}, which ${client.service} does not have.`,
        fix: `Remove it from arr.yml or correct the spelling (${client.service}'s ${label} settings: ${Object.keys(
          current,
        )
          .filter((k) => k !== 'id')
          .join(', ')}).`,
      });
    return Object.entries(o.desired)
      .filter(([k, v]) => current[k] !== v)
      .map(([k]) => k);
  };
  return {
    id,
    service: o.app,
    dependsOn: [],
    async plan() {
      const current = await read();
      const d = drift(current);
      if (d.length === 0) return [{ service: o.app, resource: label, action: 'nothing', reason: 'Matches arr.yml.' }];
      return [
        {
          service: o.app,
          resource: label,
          action: 'update',
          reason: `Differs from arr.yml in: ${d.map((k) => `${k} (now ${JSON.stringify(current[k])})`).join(', ')}.`,
          // Hand drift: each differing value can be kept by writing it into the file instead (arrConfig.adopt).
          keep: d.map((k) => ({ path: [o.app, fileKey, k], value: current[k] as string | number | boolean })),
        },
      ];
    },
    async apply(changes, progress) {
      if (!pending(changes)) return;
      const current = await read();
      if (drift(current).length === 0) return;
      tell(progress, id, `Saving ${client.service}'s ${label} settings`);
      await client.writeJson(
        Loose,
        'PUT',
        `config/${o.resource}/${String(current.id)}`,
        { ...current, ...o.desired },
        `save ${label}`,
      );
    },
  };
}

// ---- prune ----

/** Deletes the providers of one kind whose names arr.yml does not list; only built for a section with `prune: true`. */
export function pruneProvidersStep(o: {
  id: string;
  client: ArrClient;
  kind: ProviderKind;
  label: string;
  keep: string[];
  dependsOn?: string[];
}): WiringStep {
  const service = o.client.service.toLowerCase();
  const keep = new Set(o.keep.map((n) => n.toLowerCase()));
  const extra = async () =>
    (await o.client.listProviders(o.kind)).filter((p) => !keep.has((p.name ?? '').toLowerCase()) && p.id !== undefined);
  return {
    id: o.id,
    service,
    dependsOn: o.dependsOn ?? [],
    async plan() {
      const list = await extra();
      if (list.length === 0)
        return [{ service, resource: `${o.label}s`, action: 'nothing', reason: `Only the ${o.label}s arr.yml lists.` }];
      return list.map((p) => ({
        service,
        resource: `${o.label} ${p.name ?? p.id}`,
        action: 'delete' as const,
        reason: `Not in arr.yml and the section has prune: true.`,
      }));
    },
    async apply(changes, progress) {
      const doomed = new Set(changes.filter((c) => c.action === 'delete').map((c) => c.resource));
      for (const p of await extra()) {
        if (!doomed.has(`${o.label} ${p.name ?? p.id}`)) continue; // only what the confirmed plan listed
        tell(progress, o.id, `Removing ${o.label} ${p.name ?? p.id} from ${o.client.service}`);
        await o.client.deleteProvider(o.kind, p.id!);
      }
    },
  };
}

export function pruneRootFoldersStep(o: { app: 'radarr' | 'sonarr'; client: ArrClient; keep: string[] }): WiringStep {
  const id = `${o.app}.root-folders.prune`;
  const trim = (p: string | null | undefined) => (p ?? '').replace(/\/+$/, '');
  const keep = new Set(o.keep.map(trim));
  const extra = async () => (await o.client.rootFolders()).filter((r) => !keep.has(trim(r.path)) && r.id !== undefined);
  return {
    id,
    service: o.app,
    dependsOn: [`${o.app}.root-folder`],
    async plan() {
      const list = await extra();
      if (list.length === 0)
        return [
          {
            service: o.app,
            resource: 'root folders',
            action: 'nothing',
            reason: 'Only the root folders arr.yml lists.',
          },
        ];
      return list.map((r) => ({
        service: o.app,
        resource: `root folder ${r.path ?? ''}`,
        action: 'delete' as const,
        reason: 'Not in arr.yml and rootFolders has prune: true.',
      }));
    },
    async apply(changes, progress) {
      const doomed = new Set(changes.filter((c) => c.action === 'delete').map((c) => c.resource));
      for (const r of await extra()) {
        if (!doomed.has(`root folder ${r.path ?? ''}`)) continue;
        tell(progress, id, `Removing root folder ${r.path ?? ''} from ${o.client.service}`);
        await o.client.deleteRootFolder(r.id!);
      }
    },
  };
}
