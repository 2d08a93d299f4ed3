// `update check`: asks the registry (through the engine's distribution endpoint, so the engine's own registry
// settings and credentials apply) for each service's tag digest and compares it with the local image's digests.
// A service on an older tag of the known-versions table is offered the newest known tag instead (known-versions.ts).
import type Docker from 'dockerode';
import type { UpdateCheck } from '../../contract';
import { newerKnownImage } from './known-versions';
import { currentImages } from './service-images';

interface DistributionInfo {
  Descriptor?: { digest?: string };
}

export async function checkUpdates(docker: Docker, project: string, now = () => new Date()): Promise<UpdateCheck> {
  const images = await currentImages(docker, project);
  const services: UpdateCheck['services'] = [];
  for (const [service, { image, imageId }] of Object.entries(images).sort(([a], [b]) => a.localeCompare(b))) {
    const targetImage = newerKnownImage(service, image);
    if (targetImage) {
      services.push({ service, image, currentImageId: imageId, targetImage, updateAvailable: true });
      continue;
    }
    try {
      const remote = (await docker.getImage(image).distribution()) as DistributionInfo;
      const digest = remote.Descriptor?.digest;
      if (!digest) throw new Error('the registry answered without a digest');
      const local = await docker
        .getImage(image)
        .inspect()
        .catch(() => null);
      const localDigests = (local?.RepoDigests ?? []).map((d) => d.slice(d.indexOf('@') + 1));
      // The container may run an older image than the local tag: then the tag's image is the pending update.
      const tagMoved = !!local && local.Id !== imageId;
      const updateAvailable = tagMoved || !localDigests.includes(digest);
      services.push({
        service,
        image,
        currentImageId: imageId,
        availableImageId: tagMoved ? local.Id : undefined,
        updateAvailable,
      });
    } catch (err) {
      services.push({
        service,
        image,
        currentImageId: imageId,
        updateAvailable: false,
        error: `could not ask the registry: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  return { services, checkedAt: now().toISOString() };
}
