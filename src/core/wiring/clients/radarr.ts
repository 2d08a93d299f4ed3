// Radarr (/api/v3): the shared Arr client plus Radarr's own field names (from Radarr's provider settings classes).
import { ArrClient, type ArrAccess } from './arr-common';

export const radarrClient = (access: ArrAccess): ArrClient => new ArrClient('Radarr', access);

/** Field holding the download category in Radarr's QBittorrent/Nzbget providers. */
export const RADARR_CATEGORY_FIELD = 'movieCategory';
