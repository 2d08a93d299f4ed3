// Which Docker endpoint we talk to (docs/decisions.md D14): DOCKER_HOST if set, else the platform default.
import { createRequire } from 'node:module';
import type Docker from 'dockerode';
import { listContainersVia } from './engine-list';

export interface DockerEndpoint {
  /** Human-readable endpoint, shown in checks and errors. */
  readonly label: string;
  readonly docker: Docker;
  /** The container list without dockerode (one GET); absent on test endpoints, which then use `docker`. */
  listContainers?(opts: { all?: boolean; filters?: Record<string, string[]> }): Promise<Docker.ContainerInfo[]>;
}

export function defaultEndpointLabel(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

/** Parses DOCKER_HOST the way the docker CLI does for the transports we support (unix, npipe, tcp). */
export function dockerOptionsFor(label: string): Docker.DockerOptions {
  const url = label.trim();
  if (url.startsWith('unix://')) return { socketPath: url.slice('unix://'.length) };
  if (url.startsWith('npipe://')) return { socketPath: url.slice('npipe://'.length).replace(/\//g, '\\') };
  if (url.startsWith('tcp://')) {
    const { hostname, port } = new URL(url.replace('tcp://', 'http://'));
    return { host: hostname, port: Number(port || 2375), protocol: 'http' };
  }
  return { socketPath: url };
}

/**
 * dockerode is loaded on the first use of the client, not when the endpoint is made: `ups status` lists containers
 * with one plain GET and never needs it (start-up; bench cli-startup). The stand-in forwards every property to
 * the real client once built, so callers see a Docker object either way.
 */
function lazyDocker(options: Docker.DockerOptions): Docker {
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

export function createDockerEndpoint(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): DockerEndpoint {
  const label = defaultEndpointLabel(env, platform);
  const options = dockerOptionsFor(label);
  const address = options.socketPath
    ? { socketPath: options.socketPath }
    : { host: options.host ?? 'localhost', port: Number(options.port ?? 2375) };
  return { label, docker: lazyDocker(options), listContainers: (opts) => listContainersVia(address, opts) };
}
