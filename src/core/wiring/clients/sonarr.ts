// Sonarr v4 (/api/v3, the v3 API serves both v3 and v4): the shared Arr client plus Sonarr's own field names.
import { ArrClient, type ArrAccess } from './arr-common';

export const sonarrClient = (access: ArrAccess): ArrClient => new ArrClient('Sonarr', access);

/** Field holding the download category in Sonarr's QBittorrent/Nzbget providers. */
export const SONARR_CATEGORY_FIELD = 'tvCategory';
