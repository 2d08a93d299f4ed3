// What each service runs right now: the image reference compose gave it and the image ID behind it — the set an
// update records before it changes anything, and what a rollback restores.
import type Docker from 'dockerode';
import { projectContainers } from '../vpn-dependents';

export type ImageSet = Record<string, { image: string; imageId: string }>;

export async function currentImages(docker: Docker, project: string): Promise<ImageSet> {
  const out: ImageSet = {};
  for (const c of await projectContainers(docker, project)) {
    const info = await docker.getContainer(c.id).inspect();
    out[c.service] = { image: info.Config.Image, imageId: info.Image };
  }
  return out;
}

/** `host:5000/a/b:tag` → repo `host:5000/a/b`, tag `tag` (a colon inside the registry host is not a tag). */
export function splitRef(ref: string): { repo: string; tag: string } {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  return colon > slash ? { repo: base.slice(0, colon), tag: base.slice(colon + 1) } : { repo: base, tag: 'latest' };
}

/** Points the reference back at a recorded image ID, so compose recreates from exactly that image. */
export async function retag(docker: Docker, imageId: string, ref: string): Promise<void> {
  const { repo, tag } = splitRef(ref);
  await docker.getImage(imageId).tag({ repo, tag });
}
