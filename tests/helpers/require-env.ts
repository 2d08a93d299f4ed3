// Integration suites need real components; when one is missing they fail loudly with the way to get it, never skip.
import { readFileSync } from 'node:fs';
import Docker from 'dockerode';
import { dockerOptionsFor } from '../../src/core/engine/docker-endpoint';

export async function requireDocker(): Promise<Docker> {
  const host = process.env.DOCKER_HOST;
  if (!host)
    throw new Error(
      'DOCKER_HOST is not set: run the tests through .ci/run, or start a dockerd and export DOCKER_HOST (see README).',
    );
  const docker = new Docker(dockerOptionsFor(host));
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(`No Docker engine answers at ${host} (${(err as Error).message}): start it as .ci/run does.`);
  }
  const images = await docker.listImages({ filters: { reference: ['ups-standin/service:latest'] } });
  if (images.length === 0)
    throw new Error('Stand-in image ups-standin/service:latest is missing: run `bash tests/standin/build.sh`.');
  const variants = await docker.listImages({ filters: { reference: ['ups-standin/service:nzbget'] } });
  if (variants.length === 0)
    throw new Error(
      'The per-image stand-ins (ups-standin/service:<service>) are missing: run `bash tests/standin/build.sh`.',
    );
  return docker;
}

export function requireSecretService(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session: run the tests through .ci/run, which starts dbus-run-session with an unlocked gnome-keyring.',
    );
  }
}

export function uniqueProject(topic: string): string {
  return `ups-t-${topic}-${Math.random().toString(36).slice(2, 8)}`;
}

interface StandinTools {
  variants: Record<string, { image: string; tools: string[] }>;
}
const standinTools = JSON.parse(
  readFileSync(new URL('../standin/tools.json', import.meta.url), 'utf8'),
) as StandinTools;

/** The stand-in variant with exactly the tools of the image `ref` names (tests/standin/tools.json); else the generic one. */
export function standInFor(ref: string): string {
  const repo = ref.slice(0, ref.lastIndexOf(':'));
  const variant = Object.entries(standinTools.variants).find(([, v]) => v.image === repo)?.[0];
  return `ups-standin/service:${variant ?? 'latest'}`;
}

/** Tags the right stand-in with each image reference, so an unchanged compose.yaml runs stand-ins under the real names. */
export async function tagStandInAs(docker: Docker, refs: readonly string[]): Promise<void> {
  for (const ref of refs) {
    const at = ref.lastIndexOf(':');
    await docker.getImage(standInFor(ref)).tag({ repo: ref.slice(0, at), tag: ref.slice(at + 1) });
  }
}
