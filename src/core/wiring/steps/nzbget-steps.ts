// NZBGet's desired state (download paths, categories, permanent login required for every address) as one wiring step: read full config, change, save all, reload.
import { posix } from 'node:path';
import { NZBGET_AUTHORIZED_IP } from '../../stack/nzbget-conf';
import type { NzbgetClient, NzbgetOption } from '../clients/nzbget-client';
import { failedLink, okLink } from '../engine/link-result';
import type { LinkTest, PlannedChange, WiringStep } from '../wiring-types';
import { fixAction } from '../../contract/fix-action';
import { serverDrift, serverOptions, type NzbgetServerDesired } from './nzbget-server';

export interface NzbgetDesired {
  /** Container path of the usenet tree: `/data/usenet` in the stack (a temp dir in tests). */
  mainDir: string;
  /** The Arrs' categories (`nzbgetCategories()`): completed downloads land in `<mainDir>/complete/<name>`. */
  categories: string[];
  username: string;
  password: string;
  /** The one address let in without the password; NZBGET_AUTHORIZED_IP in the stack. Tests whose client itself comes
   * from 127.0.0.1 move it elsewhere, as the seeded-config test does, so the login is still exercised. */
  authorizedIp?: string;
  /** The news server (StackConfig.usenet + the vault's password); absent: Server1 is left as it is. */
  server?: NzbgetServerDesired;
}

const SERVICE = 'nzbget';
const change = (resource: string, action: PlannedChange['action'], reason: string): PlannedChange => ({
  service: SERVICE,
  resource,
  action,
  reason,
});

function desiredPaths(want: NzbgetDesired): Record<string, string> {
  return {
    MainDir: want.mainDir,
    DestDir: posix.join(want.mainDir, 'complete'),
    InterDir: posix.join(want.mainDir, 'incomplete'),
  };
}

/** Substitutes `${Name}` references the way NZBGet does, so `${MainDir}/complete` counts as the same path. */
function resolve(value: string, file: Map<string, string>, depth = 0): string {
  if (depth > 5) return value;
  const out = value.replace(/\$\{([^}]+)\}/g, (_, name: string) => file.get(name) ?? '');
  return out === value ? out : resolve(out, file, depth + 1);
}

/** Category options are indexed (`Category3.Name`); names match case-insensitively, as NZBGet matches them. */
function categoryIndex(options: NzbgetOption[], name: string): number | null {
  for (const o of options) {
    const m = /^Category(\d+)\.Name$/i.exec(o.Name);
    if (m && o.Value.toLowerCase() === name.toLowerCase()) return Number(m[1]);
  }
  return null;
}

function nextCategoryIndex(options: NzbgetOption[]): number {
  let max = 0;
  for (const o of options) max = Math.max(max, Number(/^Category(\d+)\./i.exec(o.Name)?.[1] ?? 0));
  return max + 1;
}

/** Sets one option in a loadconfig list (names match case-insensitively), adding it when the file lacks it. */
export function setNzbgetOption(options: NzbgetOption[], name: string, value: string): void {
  const found = options.find((o) => o.Name.toLowerCase() === name.toLowerCase());
  if (found) found.Value = value;
  else options.push({ Name: name, Value: value });
}

