// Step and link-test factories shared by Radarr, Sonarr and Prowlarr: providers, root folders, Forms login.
import { UpsFailure, type ProgressEvent } from '../../contract';
import type { LinkTest, LinkTestResult, PlannedChange, WiringStep } from '../wiring-types';
import type { ArrClient, ProviderKind } from '../clients/arr-common';
import type { HostConfig } from '../clients/arr-common-schemas';
import {
  buildProvider,
  findProvider,
  mergeProvider,
  providerDrift,
  type DesiredProvider,
} from '../clients/arr-common-providers';
import { HttpFailure } from '../../http/http-json';
import { fixAction } from '../../contract/fix-action';

const kindLabel: Record<ProviderKind, string> = {
  downloadclient: 'download client',
  applications: 'application',
  notification: 'connection',
  indexer: 'indexer',
  indexerproxy: 'indexer proxy',
};

function tell(progress: (p: ProgressEvent) => void, id: string, message: string): void {
  progress({ operationId: 'wiring', step: id, current: 0, total: 1, message });
}

function pending(changes: PlannedChange[]): PlannedChange[] {
  return changes.filter((c) => c.action !== 'nothing');
}

/** One named provider (download client, Prowlarr application) that must exist with the desired values. */
export function providerStep(o: {
  id: string;
  client: ArrClient;
  kind: ProviderKind;
  desired: DesiredProvider;
  dependsOn?: string[];
}): WiringStep {
  const { client, kind, desired } = o;
  const resource = `${kindLabel[kind]} ${desired.name}`;
  const service = client.service.toLowerCase();
  async function plan(): Promise<PlannedChange[]> {
    const existing = findProvider(await client.listProviders(kind), desired.name);
    if (!existing) return [{ service, resource, action: 'create', reason: `${client.service} has no ${resource}.` }];
    const drift = providerDrift(existing, desired);
    if (drift.length === 0) return [{ service, resource, action: 'nothing', reason: 'Matches the desired settings.' }];
    return [{ service, resource, action: 'update', reason: `Differs in: ${drift.join(', ')}.` }];
  }
  return {
    id: o.id,
    service,
    dependsOn: o.dependsOn ?? [],
    plan,
    async apply(changes, progress) {
      if (pending(changes).length === 0) return;
      // Re-read: the write needs the current id and every field, and the service may have moved on since plan.
      const existing = findProvider(await client.listProviders(kind), desired.name);
      if (!existing) {
        const provider = buildProvider(await client.providerTemplates(kind), desired, client.service);
        tell(progress, o.id, `Adding ${resource} to ${client.service}`);
        await client.createProvider(kind, provider);
      } else if (providerDrift(existing, desired).length > 0) {
        tell(progress, o.id, `Updating ${resource} in ${client.service}`);
        await client.updateProvider(kind, mergeProvider(existing, desired, client.service));
      }
    },
  };
}

export function rootFolderStep(o: { id: string; client: ArrClient; path: string }): WiringStep {
  const service = o.client.service.toLowerCase();
  const resource = `root folder ${o.path}`;
  const present = async () => (await o.client.rootFolders()).some((r) => trimSlash(r.path) === trimSlash(o.path));
  return {
    id: o.id,
    service,
    dependsOn: [],
    async plan() {
      return (await present())
        ? [{ service, resource, action: 'nothing', reason: 'Already a root folder.' }]
        : [{ service, resource, action: 'create', reason: `${o.client.service} has no root folder ${o.path}.` }];
    },
    async apply(changes, progress) {
      if (pending(changes).length === 0 || (await present())) return;
      tell(progress, o.id, `Adding ${resource} to ${o.client.service}`);
      await o.client.addRootFolder(o.path);
    },
  };
}

/**
 * Forms login with the generated user; the password is never readable back, so only method, requirement and user are
 * compared. Method and requirement come from the container environment (`*__AUTH__METHOD: Forms`,
 * `*__AUTH__REQUIRED: Enabled` in compose/), which wins over config.xml on every read (Servarr
 * ConfigFileProvider.cs: AuthenticationMethod/AuthenticationRequired return the AuthOptions value when it parses).
 * So with the stack's compose they already read as wanted and this step only creates the user; the PUT still sends
 * them so a container started without those variables gets them in config.xml. If an old environment pins another
 * value, saving cannot change what the service reads: that is one clear error, not an update on every plan.
 */
