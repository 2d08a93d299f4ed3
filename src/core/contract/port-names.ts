// The names of the stack's host ports, without importing stack-config (which reaches fix-action through
// plex-signin: a load-time cycle). port-names.test.ts keeps this list equal to stack-config's defaultPorts keys.
import * as z from 'zod';

export const portNameList = [
  'vpnControl',
  'plex',
  'qbittorrent',
  'nzbget',
  'prowlarr',
  'radarr',
  'sonarr',
  'bazarr',
  'seerr',
  'tdarr',
  'tdarrServer',
  'proxyHttp',
  'proxyHttps',
  'proxyAdmin',
] as const;

export const PortNameSchema = z.enum(portNameList);
