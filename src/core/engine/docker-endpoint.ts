// Which Docker endpoint we talk to (DESIGN D14): DOCKER_HOST if set, else the platform default.
import Docker from 'dockerode';

export interface DockerEndpoint {
  /** Human-readable endpoint, shown in checks and errors. */
  readonly label: string;
  readonly docker: Docker;
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

export function createDockerEndpoint(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): DockerEndpoint {
  const label = defaultEndpointLabel(env, platform);
  return { label, docker: new Docker(dockerOptionsFor(label)) };
}
