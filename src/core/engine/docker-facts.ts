// Asks the engine who it is; unreachable is an answer, not an exception.
import { UpsFailure, type DockerFacts } from '../contract';
import type { DockerEndpoint } from './docker-endpoint';

export async function readDockerFacts(
  endpoint: DockerEndpoint,
  timeoutMs = 3000,
): Promise<DockerFacts & { error?: string }> {
  try {
    const v = await withTimeout(endpoint.docker.version(), timeoutMs);
    return { reachable: true, endpoint: endpoint.label, version: v.Version, apiVersion: v.ApiVersion, osType: v.Os };
  } catch (err) {
    return { reachable: false, endpoint: endpoint.label, error: err instanceof Error ? err.message : String(err) };
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The one way every caller says "the engine did not answer", with the platform's fix. */
export function engineUnreachable(
  endpoint: Pick<DockerEndpoint, 'label'>,
  platform: NodeJS.Platform,
  err: unknown,
): UpsFailure {
  return new UpsFailure({
    code: 'ENGINE_UNREACHABLE',
    message: `Docker engine at ${endpoint.label} did not answer: ${err instanceof Error ? err.message : String(err)}`,
    fix:
      platform === 'win32'
        ? 'Start Docker Desktop and wait for "Engine running".'
        : 'Start the Docker daemon or set DOCKER_HOST to a running engine.',
  });
}
