// Integration suites need real components; when one is missing they fail loudly with the way to get it, never skip.
import Docker from 'dockerode';
import { dockerOptionsFor } from '../../src/core/engine/docker-endpoint';

export async function requireDocker(): Promise<Docker> {
  const host = process.env.DOCKER_HOST;
  if (!host) throw new Error('DOCKER_HOST is not set: run the tests through .ci/run, or start a dockerd and export DOCKER_HOST (see README).');
  const docker = new Docker(dockerOptionsFor(host));
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(`No Docker engine answers at ${host} (${(err as Error).message}): start it as .ci/run does.`);
  }
  const images = await docker.listImages({ filters: { reference: ['ups-standin/service:latest'] } });
  if (images.length === 0) throw new Error('Stand-in image ups-standin/service:latest is missing: run `bash tests/standin/build.sh`.');
  return docker;
}

export function requireSecretService(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('No D-Bus session: run the tests through .ci/run, which starts dbus-run-session with an unlocked gnome-keyring.');
  }
}

export function uniqueProject(topic: string): string {
  return `ups-t-${topic}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Tags the stand-in with each image reference, so an unchanged compose.yaml runs stand-ins under the real names. */
export async function tagStandInAs(docker: Docker, refs: readonly string[]): Promise<void> {
  const standIn = docker.getImage('ups-standin/service:latest');
  for (const ref of refs) {
    const at = ref.lastIndexOf(':');
    await standIn.tag({ repo: ref.slice(0, at), tag: ref.slice(at + 1) });
  }
}
