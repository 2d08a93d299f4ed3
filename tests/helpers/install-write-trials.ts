// The configs of the kill -9 trials (tests/integration/install-write-kill9.test.ts): shared by the test and the child
// process it kills, so both know which file sets are "a generation".
import { join } from 'node:path';
import type { StackConfigInput } from '../../src/core/contract';
import { sampleConfigInput } from '../../src/core/stack/sample-config';

export type TrialMode = 'install' | 'settings';
export const TRIAL_ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'] as const;

/** Install: two roots in turn (the pointer moves every time) with a new zone per visit; settings: one root, zone. */
export function trialConfig(mode: TrialMode, base: string, i: number): StackConfigInput {
  const root = mode === 'install' && i % 2 === 1 ? 'r2' : 'r1';
  const zone = TRIAL_ZONES[(mode === 'install' ? Math.floor(i / 2) : i) % TRIAL_ZONES.length]!;
  return sampleConfigInput({
    installRoot: join(base, root),
    dataRoot: join(base, 'media'),
    timeZone: zone,
    services: { qbittorrent: true, nzbget: false },
    keepBackups: 4,
  });
}

/** The VPN credentials the sample config needs, in memory: no keyring in the child. */
export function memoryVault(): {
  get(n: string): Promise<string | null>;
  set(n: string, v: string): Promise<void>;
  delete(n: string): Promise<boolean>;
} {
  const m = new Map<string, string>([
    ['vpn.openvpn.user', 'trial-user'],
    ['vpn.openvpn.password', 'trial-password'],
  ]);
  return {
    get: async (n) => m.get(n) ?? null,
    set: async (n, v) => void m.set(n, v),
    delete: async (n) => m.delete(n),
  };
}
