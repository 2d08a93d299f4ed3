// The Docker endpoint the composition hands to every use case: the engine from the UPS_DOCKER_* switches, else the
// profile's engine.json, else DOCKER_HOST / the Docker context (docs/decisions.md D14). A damaged engine.json must not
// stop a door from starting, nor be skipped: following DOCKER_HOST instead could show the user a stack that is not
// theirs. So the endpoint is made at composition but resolved on use, and while the choice is damaged every use throws
// its damaged-file failure with the set-aside fix (D30): the calls that need the engine answer with it, the others
// work. While damaged, each use resolves again, so setting the file aside (the app's button, `ups repair set-aside
// engine-choice` from another process, a hand fix) is followed from the next call with no restart. A resolved
// endpoint is kept, as before: a move's new choice is followed after a restart.
import type Docker from 'dockerode';
import type { UpsFailure } from '../contract/envelope';
import type { DockerEndpoint } from '../engine/docker-endpoint';

export type EndpointResolution = { ok: true; endpoint: DockerEndpoint } | { ok: false; error: UpsFailure };

export function chosenEndpoint(resolve: () => EndpointResolution): DockerEndpoint {
  let resolved: DockerEndpoint | undefined;
  const attempt = (): EndpointResolution => {
    if (resolved) return { ok: true, endpoint: resolved };
    const r = resolve();
    if (r.ok) resolved = r.endpoint;
    return r;
  };
  const current = (): DockerEndpoint => {
    const r = attempt();
    if (!r.ok) throw r.error;
    return r.endpoint;
  };
  // One client object for the whole run (the status mirror keeps the one it got at composition): each use of it finds
  // the engine then, so a mirror retrying after a set-aside reaches the engine resolved since.
  const docker = new Proxy({} as Docker, {
    get(_target, prop) {
      const real = current().docker;
      const value = Reflect.get(real, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
    },
    set: (_target, prop, value) => Reflect.set(current().docker, prop, value),
    has: (_target, prop) => Reflect.has(current().docker, prop),
  });
  return {
    get label() {
      return current().label;
    },
    get name() {
      return current().name;
    },
    docker,
    get serviceHost() {
      return current().serviceHost;
    },
    get remote() {
      return current().remote;
    },
    get composeEnv() {
      return current().composeEnv;
    },
    get listContainers() {
      return current().listContainers;
    },
    hostKeyProblem: () => current().hostKeyProblem?.(),
    problem: () => {
      const r = attempt();
      return r.ok ? undefined : r.error;
    },
  };
}
