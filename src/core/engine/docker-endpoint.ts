// Which Docker endpoint we talk to (docs/decisions.md D14), resolved the way the Docker CLI does: an explicit setting,
// then DOCKER_HOST (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), then the current Docker context, then the platform
// default; dockerode and the Compose CLI always receive the same endpoint (see composeEnv).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import type { Agent as HttpsAgent } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { UpsFailure } from '../contract/envelope';
import { currentContextName, dockerConfigDir, readDockerContext } from './docker-context';
import { listContainersVia, type EngineAddress } from './engine-list';
import { checkHostKeyFile, type HostKeyVerdict } from './ssh-known-hosts';

/** The user's explicit choice (the app's own setting), which wins over DOCKER_HOST and the Docker context. */
/** docker-modem also takes an http(s) agent (lib/modem.js `this.agent`), which dockerode's types omit. */
export type ModemOptions = Docker.DockerOptions & { agent?: HttpsAgent };

export interface EngineSetting {
  /** A Docker context by name ("default" = the platform default). */
  context?: string;
  /** An engine URL: unix://, npipe://, tcp:// or ssh://user@host. */
  host?: string;
  /** For a tcp:// host: verify the engine's certificate with the CA in certPath (and present its cert/key). */
  tlsVerify?: boolean;
  certPath?: string;
}

export interface ResolvedEngine {
  /** The engine URL (what DOCKER_HOST would be). */
  host: string;
  /** Where the choice came from, for the checks' wording. */
  source: 'setting' | 'DOCKER_HOST' | 'context' | 'default';
  context?: string;
  /** TLS for tcp://: verify the server (false = encrypted but unverified, DOCKER_TLS) and the folder of its pem files. */
  tls?: { verify: boolean; certDir?: string };
}

export interface DockerEndpoint {
  /** Human-readable endpoint, shown in checks and errors (the context name, if any, and the URL). */
  readonly label: string;
  /** The engine in plain words for the wizard and `ups doctor`: "Docker on this PC", "Docker on nas.lan (TLS)". */
  readonly name: string;
  readonly docker: Docker;
  /** Where the stack's published ports answer from this PC: 127.0.0.1 for a local engine, else the engine's host. */
  readonly serviceHost: string;
  /** True when the engine runs on another machine (tcp:// or ssh:// to a non-loopback host). */
  readonly remote: boolean;
  /** DOCKER_HOST (+ DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH) for the Compose child: the same engine. */
  readonly composeEnv: Record<string, string>;
  /** For an ssh:// engine: the last host key check that refused the server, in plain words (see ssh-known-hosts). */
  hostKeyProblem?(): { message: string; fix: string } | undefined;
  /**
   * Why no engine can be named yet (the profile's engine choice is damaged), else undefined. While it answers, every
   * other member throws that failure: callers that report rather than use the engine (the checks) ask it first.
   */
  problem?(): UpsFailure | undefined;
  /** The container list without dockerode (one GET); absent on test endpoints, which then use `docker`. */
  listContainers?(opts: { all?: boolean; filters?: Record<string, string[]> }): Promise<Docker.ContainerInfo[]>;
}

