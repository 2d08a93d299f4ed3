// Step 7: what will be written where, which ports, which images; secrets only as "stored in <the vault>".
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { enabledPorts, publishAddress, selectedServices, type PortName, type WizardDraft } from '../../core/contract';
import { CallView } from '../components/CallView';
import { ErrorBar, TechnicalDetails } from '../components/ErrorBar';
import { lanAccessText } from '../components/LanAccessChoice';
import { fieldName, portName, serviceName } from '../display-names';
import { useCall } from '../use-call';
import { StepFrame } from './StepFrame';
import { joinShown } from './shown-path';
import { useSecretsStatus } from './use-secrets-status';
import { useWizard } from './use-wizard';
import { candidateConfig, stepOf, validateDraft } from './validation';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  // Long paths and image names wrap inside their cell instead of pushing the page sideways on small windows.
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
});

function KeyValueTable({ label, head, rows }: { label: string; head: string[]; rows: string[][] }) {
  const s = useStyles();
  return (
    <Table aria-label={label} size="small" className={s.table}>
      <TableHeader>
        <TableRow>
          {head.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([k, ...rest]) => (
          <TableRow key={k}>
            <TableCell className={s.cell}>{k}</TableCell>
            {rest.map((v, i) => (
              <TableCell key={i} className={mergeClasses(s.mono, s.cell)}>
                {v}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Where a published port answers, in words (docs/decisions.md D17). */
export function reachableFrom(port: PortName, lanAccess: boolean): string {
  return publishAddress(port, lanAccess) === '127.0.0.1' ? 'this PC only' : 'this PC and your network';
}

/** The same draft checked by the App service (stack.config.validate): what install will accept, not just what this form thinks. */
function CoreCheck({ draft }: { draft: WizardDraft }) {
  const [answer] = useCall('stack.config.validate', { config: candidateConfig(draft) });
  return (
    <CallView view={answer} what="Checking the settings with the app">
      {(v) =>
        v.valid ? (
          <Text data-testid="core-check">Checked by the app: ready to install.</Text>
        ) : (
          v.errors.map((e) => (
            <ErrorBar
              key={`${e.field ?? ''}${e.message}`}
              title={`${e.field ? fieldName(e.field) : 'Settings'} needs attention`}
              error={e}
            />
          ))
        )
      }
    </CallView>
  );
}

export function ReviewStep() {
  const s = useStyles();
  const w = useWizard();
  const [secrets] = useSecretsStatus();
  const { config, errors } = validateDraft(w.state.draft);
  const problems = Object.entries(errors);
  return (
    <StepFrame
      title="Review"
      intro="Nothing has been written yet. This is what Install will do."
      onBack={() => void w.back()}
      onNext={() => void w.next()}
      nextLabel="Install"
      nextDisabled={!config}
    >
      {problems.map(([field, message]) => {
        const step = stepOf(field);
        return (
          <ErrorBar
            key={field}
            title={`${fieldName(field)} needs attention`}
            error={{
              code: 'BAD_INPUT',
              message,
              field,
              fix: step ? 'Press Change to go back to that step and correct it.' : undefined,
            }}
            actions={step ? <Button onClick={() => void w.goTo(step)}>Change</Button> : undefined}
          />
        );
      })}
      {config && (
        <>
          <CoreCheck draft={w.state.draft} />
          <div className={s.block}>
            <Title3 as="h2">Files and folders</Title3>
            <KeyValueTable
              label="Files and folders"
              head={['What', 'Where']}
              rows={[
                ['Stack settings (no secrets)', joinShown(config.installRoot, 'stack.yml')],
                ['Compose file', joinShown(config.installRoot, 'compose.yaml')],
                ['Non-secret variables', joinShown(config.installRoot, '.env')],
                [
                  'Radarr, Sonarr and Seerr settings',
                  `${joinShown(config.installRoot, 'arr.yml')} (video quality: ${w.state.draft.qualityPreset ?? '1080p'})`,
                ],
                ...(config.usenet
                  ? [
                      [
                        'Usenet news server (NZBGet)',
                        `${config.usenet.host}:${config.usenet.port}${config.usenet.tls ? ' (encrypted)' : ''}`,
                      ],
                    ]
                  : []),
                ['Films', joinShown(config.dataRoot, 'media/movies')],
                ['Series', joinShown(config.dataRoot, 'media/tv')],
                [
                  'Downloads',
                  `${joinShown(config.dataRoot, config.services.qbittorrent ? 'torrents' : 'usenet')}${config.services.qbittorrent && config.services.nzbget ? ` and ${joinShown(config.dataRoot, 'usenet')}` : ''}`,
                ],
                ['App settings', 'Docker volumes (kept off the media drive)'],
              ]}
            />
          </div>
          <div className={s.block}>
            <Title3 as="h2">Ports on this PC</Title3>
            <Text data-testid="review-lan-access">{lanAccessText(config.lanAccess)}</Text>
            <KeyValueTable
              label="Ports"
              head={['Port name', 'Port', 'Reachable from']}
              rows={enabledPorts(config).map((p) => [
                portName(p),
                String(config.ports[p]),
                reachableFrom(p, config.lanAccess),
              ])}
            />
          </div>
          <div className={s.block}>
            <Title3 as="h2">Apps</Title3>
            <Text data-testid="review-apps">{selectedServices(config).map(serviceName).join(', ')}</Text>
            {/* Image names are for whoever debugs the install, not the main view. */}
            <TechnicalDetails
              text={selectedServices(config)
                .map((svc) => `${svc}: ${config.images[svc]}`)
                .join('\n')}
            />
          </div>
        </>
      )}
      <div className={s.block}>
        <Title3 as="h2">Secrets</Title3>
        {secrets.phase === 'error' && <ErrorBar title="The credential store cannot be read" error={secrets.error} />}
        {secrets.phase === 'ready' && (
          <KeyValueTable
            label="Secrets"
            head={['Secret', 'Where']}
            rows={secrets.status.entries
              .filter((e) => e.set)
              .map((e) => [e.label, `stored in ${secrets.status.backend}`])}
          />
        )}
      </div>
    </StepFrame>
  );
}
