// Which vault entries are set (names only, never values): the VPN, Plex and review steps read it.
import type { SecretsStatus } from '../../core/contract';
import { useCall, type CallView } from '../use-call';

export type SecretsView = CallView<SecretsStatus>;

export const useSecretsStatus = (): [SecretsView, () => Promise<void>] => useCall('secrets.status');

export const isSet = (view: SecretsView, name: string): boolean =>
  view.phase === 'ready' && view.status.entries.some((e) => e.name === name && e.set);