export function defaultEngineHost(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

/** Kept for callers that only need the URL: the resolved engine's host. */
export function defaultEndpointLabel(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return env.DOCKER_HOST || defaultEngineHost(platform);
}

export interface ResolveOptions {
  setting?: EngineSetting;
  /** The user's home (for ~/.docker); tests pass a temp folder. */
  home?: string;
  /** The OpenSSH known_hosts file that ssh:// engines are checked against; default <home>/.ssh/known_hosts, the file
   *  the user's own `ssh` (and so the Docker and Compose CLIs, which run it) reads. */
  knownHostsFile?: string;
}

/** How an ssh:// connection checks the server's key: against this file, reporting each verdict. */
export interface SshTrust {
  knownHostsFile: string;
  onVerdict?(verdict: HostKeyVerdict): void;
}

function fromContext(
  name: string,
  configDir: string,
  platform: NodeJS.Platform,
  source: ResolvedEngine['source'],
): ResolvedEngine {
  if (name === 'default') return { host: defaultEngineHost(platform), source, context: 'default' };
  const ctx = readDockerContext(configDir, name);
  // The CLI uses TLS for a context only when it stores TLS material or skips verification (cli/context/docker/load.go
  // tlsConfig, v28.2.2).
  const tls =
    ctx.tlsDir || ctx.skipTlsVerify
      ? { verify: !ctx.skipTlsVerify, ...(ctx.tlsDir ? { certDir: ctx.tlsDir } : {}) }
      : undefined;
  return { host: ctx.host, source, context: name, ...(tls ? { tls } : {}) };
}

/**
 * The CLI's order (github.com/docker/cli v28.2.2, cli/command/cli.go resolveContextName): --context, --host,
 * DOCKER_HOST, DOCKER_CONTEXT, config.json currentContext, "default". TLS from the environment as in
 * cli/flags/options.go: DOCKER_TLS_VERIFY non-empty = verify, DOCKER_TLS non-empty = TLS, DOCKER_CERT_PATH else the
 * config dir, files ca.pem / cert.pem / key.pem.
 */
export function resolveEngine(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  opts: ResolveOptions = {},
): ResolvedEngine {
  const configDir = dockerConfigDir(env, opts.home ?? homedir());
  const s = opts.setting;
  if (s?.context) return fromContext(s.context, configDir, platform, 'setting');
  if (s?.host) {
    const tls = s.tlsVerify !== undefined ? { verify: s.tlsVerify, certDir: s.certPath || configDir } : undefined;
    return { host: s.host.trim(), source: 'setting', ...(tls ? { tls } : {}) };
  }
  if (env.DOCKER_HOST) {
    const verify = !!env.DOCKER_TLS_VERIFY;
    const tls = verify || env.DOCKER_TLS ? { verify, certDir: env.DOCKER_CERT_PATH || configDir } : undefined;
    return { host: env.DOCKER_HOST.trim(), source: 'DOCKER_HOST', ...(tls ? { tls } : {}) };
  }
  const name = currentContextName(env, configDir);
  if (name) return fromContext(name, configDir, platform, 'context');
  return { host: defaultEngineHost(platform), source: 'default' };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/i;

/** The host part of a tcp:// or ssh:// URL ("" for unix/npipe). IPv6 stays in brackets, ready for a URL. */
export function engineHostname(host: string): string {
  const m = /^(tcp|ssh|https?):\/\//.exec(host);
  if (!m) return '';
  return new URL(host.replace(/^(tcp|ssh):/, 'http:')).hostname;
}

/** Where published ports answer from this PC: the socket/pipe engines run here (127.0.0.1), the others at their host. */
export function serviceHostFor(host: string): string {
  return engineHostname(host) || '127.0.0.1';
}

/**
 * Whether paths in stack.yml are checked through the engine (one-shot containers) rather than on this PC's disk:
 * for every tcp:// or ssh:// engine, even on loopback, since only the engine knows what its host calls a path.
 */
export function checksThroughEngine(endpoint: Pick<DockerEndpoint, 'composeEnv'>): boolean {
  // Test doubles may carry no composeEnv: they are local engines.
  return /^(tcp|ssh):\/\//.test(endpoint.composeEnv?.DOCKER_HOST ?? '');
}

export function isRemoteEngine(host: string): boolean {
  const h = engineHostname(host);
  return h !== '' && !LOOPBACK.test(h);
}

function readPem(dir: string | undefined, file: string): Buffer | undefined {
  if (!dir) return undefined;
  const p = join(dir, file);
  return existsSync(p) ? readFileSync(p) : undefined;
}

/** dockerode / docker-modem options for the resolved engine (docker-modem 5.0.7 lib/modem.js: socketPath, host/port/
 *  protocol 'http'|'https'|'ssh', ca/cert/key, agent, sshOptions passed to ssh2's connect). */
export function dockerOptionsFor(
  engine: ResolvedEngine | string,
  env: NodeJS.ProcessEnv = {},
  platform: NodeJS.Platform = process.platform,
  trust: SshTrust = { knownHostsFile: join(homedir(), '.ssh', 'known_hosts') },
): ModemOptions {
  const e = typeof engine === 'string' ? { host: engine, source: 'setting' as const } : engine;
  const url = e.host.trim();
  if (url.startsWith('unix://')) return { socketPath: url.slice('unix://'.length) };
  if (url.startsWith('npipe://')) return { socketPath: url.slice('npipe://'.length).replace(/\//g, '\\') };
  if (url.startsWith('tcp://')) {
    const { hostname, port } = new URL(url.replace('tcp://', 'http://'));
    if (!e.tls) return { host: hostname, port: Number(port || 2375), protocol: 'http' };
    const ca = readPem(e.tls.certDir, 'ca.pem');
    const cert = readPem(e.tls.certDir, 'cert.pem');
    const key = readPem(e.tls.certDir, 'key.pem');
    const base: ModemOptions = {
      host: hostname,
      port: Number(port || 2376),
      protocol: 'https',
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
    };
    // Unverified TLS (DOCKER_TLS without _VERIFY, or a context's SkipTLSVerify): docker-modem has no switch for it,
    // so it gets an https agent that still encrypts but accepts any certificate, as the CLI does.
    if (e.tls.verify) return base;
    // Required here, not imported: node:https (and TLS) costs every CLI start-up, and only this case needs it.
    const https = createRequire(import.meta.url)('node:https') as typeof import('node:https');
    return { ...base, agent: new https.Agent({ rejectUnauthorized: false, ca, cert, key }) };
  }
  if (url.startsWith('ssh://')) {
    const u = new URL(url);
    // The key comes from the user's SSH agent (ssh2 `agent`: a socket path, or Windows' OpenSSH agent pipe).
    const agent = env.SSH_AUTH_SOCK || (platform === 'win32' ? '\\\\.\\pipe\\openssh-ssh-agent' : undefined);
    const host = u.hostname;
    const port = Number(u.port || 22);
    // ssh2 accepts any host key unless given a verifier (lib/protocol/kex.js, 1.17.0); with no hostHash it passes
    // the raw key blob (lib/client.js), which is what known_hosts stores.
    const hostVerifier = (key: Buffer): boolean => {
      const verdict = checkHostKeyFile(trust.knownHostsFile, host, port, key);
      trust.onVerdict?.(verdict);
      return verdict.state === 'known';
    };
    return {
      host,
      port,
      protocol: 'ssh',
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      sshOptions: { ...(agent ? { agent } : {}), hostVerifier },
    };
  }
  return { socketPath: url };
}

/** The variables that make the Docker/Compose CLI talk to exactly this engine (DOCKER_HOST wins over any context). */
export function composeEnvFor(engine: ResolvedEngine): Record<string, string> {
  const env: Record<string, string> = { DOCKER_HOST: engine.host };
  if (engine.tls) {
    env[engine.tls.verify ? 'DOCKER_TLS_VERIFY' : 'DOCKER_TLS'] = '1';
    if (engine.tls.certDir) env.DOCKER_CERT_PATH = engine.tls.certDir;
  }
  return env;
}

/** Plain words for where the engine runs and how it is reached (the wizard's location step, `ups doctor`). */
export function engineDisplayName(engine: ResolvedEngine): string {
  const context = engine.context && engine.context !== 'default' ? `, Docker context "${engine.context}"` : '';
  const host = engineHostname(engine.host);
  if (!host) return `Docker on this PC${context ? ` (${context.slice(2)})` : ''}`;
  const here = LOOPBACK.test(host) ? 'this PC, ' : '';
  let how: string;
  if (engine.host.startsWith('ssh://')) {
    const user = new URL(engine.host).username;
    how = user ? `SSH as ${decodeURIComponent(user)}` : 'SSH';
  } else if (engine.tls) how = engine.tls.verify ? 'TLS' : 'TLS, certificate not verified';
  else how = 'unencrypted TCP';
  return `Docker on ${host} (${here}${how}${context})`;
}

export function engineLabel(engine: ResolvedEngine): string {
  return engine.context && engine.context !== 'default' ? `${engine.host} (context ${engine.context})` : engine.host;
}
/**
 * dockerode is loaded on the first use of the client, not when the endpoint is made: `ups status` lists containers
 * with one plain GET and never needs it (start-up; bench cli-startup). The stand-in forwards every property to
 * the real client once built, so callers see a Docker object either way.
 */
function lazyDocker(options: ModemOptions): Docker {
  let real: Docker | undefined;
  const get = (): Docker => {
    if (!real) {
      const DockerClass = createRequire(import.meta.url)('dockerode') as typeof Docker;
      real = new DockerClass(options);
    }
    return real;
  };
  return new Proxy({} as Docker, {
    get(_target, prop) {
      const value = Reflect.get(get(), prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(get()) : value;
    },
    set: (_target, prop, value) => Reflect.set(get(), prop, value),
    has: (_target, prop) => Reflect.has(get(), prop),
  });
}

/** The one-GET container list's address, when the transport allows it (ssh goes through dockerode's ssh2 agent). */
function plainAddress(options: ModemOptions): EngineAddress | undefined {
  if (options.socketPath) return { socketPath: String(options.socketPath) };
  if (options.protocol === 'ssh') return undefined;
  const base = { host: options.host ?? 'localhost', port: Number(options.port ?? 2375) };
  if (options.protocol !== 'https') return base;
  const tls = {
    ...(options.ca ? { ca: options.ca as Buffer } : {}),
    ...(options.cert ? { cert: options.cert as Buffer } : {}),
    ...(options.key ? { key: options.key as Buffer } : {}),
    ...(options.agent ? { agent: options.agent } : {}),
  };
  return { ...base, tls };
}

export function createDockerEndpoint(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  opts: ResolveOptions = {},
): DockerEndpoint {
  const engine = resolveEngine(env, platform, opts);
  let refused: HostKeyVerdict | undefined;
  const trust: SshTrust = {
    knownHostsFile: opts.knownHostsFile ?? join(opts.home ?? homedir(), '.ssh', 'known_hosts'),
    onVerdict: (v) => (refused = v.state === 'known' ? undefined : v),
  };
  const options = dockerOptionsFor(engine, env, platform, trust);
  const address = plainAddress(options);
  return {
    label: engineLabel(engine),
    name: engineDisplayName(engine),
    ...(options.protocol === 'ssh'
      ? { hostKeyProblem: () => (refused ? { message: refused.message ?? '', fix: refused.fix ?? '' } : undefined) }
      : {}),
    docker: lazyDocker(options),
    serviceHost: serviceHostFor(engine.host),
    remote: isRemoteEngine(engine.host),
    // The Compose child's ssh takes its key from the same agent dockerode uses.
    composeEnv: {
      ...composeEnvFor(engine),
      ...(options.protocol === 'ssh' && env.SSH_AUTH_SOCK ? { SSH_AUTH_SOCK: env.SSH_AUTH_SOCK } : {}),
    },
    ...(address ? { listContainers: (o) => listContainersVia(address, o) } : {}),
  };
}