export function nzbgetSteps(client: NzbgetClient, want: NzbgetDesired): WiringStep[] {
  async function plan(): Promise<PlannedChange[]> {
    const login = await client.loggedInWith();
    const [file, running] = [await client.loadConfig(), await client.config()];
    const fileMap = new Map(file.map((o) => [o.Name, o.Value]));
    const runMap = new Map(running.map((o) => [o.Name, o.Value]));
    const wrongInFile = Object.entries(desiredPaths(want)).filter(
      ([k, v]) => resolve(fileMap.get(k) ?? '', fileMap) !== v,
    );
    const wrongRunning = Object.entries(desiredPaths(want)).filter(([k, v]) => runMap.get(k) !== v);
    const changes: PlannedChange[] = [
      wrongInFile.length > 0
        ? change(
            'paths',
            'update',
            wrongInFile
              .map(([k, v]) => `${k} is ${resolve(fileMap.get(k) ?? '', fileMap) || '(unset)'}, should be ${v}`)
              .join('; '),
          )
        : wrongRunning.length > 0
          ? change('paths', 'update', `saved but not loaded (${wrongRunning.map(([k]) => k).join(', ')}): reload`)
          : change('paths', 'nothing', `downloads under ${want.mainDir}`),
    ];
    for (const name of want.categories) {
      const i = categoryIndex(file, name);
      if (i === null) changes.push(change(`category ${name}`, 'create', 'missing'));
      else if (fileMap.get(`Category${i}.Name`) !== name)
        changes.push(
          change(`category ${name}`, 'update', `named ${fileMap.get(`Category${i}.Name`)}, should be ${name}`),
        );
      else changes.push(change(`category ${name}`, 'nothing', `exists as Category${i}`));
    }
    // docs/decisions.md D17: an address listed in AuthorizedIP gets in without any password (nzbget v26.0
    // daemon/remote/WebServer.cpp, WebProcessor::CheckCredentials); behind Docker's forwarding that can be the LAN.
    // Exactly 127.0.0.1 stays: only processes inside the VPN namespace come from there (the published port arrives from
    // the bridge gateway), and the image's healthcheck needs it because it carries no password (compose/nzbget.yml).
    const authorized = (fileMap.get('AuthorizedIP') ?? '').trim();
    changes.push(
      authorized === (want.authorizedIp ?? NZBGET_AUTHORIZED_IP)
        ? change('login for every address', 'nothing', 'only the container itself skips the password')
        : change(
            'login for every address',
            'update',
            authorized
              ? `AuthorizedIP lets ${authorized} in without a password`
              : 'AuthorizedIP is empty: the healthcheck inside the container needs 127.0.0.1',
          ),
    );
    if (want.server) {
      const drift = serverDrift(file, want.server);
      const where = `${want.server.host}:${want.server.port}`;
      changes.push(
        drift.length > 0
          ? change('news server', 'update', `${drift.join(', ')} differ from the news server ${where}`)
          : change('news server', 'nothing', `Server1 is ${where}`),
      );
    }
    changes.push(
      login === 'initial'
        ? change('control login', 'update', 'still the initial password: set the generated one')
        : change('control login', 'nothing', `user ${want.username} with the generated password`),
    );
    return changes;
  }

  const config: WiringStep = {
    id: 'nzbget.config',
    service: SERVICE,
    dependsOn: [],
    plan,
    async apply(changes, progress) {
      const todo = changes.filter((c) => c.action !== 'nothing');
      if (todo.length === 0) return;
      progress({
        operationId: '',
        step: 'nzbget.config',
        current: 0,
        total: 2,
        message: `NZBGet: ${todo.map((c) => `${c.action} ${c.resource}`).join(', ')}`,
      });
      // Always start from the whole file as stored: saveconfig replaces the file with exactly the list it gets.
      const options = (await client.loadConfig()).map((o) => ({ ...o }));
      for (const c of todo) {
        if (c.resource === 'paths')
          for (const [k, v] of Object.entries(desiredPaths(want))) setNzbgetOption(options, k, v);
        else if (c.resource === 'login for every address')
          setNzbgetOption(options, 'AuthorizedIP', want.authorizedIp ?? NZBGET_AUTHORIZED_IP);
        else if (c.resource === 'control login') {
          setNzbgetOption(options, 'ControlUsername', want.username);
          setNzbgetOption(options, 'ControlPassword', want.password);
        } else if (c.resource === 'news server' && want.server) {
          for (const [k, v] of Object.entries(serverOptions(want.server))) setNzbgetOption(options, k, v);
        } else if (c.resource.startsWith('category ')) {
          const name = c.resource.slice('category '.length);
          const i = categoryIndex(options, name) ?? nextCategoryIndex(options);
          setNzbgetOption(options, `Category${i}.Name`, name);
        }
      }
      await client.saveConfig(options);
      progress({
        operationId: '',
        step: 'nzbget.config',
        current: 1,
        total: 2,
        message: 'NZBGet: reloading with the saved config',
      });
      await client.reloadAndWait({ adoptCredential: todo.some((c) => c.resource === 'control login') });
    },
  };
  return [config];
}

/** ups → NZBGet: the stored login is accepted and the RPC answers. */
export function nzbgetLinkTest(client: NzbgetClient): LinkTest {
  const base = { id: 'ups->nzbget', from: 'ups', to: 'nzbget' };
  return {
    ...base,
    async run() {
      try {
        const version = await client.version();
        if ((await client.loggedInWith()) === 'initial')
          return {
            ...base,
            ok: false,
            detail: `NZBGet ${version} still uses its initial password.`,
            fix: 'Repair the links to set the generated password.',
            action: fixAction('wiring.apply'),
          };
        return okLink(base, `NZBGet ${version} accepts the stored login.`);
      } catch (err) {
        return failedLink(base, err);
      }
    },
  };
}
