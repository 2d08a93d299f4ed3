// Bazarr's subtitles from arr.yml: the languages enabled, one languages profile used as the default for series and
// movies, and the subtitle providers. Keys and form fields from Bazarr v1.5.2: bazarr/api/system/settings.py (POST:
// `languages-enabled` list, `languages-profiles` JSON that REPLACES the whole profile table, then save_settings),
// bazarr/app/config.py (general.enabled_providers is a list key; serie/movie_default_enabled/_profile).
import type { ArrConfig } from '../../contract/arr-config';
import type { BazarrClient, LanguageProfile } from '../clients/bazarr';
import type { PlannedChange, WiringStep } from '../wiring-types';

type Want = ArrConfig['bazarr'];

interface State {
  enabledLanguages: string[];
  profiles: LanguageProfile[];
  profile?: LanguageProfile;
  general: Record<string, unknown>;
  providers: string[];
}

async function read(bazarr: BazarrClient, want: Want): Promise<State> {
  const [settings, languages, profiles] = await Promise.all([
    bazarr.settings(),
    bazarr.languages(),
    bazarr.languageProfiles(),
  ]);
  const providers = Array.isArray(settings.general.enabled_providers)
    ? settings.general.enabled_providers.map(String)
    : [];
  return {
    enabledLanguages: languages.filter((l) => l.enabled).map((l) => l.code2),
    profiles,
    profile: profiles.find((p) => p.name === want.profileName),
    general: settings.general,
    providers,
  };
}

function providersWanted(want: Want, s: State): string[] {
  if (want.providers.prune) return [...want.providers.items];
  return [...s.providers, ...want.providers.items.filter((p) => !s.providers.includes(p))];
}

function drift(want: Want, s: State): string[] {
  const out: string[] = [];
  const missingLangs = want.languages.filter((l) => !s.enabledLanguages.includes(l));
  if (missingLangs.length) out.push(`languages ${missingLangs.join(', ')} not enabled`);
  if (!s.profile) out.push(`no languages profile "${want.profileName}"`);
  else if (s.profile.items.map((i) => i.language).join(',') !== want.languages.join(','))
    out.push(
      `profile "${want.profileName}" has ${s.profile.items.map((i) => i.language).join(', ') || 'no languages'}`,
    );
  for (const kind of ['serie', 'movie'] as const) {
    if (String(s.general[`${kind}_default_enabled`]) !== 'true')
      out.push(`${kind === 'serie' ? 'series' : 'movies'} default profile off`);
    else if (s.profile && String(s.general[`${kind}_default_profile`]) !== String(s.profile.profileId))
      out.push(`${kind === 'serie' ? 'series' : 'movies'} default profile is another one`);
  }
  const wanted = providersWanted(want, s);
  if ([...wanted].sort().join(',') !== [...s.providers].sort().join(','))
    out.push(`providers are ${s.providers.join(', ') || 'none'}`);
  return out;
}

export function bazarrSubtitlesStep(bazarr: BazarrClient, want: Want): WiringStep {
  const resource = 'subtitle languages and providers';
  return {
    id: 'bazarr.subtitles',
    service: 'bazarr',
    dependsOn: ['bazarr.sonarr', 'bazarr.radarr'],
    async plan(): Promise<PlannedChange[]> {
      const s = await read(bazarr, want);
      const d = drift(want, s);
      if (d.length === 0) return [{ service: 'bazarr', resource, action: 'nothing', reason: 'Matches arr.yml.' }];
      const extraProviders = want.providers.prune && s.providers.some((p) => !want.providers.items.includes(p));
      return [
        {
          service: 'bazarr',
          resource,
          action: 'update',
          reason: `Differs from arr.yml: ${d.join('; ')}.`,
          // With prune on, providers enabled by hand would be switched off: they can be kept in the file instead.
          ...(extraProviders ? { keep: [{ path: ['bazarr', 'providers', 'items'], value: s.providers }] } : {}),
        },
      ];
    },
    async apply(changes, progress) {
      if (!changes.some((c) => c.action !== 'nothing')) return;
      const s = await read(bazarr, want);
      if (drift(want, s).length === 0) return;
      const items = want.languages.map((language, i) => ({
        id: i + 1,
        language,
        audio_exclude: 'False',
        audio_only_include: 'False',
        hi: 'False',
        forced: 'False',
      }));
      const profileId = s.profile?.profileId ?? Math.max(0, ...s.profiles.map((p) => p.profileId)) + 1;
      const ours: LanguageProfile = {
        ...(s.profile ?? { mustContain: [], mustNotContain: [], originalFormat: null, tag: null }),
        profileId,
        name: want.profileName,
        cutoff: null,
        items,
      };
      // The post replaces the profile table: every other profile goes back as it was read.
      const profiles = [...s.profiles.filter((p) => p.profileId !== profileId), ours];
      const languages = [...new Set([...s.enabledLanguages, ...want.languages])];
      const entries: [string, string][] = [
        ...languages.map((l): [string, string] => ['languages-enabled', l]),
        ['languages-profiles', JSON.stringify(profiles)],
        ...providersWanted(want, s).map((p): [string, string] => ['settings-general-enabled_providers', p]),
        ['settings-general-serie_default_enabled', 'true'],
        ['settings-general-serie_default_profile', String(profileId)],
        ['settings-general-movie_default_enabled', 'true'],
        ['settings-general-movie_default_profile', String(profileId)],
      ];
      progress({
        operationId: 'wiring',
        step: 'bazarr.subtitles',
        current: 0,
        total: 1,
        message: 'Setting Bazarr subtitles',
      });
      await bazarr.saveForm(entries);
    },
  };
}
