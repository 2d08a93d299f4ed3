// The App service: implements the contract by composing core modules; every door talks to this one object.
import type { z } from 'zod';
import type { Caller, ComposeFacts, Envelope, PushEvent, PushListener } from '../contract';
import { calls, fromZodError, IN_PROCESS_SUBSCRIBER, isChannel, UpsFailure, type CallInput, type CallOutput, type Channel } from '../contract';
import { engineUnreachable, readDockerFacts } from '../engine/docker-facts';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { readStackStatus } from '../engine/stack-status';
import { createEngineHandlers, type EngineOptions } from '../engine/compose/engine-handlers';
import { createStackHandlers } from '../stack/stack-handlers';
import { createStackSettingsHandlers } from '../stack/stack-settings';
import { createLocationHandlers } from '../stack/location-check';
import { createMigrateHandlers } from '../migrate/migrate-handlers';
import type { MigrateDeps } from '../migrate/migrate-service';
import { createMirrorHub } from '../engine/status-mirror-hub';
import { runEnvCheck } from '../probes/env-check';
import { memo, type Probe } from '../probes/probe';
import { probeVault } from '../vault/vault-probe';
import { secretRedactor } from '../log/redactor';
import { deleteSecret, secretsStatus } from '../vault/secrets-service';
import type { SecretVault } from '../vault/secret-vault';
import { createAppSettingsHandlers, type StartAtLoginPort, type UpdateChannelPort } from './app-settings-handlers';
import { createAppUpdateHandlers, type AppUpdatesPort } from './app-update-handlers';
import { createWiringHandlers, type WiringSource } from '../wiring/engine/wiring-handlers';
import { stackWiringSource } from '../wiring/engine/stack-wiring-source';
import { arrSideWiring } from '../wiring/steps/radarr-sonarr-stack-wiring';
import { createPlexSignInHandlers } from '../plex/plex-signin-handlers';
import { installedPlexClientId } from '../plex/plex-client-id';
import { userConfigDir } from './install-pointer';
import { loadWizardProgress, saveWizardProgress } from './wizard-progress';

export interface AppDeps {
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  door: 'electron' | 'cli' | 'browser';
  /** Compose project name; `ups` in production, unique per test run. */
  project: string;
  installRoot(): Promise<string | null>;
  endpoint: DockerEndpoint;
  detectCompose(): Promise<ComposeFacts>;
  vault: SecretVault;
  /** Engine tuning (VPN watch interval, egress URL); defaults suit production. */
  engine?: EngineOptions;
  probes?: Probe[];
  /** NAS migration overrides (state folder, library hooks); defaults come from the install root and engine. */
  migrate?: Partial<MigrateDeps>;
  /** The desktop app's updater (Electron door only); other doors answer app.update.* with NOT_FOUND. */
  appUpdates?: AppUpdatesPort;
  /** "Start with Windows" (Electron door only). */
  startAtLogin?: StartAtLoginPort;
  /** The stored update channel, stable | beta (Electron door only). */
  updateChannel?: UpdateChannelPort;
  /** Builds the service wiring; defaults to stack.yml in the install folder + passwords from the vault. */
  wiring?: WiringSource;
  /** Per-user config dir (wizard progress); defaults to userConfigDir(), which honours UPS_CONFIG_DIR. */
  configDir?: string;
}

/** The caller comes from the door (its live subscriber), never from the payload; most handlers ignore it. */
type Handlers = { [C in Channel]: (input: CallParsedInput<C>, caller: Caller) => Promise<CallOutput<C>> };

type CallParsedInput<C extends Channel> = z.infer<(typeof calls)[C]['input']>;

