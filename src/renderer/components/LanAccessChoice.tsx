// "Reach my apps from other devices on my network" (docs/decisions.md D17): one switch, used by the wizard and Settings, that
// says plainly what each position means. Off = web UIs on 127.0.0.1; Plex is on the network either way.
import { Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '620px' },
});

export const LAN_ACCESS_LABEL = 'Reach my apps from other devices on my network';

/** What the choice means, in the words shown under the switch (and tested). */
export function lanAccessText(on: boolean): string {
  return on
    ? 'On: Radarr, Sonarr, Prowlarr, Bazarr, Seerr, the download clients and the other web apps answer on every network address of this PC. ' +
        'Any device on your network, and anyone your router forwards these ports to, can reach their sign-in pages; each still asks for its password. ' +
        'Use it only on a network you trust, and do not forward these ports on your router.'
    : 'Off: the web apps open only on this PC (http://localhost:…); other devices on your network cannot reach them. ' +
        'Plex stays reachable from TVs and phones on your network either way.';
}

export function LanAccessChoice({
  checked,
  onChange,
  disabled,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
  const s = useStyles();
  return (
    <div className={s.col}>
      <Switch
        label={LAN_ACCESS_LABEL}
        checked={checked}
        disabled={disabled}
        onChange={(_, d) => onChange(d.checked)}
        data-testid="toggle-lan-access"
      />
      <Caption1 data-testid="lan-access-text">{lanAccessText(checked)}</Caption1>
    </div>
  );
}