export function formsAuthStep(o: { id: string; client: ArrClient; username: string; password: string }): WiringStep {
  const service = o.client.service.toLowerCase();
  const resource = 'login (Forms)';
  const settingDrift = (cfg: HostConfig): string[] => {
    const out: string[] = [];
    if (cfg.authenticationMethod !== 'forms') out.push(`method is ${cfg.authenticationMethod ?? 'unset'}`);
    if (cfg.authenticationRequired !== 'enabled') out.push(`required is ${cfg.authenticationRequired ?? 'unset'}`);
    return out;
  };
  async function drift(): Promise<string[]> {
    const cfg = await o.client.hostConfig();
    return [...settingDrift(cfg), ...((cfg.username ?? '') !== o.username ? ['user differs'] : [])];
  }
  return {
    id: o.id,
    service,
    dependsOn: [],
    async plan() {
      const d = await drift();
      return d.length === 0
        ? [
            {
              service,
              resource,
              action: 'nothing',
              reason: 'Forms login with the generated user, required for every address.',
            },
          ]
        : [
            {
              service,
              resource,
              action: 'update',
              reason: `Login must be Forms with the generated user, required for every address (${d.join(', ')}).`,
            },
          ];
    },
    async apply(changes, progress) {
      if (pending(changes).length === 0 || (await drift()).length === 0) return;
      const cfg = await o.client.hostConfig();
      tell(progress, o.id, `Setting the ${o.client.service} login`);
      await o.client.putHostConfig({
        ...cfg,
        authenticationMethod: 'forms',
        authenticationRequired: 'enabled',
        username: o.username,
        password: o.password,
        passwordConfirmation: o.password,
      });
      const still = settingDrift(await o.client.hostConfig());
      if (still.length > 0) {
        const app = o.client.service.toUpperCase();
        throw new UpsFailure({
          code: 'INTERNAL',
          message: `${o.client.service} saved the login but still reads ${still.join(', ')}: its container environment (${app}__AUTH__METHOD / ${app}__AUTH__REQUIRED) overrides the saved setting.`,
          fix: 'Start the stack again from Ultimate Plex Stack so the container gets the current compose.yaml, then repair the links.',
          action: fixAction('stack.up', { services: [o.client.service.toLowerCase()] }),
        });
      }
    },
  };
}

/** Link test through the service's own `…/test` endpoint for the named provider. Never throws. */
export function providerLinkTest(o: {
  id: string;
  from: string;
  to: string;
  client: ArrClient;
  kind: ProviderKind;
  name: string;
}): LinkTest {
  return {
    id: o.id,
    from: o.from,
    to: o.to,
    async run(): Promise<LinkTestResult> {
      const base = { id: o.id, from: o.from, to: o.to };
      try {
        const provider = findProvider(await o.client.listProviders(o.kind), o.name);
        if (!provider) {
          return {
            ...base,
            ok: false,
            detail: `${o.client.service} has no ${kindLabel[o.kind]} "${o.name}".`,
            fix: 'Repair the links to create it.',
            action: fixAction('wiring.apply'),
          };
        }
        const check = await o.client.testProvider(o.kind, provider);
        if (check.ok) return { ...base, ok: true, detail: `${o.client.service} reached ${o.to}.` };
        return {
          ...base,
          ok: false,
          detail: `${o.client.service} cannot use ${o.to}: ${check.messages.join('; ')}`,
          fix: `Check that ${o.to} is running and that the address and credentials in ${o.client.service} match (repairing the links rewrites them).`,
          action: fixAction('wiring.apply'),
        };
      } catch (err) {
        return { ...base, ...failureResult(err) };
      }
    },
  };
}

export function failureResult(err: unknown): Pick<LinkTestResult, 'detail' | 'fix' | 'action'> & { ok: false } {
  if (err instanceof HttpFailure)
    return {
      ok: false,
      detail: err.message,
      fix: err.error.fix ?? 'Try again.',
      ...(err.error.action ? { action: err.error.action } : {}),
    };
  return {
    ok: false,
    detail: err instanceof Error ? err.message : String(err),
    fix: 'Report this as a bug with the log file.',
  };
}

function trimSlash(p: string | null | undefined): string {
  return (p ?? '').replace(/\/+$/, '');
}