export interface AppService {
  /** Untrusted entry for doors: validates channel and input, never throws. `caller` names the door's live push
   *  subscriber, if any: follow-style calls bind to it and are refused without it. */
  handle(channel: unknown, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** In-process entry (CLI, tests); the caller defaults to the process itself. */
  call<C extends Channel>(channel: C, input?: CallInput<C>, caller?: Caller): Promise<Envelope<CallOutput<C>>>;
  /** A door's subscriber is gone (stream closed, window destroyed): stops what was bound to it (followed logs).
   *  Settles when those processes have exited. */
  releaseSubscriber(subscriber: string): Promise<void>;
  subscribe(listener: PushListener): () => void;
  /** Core modules publish pushes through this. */
  publish(event: PushEvent): void;
}

export function createAppService(deps: AppDeps): AppService {
  const listeners = new Set<PushListener>();
  const publish = (event: PushEvent) => {
    for (const l of listeners) l(event);
  };
  // Engine (issue 5): the status mirror runs while anyone listens; lifecycle verbs push progress.
  const mirror = createMirrorHub(deps.endpoint.docker, deps.project, publish);
  const engine = createEngineHandlers(deps, publish, mirror);
  const migrate = createMigrateHandlers(deps, publish);
  const stack = createStackHandlers(deps, publish);

  const handlers: Handlers = {
    'app.info': async () => ({
      version: deps.version,
      platform: deps.platform === 'win32' || deps.platform === 'linux' || deps.platform === 'darwin' ? deps.platform : 'other',
      arch: deps.arch,
      door: deps.door,
      installRoot: await deps.installRoot(),
    }),
    'env.check': () =>
      runEnvCheck(
        {
          platform: deps.platform,
          docker: memo(() => readDockerFacts(deps.endpoint)),
          compose: memo(deps.detectCompose),
          vault: memo(() => probeVault(deps.vault)),
        },
        deps.probes,
      ),
    'stack.status': async () => {
      const mirrored = mirror.current();
      if (mirrored) return mirrored;
      try {
        return await readStackStatus(deps.endpoint.docker, deps.project);
      } catch (err) {
        throw engineUnreachable(deps.endpoint, deps.platform, err);
      }
    },
    'secrets.status': () => secretsStatus(deps.vault, deps.platform),
    'secrets.set': async ({ name, value }) => (await deps.vault.set(name, value), { name }),
    'secrets.delete': async ({ name }) => ({ name, deleted: await deleteSecret(deps.vault, name, deps.platform) }),
    'wizard.load': () => loadWizardProgress(deps.configDir ?? userConfigDir()),
    'wizard.save': (progress) => saveWizardProgress(deps.configDir ?? userConfigDir(), progress),
    ...engine.handlers,
    ...migrate.handlers,
    ...stack,
    ...createStackSettingsHandlers({ ...deps, composeEnv: deps.engine?.composeEnv }),
    ...createLocationHandlers(deps),
    ...createAppUpdateHandlers(deps.appUpdates),
    ...createAppSettingsHandlers(deps.startAtLogin, deps.updateChannel),
    ...createWiringHandlers(deps.wiring ?? stackWiringSource({ installRoot: deps.installRoot, vault: deps.vault, more: [arrSideWiring(deps.vault, { plexClientId: (cfg) => installedPlexClientId(deps.configDir ?? userConfigDir(), cfg) })] }), publish).handlers,
    ...createPlexSignInHandlers(deps).handlers,
  };

  async function dispatch<C extends Channel>(channel: C, rawInput: unknown, caller: Caller): Promise<Envelope<CallOutput<C>>> {
    const spec = calls[channel];
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) return { ok: false, error: fromZodError(input.error, 'input') };
    try {
      const value = await handlers[channel](input.data as CallParsedInput<C>, caller);
      // Our own output is checked too: a door must never receive a shape the contract does not promise.
      const out = spec.output.safeParse(value);
      if (!out.success) return { ok: false, error: { code: 'INTERNAL', message: `${channel} produced an invalid answer: ${out.error.issues[0]?.message}` } };
      return { ok: true, value: out.data as CallOutput<C> };
    } catch (err) {
      // Errors leave through every door: whatever produced them, no known secret value goes with them (DESIGN D4).
      if (err instanceof UpsFailure) return { ok: false, error: secretRedactor.redactDeep(err.error) };
      return { ok: false, error: { code: 'INTERNAL', message: secretRedactor.redact(`${channel} failed: ${err instanceof Error ? err.message : String(err)}`), fix: 'Try again; if it persists, run `ups doctor`.' } };
    }
  }

  return {
    handle(channel, input, caller = {}) {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${JSON.stringify(channel)}.`, field: 'channel', fix: `Use one of: ${Object.keys(calls).join(', ')}.` },
        });
      }
      return dispatch(channel, input, caller);
    },
    call: (channel, input, caller = { subscriber: IN_PROCESS_SUBSCRIBER }) => dispatch(channel, input ?? {}, caller),
    releaseSubscriber: async (subscriber) => void (await engine.follows.release(subscriber)),
    subscribe(listener) {
      listeners.add(listener);
      mirror.subscribersChanged(listeners.size);
      return () => {
        const removed = listeners.delete(listener);
        mirror.subscribersChanged(listeners.size);
        return removed;
      };
    },
    publish,
  };
}
