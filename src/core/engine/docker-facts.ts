// Asks the engine who it is; unreachable is an answer, not an exception.
import type { DockerFacts } from '../contract';
import type { FixAction } from '../contract/fix-action';
import { UpsFailure } from '../contract/envelope';
import type { DockerEndpoint } from './docker-endpoint';

export async function readDockerFacts(
  endpoint: DockerEndpoint,
  timeoutMs?: number,
): Promise<DockerFacts & { error?: string; fix?: string; action?: FixAction }> {
  // No engine can be named (a damaged engine choice): that is the answer, with its fix, and no engine is asked.
  const problem = endpoint.problem?.();
  if (problem)
    return {
      reachable: false,
      endpoint: 'unknown (the engine choice is damaged)',
      error: problem.error.message,
      ...(problem.error.fix ? { fix: problem.error.fix } : {}),
      ...(problem.error.action ? { action: problem.error.action } : {}),
    };
  try {
    const v = await withTimeout(endpoint.docker.version(), timeoutMs ?? endpointTimeoutMs(endpoint));
    return {
      reachable: true,
      endpoint: endpoint.label,
      name: endpoint.name,
      version: v.Version,
      apiVersion: v.ApiVersion,
      osType: v.Os,
    };
  } catch (err) {
    // An ssh:// server refused for its host key: ssh2 only says "Host denied (verification failed)"; say why.
    const hostKey = endpoint.hostKeyProblem?.();
    if (hostKey)
      return {
        reachable: false,
        endpoint: endpoint.label,
        name: endpoint.name,
        error: hostKey.message,
        fix: hostKey.fix,
      };
    return {
      reachable: false,
      endpoint: endpoint.label,
      name: endpoint.name,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/**
 * How long one engine question may take. Over ssh:// every request is a new SSH connection that runs
 * `docker system dial-stdio` on the server (docker-modem 5.0.7 lib/ssh.js makes an ssh2 Client per request), which
 * takes seconds on a slow NAS; a local socket or tcp answers in milliseconds.
 */
export function endpointTimeoutMs(endpoint: Pick<DockerEndpoint, 'composeEnv'>): number {
  return endpoint.composeEnv?.DOCKER_HOST?.startsWith('ssh://') ? 20_000 : 3000;
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
  endpoint: Pick<DockerEndpoint, 'label' | 'hostKeyProblem' | 'problem'>,
  platform: NodeJS.Platform,
  err: unknown,
): UpsFailure {
  // The engine was never asked: which one to ask is not known (a damaged engine choice), and that has its own fix.
  const problem = endpoint.problem?.();
  if (problem) return problem;
  const hostKey = endpoint.hostKeyProblem?.();
  if (hostKey) return new UpsFailure({ code: 'ENGINE_UNREACHABLE', message: hostKey.message, fix: hostKey.fix });
  return new UpsFailure({
    code: 'ENGINE_UNREACHABLE',
    message: `Docker engine at ${endpoint.label} did not answer: ${err instanceof Error ? err.message : String(err)}`,
    fix:
      platform === 'win32'
        ? 'Start Docker Desktop and wait for "Engine running".'
        : 'Start the Docker daemon or set DOCKER_HOST to a running engine.',
  });
}
