// Step 4: which apps to run, each with one line on what it is for.
import {
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { WizardDraft } from '../../core/contract';
import { qualityPresetNames, type QualityPresetName } from '../../core/contract/arr-config';
import { LanAccessChoice } from '../components/LanAccessChoice';
import { StepFrame } from './StepFrame';
import { UsenetServerFields, useUsenetServer } from './UsenetServerFields';
import { useWizard } from './use-wizard';
import { defaultServices, validateStep, type FieldErrors } from './validation';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '620px' },
  item: { display: 'flex', flexDirection: 'column' },
  error: { color: tokens.colorPaletteRedForeground1 },
  nested: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
});

type Services = NonNullable<WizardDraft['services']>;
const toggles: { key: 'qbittorrent' | 'nzbget' | 'tdarr' | 'flaresolverr'; label: string; line: string }[] = [
  { key: 'qbittorrent', label: 'qBittorrent', line: 'Downloads torrents, always through the VPN.' },
  {
    key: 'nzbget',
    label: 'NZBGet',
    line: 'Downloads from Usenet, if you have a Usenet provider; also behind the VPN.',
  },
  {
    key: 'tdarr',
    label: 'Tdarr (optional)',
    line: 'Re-encodes your library in the background to save space or suit your devices.',
  },
  {
    key: 'flaresolverr',
    label: 'FlareSolverr (optional)',
    line: 'Opens indexer sites that show a browser check first. Prowlarr uses it for indexers tagged "flaresolverr".',
  },
];

/** Each preset in a line a non-expert can choose by (contract/arr-config.ts qualityPresets says what they allow). */
export const presetLines: Record<QualityPresetName, string> = {
  '1080p': '1080p (recommended): Full HD films and series, a good picture at a moderate size.',
  '4K': '4K: Ultra HD, for a 4K TV; files are several times larger.',
  'Space saver': 'Space saver: 720p and web 1080p, the smallest files.',
};

export function ServicesStep() {
  const s = useStyles();
  const w = useWizard();
  const [svc, setSvc] = useState<Services>(w.state.draft.services ?? defaultServices);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [lanAccess, setLanAccess] = useState(w.state.draft.lanAccess ?? false);
  const usenet = useUsenetServer(w.state.draft.usenet);
  const [preset, setPreset] = useState<QualityPresetName>(w.state.draft.qualityPreset ?? '1080p');
  const update = (next: Services) => {
    setSvc(next);
    if (Object.keys(errors).length) setErrors(validateStep('services', { ...w.state.draft, services: next }));
  };
  const onNext = async () => {
    const news = svc.nzbget ? usenet.draft() : undefined;
    const found = validateStep('services', { ...w.state.draft, services: svc, usenet: news });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const refused = svc.nzbget ? await usenet.storePassword() : undefined;
    if (refused) return setErrors({ 'usenet.password': refused.message });
    void w.next({ services: svc, lanAccess, usenet: news, qualityPreset: preset });
  };
  const err = (k: string) => ({
    validationMessage: errors[k],
    validationState: errors[k] ? ('error' as const) : ('none' as const),
  });
  const proxy = svc.proxy;
  return (
    <StepFrame
      title="Choose your apps"
      intro="Plex, Radarr (films), Sonarr (series), Prowlarr (indexers), Bazarr (subtitles) and Seerr (requests) are always installed. Pick the rest."
      onBack={() => void w.back()}
      onNext={() => void onNext()}
    >
      <div className={s.list}>
        {toggles.map((t) => (
          <div className={s.item} key={t.key}>
            <Switch
              label={t.label}
              checked={svc[t.key] ?? false}
              onChange={(_, d) => update({ ...svc, [t.key]: d.checked })}
              data-testid={`toggle-${t.key}`}
            />
            <Caption1>{t.line}</Caption1>
          </div>
        ))}
        {svc.nzbget && <UsenetServerFields state={usenet} errors={errors} />}
        {errors['services.qbittorrent'] ? (
          <Text role="alert" className={s.error} data-field="services.qbittorrent">
            {errors['services.qbittorrent']}
          </Text>
        ) : null}
        <div className={s.item}>
          <Switch
            label="Reverse proxy with HTTPS (optional)"
            checked={proxy.enabled}
            onChange={(_, d) => update({ ...svc, proxy: { ...proxy, enabled: d.checked } })}
            data-testid="toggle-proxy"
          />
          <Caption1>
            Nginx Proxy Manager: reach your apps from outside at your own domain, with Let&apos;s Encrypt certificates.
          </Caption1>
        </div>
        {proxy.enabled && (
          <div className={s.nested}>
            <Field label="Domain" required {...err('services.proxy.domain')}>
              <Input
                value={proxy.domain ?? ''}
                onChange={(_, d) => update({ ...svc, proxy: { ...proxy, domain: d.value || undefined } })}
              />
            </Field>
            <Field label="E-mail for Let's Encrypt" required {...err('services.proxy.acmeEmail')}>
              <Input
                type="email"
                value={proxy.acmeEmail ?? ''}
                onChange={(_, d) => update({ ...svc, proxy: { ...proxy, acmeEmail: d.value || undefined } })}
              />
            </Field>
          </div>
        )}
        <Field
          label="Video quality for films and series"
          hint="Radarr and Sonarr look for this quality, and requests use it. You can change it later in arr.yml."
        >
          <RadioGroup
            value={preset}
            onChange={(_, d) => setPreset(d.value as QualityPresetName)}
            data-testid="quality-preset"
          >
            {qualityPresetNames.map((name) => (
              <Radio key={name} value={name} label={presetLines[name]} data-testid={`preset-${name}`} />
            ))}
          </RadioGroup>
        </Field>
        <LanAccessChoice checked={lanAccess} onChange={setLanAccess} />
      </div>
    </StepFrame>
  );
}
