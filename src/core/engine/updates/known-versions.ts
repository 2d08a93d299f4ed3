// Tag moves for `ups update`: a service moves to a newer tag only when both its tag and the newer one are in the
// app's known-versions table (contract/image-versions.ts). A tag the app does not know (user-chosen) is never moved.
import { catalogServices, imageVersions, type CatalogService, type ServiceImage } from '../../contract';
import { splitRef } from './service-images';

const isCatalogService = (s: string): s is CatalogService => (catalogServices as readonly string[]).includes(s);

/** The newest known image for this service when `ref` is an older known tag of the same repository; else null. */
export function newerKnownImage(
  service: string,
  ref: string,
  table: Record<CatalogService, ServiceImage> = imageVersions,
): string | null {
  if (!isCatalogService(service) || ref.includes('@')) return null;
  const entry = table[service];
  const { repo, tag } = splitRef(ref);
  if (repo !== entry.repo) return null;
  const at = entry.known.findIndex((k) => k.tag === tag);
  if (at < 0 || at === entry.known.length - 1) return null;
  return `${entry.repo}:${entry.known[entry.known.length - 1]!.tag}`;
}
