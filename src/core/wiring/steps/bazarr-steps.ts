// Bazarr's desired state: connected to Sonarr and Radarr by their container addresses and API keys; link tests read
// Bazarr's own status, which names each service's version only when Bazarr reached it.
import type { LinkTest, PlannedChange, WiringStep } from '../wiring-types';
import { sameSetting, type BazarrClient } from '../clients/bazarr';
import { failureResult } from './radarr-sonarr-common';
import { fixAction } from '../../contract/fix-action';

export interface BazarrTarget {
  ip: string;
  port: number;
  apiKey: string;
}

export interface BazarrWiringInput {
  bazarr: BazarrClient;
  sonarr: BazarrTarget;
  radarr: BazarrTarget;
}

type App = 'sonarr' | 'radarr';

/**
 * Bazarr's status names the version it fetched from the service: '' when the service is off, the text `unknown` when
 * the call failed (unreachable, wrong key: bazarr/sonarr/info.py and bazarr/radarr/info.py at v1.5.2). Only a real
 * version number proves the link.
 */
export function reachedVersion(version: string): boolean {
  const v = version.trim();
  return v !== '' && v.toLowerCase() !== 'unknown';
}

function desiredFor(app: App, t: BazarrTarget): { general: Record<string, string>; section: Record<string, string> } {
  return {
    general: { [`use_${app}`]: 'true' },
    section: { ip: t.ip, port: String(t.port), base_url: '/', ssl: 'false', apikey: t.apiKey },
  };
}

export function bazarrWiring(input: BazarrWiringInput): { steps: WiringStep[]; links: LinkTest[] } {
  const { bazarr } = input;
  const step = (app: App): WiringStep => {
    const want = desiredFor(app, input[app]);
    const name = app === 'sonarr' ? 'Sonarr' : 'Radarr';
    async function drift(): Promise<{ general: Record<string, string>; section: Record<string, string> }> {
      const s = await bazarr.settings();
      const pick = (cur: Record<string, unknown>, want: Record<string, string>) =>
        Object.fromEntries(Object.entries(want).filter(([k, v]) => !sameSetting(cur[k], v)));
      return { general: pick(s.general, want.general), section: pick(s[app], want.section) };
    }
    return {
      id: `bazarr.${app}`,
      service: 'bazarr',
      dependsOn: [`${app}.root-folder`],
      async plan(): Promise<PlannedChange[]> {
        const d = await drift();
        const keys = [...Object.keys(d.general), ...Object.keys(d.section)];
        return keys.length === 0
          ? [
              {
                service: 'bazarr',
                resource: `${name} connection`,
                action: 'nothing',
                reason: `Uses ${name} at ${input[app].ip}:${input[app].port}.`,
              },
            ]
          : [
              {
                service: 'bazarr',
                resource: `${name} connection`,
                action: 'update',
                reason: `Differs in: ${keys.join(', ')}.`,
              },
            ];
      },
      async apply(changes, progress) {
        if (!changes.some((c) => c.action !== 'nothing')) return;
        const d = await drift();
        if (Object.keys(d.general).length + Object.keys(d.section).length === 0) return;
        progress({
          operationId: 'wiring',
          step: `bazarr.${app}`,
          current: 0,
          total: 1,
          message: `Connecting Bazarr to ${name}`,
        });
        // One form post, so Bazarr never holds "enabled" without the address and key that go with it.
        await bazarr.save({ general: d.general, [app]: d.section });
      },
    };
  };
  const link = (app: App): LinkTest => {
    const base = { id: `bazarr->${app}`, from: 'bazarr', to: app };
    return {
      ...base,
      async run() {
        try {
          const status = await bazarr.status();
          const version = (app === 'sonarr' ? status.sonarr_version : status.radarr_version) ?? '';
          if (reachedVersion(version)) return { ...base, ok: true, detail: `Bazarr reached ${app} ${version}.` };
          return {
            ...base,
            ok: false,
            detail: `Bazarr cannot reach ${app} with its stored address and API key.`,
            fix: `Check that ${app} is running, then repair the links to rewrite Bazarr's ${app} settings.`,
            action: fixAction('wiring.apply'),
          };
        } catch (err) {
          return { ...base, ...failureResult(err) };
        }
      },
    };
  };
  return { steps: [step('sonarr'), step('radarr')], links: [link('sonarr'), link('radarr')] };
}
