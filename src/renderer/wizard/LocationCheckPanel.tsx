// The location step's drive check over stack.location.check: free space vs the estimate, the filesystem and its
// warning, and the hardlink test with its fix. It checks the folder being typed once it is a valid path.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { CallView } from '../components/CallView';
import { useCall } from '../use-call';
import { LocationCheckInputSchema, type CallInput, type LocationCheck, type WizardDraft } from '../../core/contract';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '560px',
    marginTop: tokens.spacingVerticalL,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
});

const GiB = 1024 ** 3;
export const formatSize = (n: number) => (n >= GiB ? `${(n / GiB).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`);

/** The services the estimate counts, once the services step has been answered; before that the core's default. */
type EstimatedService = NonNullable<CallInput<'stack.location.check'>['services']>[number];

export function draftServices(d: WizardDraft): EstimatedService[] | undefined {
  const s = d.services;
  if (!s) return undefined;
  const on = { qbittorrent: s.qbittorrent, nzbget: s.nzbget, tdarr: s.tdarr, proxy: s.proxy.enabled };
  return [
    'vpn',
    'plex',
    'prowlarr',
    'radarr',
    'sonarr',
    'bazarr',
    'seerr',
    ...(Object.keys(on) as (keyof typeof on)[]).filter((k) => on[k]),
  ];
}

export function LocationCheckPanel({
  dataRoot,
  installRoot,
  draft,
}: {
  dataRoot: string;
  installRoot: string;
  draft: WizardDraft;
}) {
  const s = useStyles();
  const [settled, setSettled] = useState(dataRoot);
  // Wait for typing to pause: each check writes (and removes) a test file on the drive.
  useEffect(() => {
    const t = setTimeout(() => setSettled(dataRoot), 400);
    return () => clearTimeout(t);
  }, [dataRoot]);
  const valid = settled.trim() !== '' && LocationCheckInputSchema.shape.dataRoot.safeParse(settled).success;
  const installOk =
    installRoot.trim() !== '' && LocationCheckInputSchema.shape.installRoot.safeParse(installRoot).success;
  const services = draftServices(draft);
  const input = {
    dataRoot: settled.trim(),
    ...(installOk ? { installRoot: installRoot.trim() } : {}),
    ...(services ? { services } : {}),
  };
  const [check, recheck] = useCall('stack.location.check', input, { skip: !valid });
  return (
    <section className={s.panel} aria-label="Drive check" data-testid="location-check">
      <Text weight="semibold" as="h3">
        Drive check
      </Text>
      {valid ? (
        <>
          <CallView view={check} what="Free space, file system and hardlink test">
            {(v) => <Result value={v} />}
          </CallView>
          <div>
            <Button size="small" onClick={() => void recheck()} data-testid="location-recheck">
              Check again
            </Button>
          </div>
        </>
      ) : (
        <Text data-testid="location-check-idle">
          Enter the media folder to check its free space, file system and hardlinks.
        </Text>
      )}
    </section>
  );
}

function Result({ value: v }: { value: LocationCheck }) {
  const s = useStyles();
  return (
    <>
      <dl className={s.facts}>
        {v.engine ? (
          <>
            <dt className={s.term}>Checked on</dt>
            <dd className={s.dd} data-testid="location-engine">
              {v.engine}
            </dd>
          </>
        ) : null}
        <dt className={s.term}>Folder checked</dt>
        <dd className={s.dd} data-testid="location-folder">
          {v.checkedFolder}
          {v.exists ? '' : ' (the media folder does not exist yet; nothing was created)'}
        </dd>
        <dt className={s.term}>Free space</dt>
        <dd className={s.dd} data-testid="location-space" data-fits={String(v.fits)}>
          {formatSize(v.freeBytes)} free, about {formatSize(v.neededBytes)} needed for images and app data (media not
          counted)
        </dd>
        <dt className={s.term}>File system</dt>
        <dd className={s.dd} data-testid="location-filesystem">
          {v.filesystem}
        </dd>
        <dt className={s.term}>Hardlinks</dt>
        <dd className={s.dd} data-testid="location-hardlinks" data-ok={String(v.hardlinks.ok)}>
          {v.hardlinks.ok ? v.hardlinks.detail : `Do not work: ${v.hardlinks.detail}`}
        </dd>
      </dl>
      {!v.hardlinks.ok && v.hardlinks.fix ? (
        <MessageBar intent="error" layout="multiline" data-testid="location-hardlink-fix">
          <MessageBarBody>
            <MessageBarTitle>Hardlinks failed</MessageBarTitle>
            <div>How to fix: {v.hardlinks.fix}</div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {v.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline" data-testid="location-warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
