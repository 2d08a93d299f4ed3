// Tdarr at scale on the dashboard: the nodes the Tdarr server reports, and "Add a Tdarr node on another PC" (the files
// that PC needs, written by the core to a folder the user picks, or shown here to copy).
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CallOutput, TdarrGpu } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { CopyButton } from '../components/CopyButton';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';
import { useCall } from '../use-call';
import { TdarrInternalNode } from './TdarrInternalNode';

type Bundle = CallOutput<'tdarr.nodeBundle'>;

const useStyles = makeStyles({
  // A file as it is to be copied: wrapped rather than wider than the dialog, and scrolled inside itself.
  file: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '40vh',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const gpuLabels: Record<TdarrGpu, string> = {
  none: 'No GPU (CPU only)',
  nvidia: 'NVIDIA graphics card',
  'intel-amd': 'Intel or AMD graphics (Linux PC)',
};

function BundleResult({ bundle }: { bundle: Bundle }) {
  const s = useStyles();
  return (
    <div data-testid="tdarr-bundle-result" role="status">
      <Text block>
        {bundle.savedTo
          ? `The files for "${bundle.nodeName}" are in ${bundle.savedTo}. Copy that folder to the other PC and start it there with Docker (see README.txt).`
          : `Save these files on the other PC in one folder, then start it there with Docker (see README.txt).`}
      </Text>
      <Text block>{`The node will connect to the Tdarr server at ${bundle.serverIP}:${bundle.serverPort}.`}</Text>
      <Text block data-testid="tdarr-share-folders">
        {`On the stack's side, the media is ${bundle.shareFolders.media} and the transcode cache is ${bundle.shareFolders.cache}. Both are in ${bundle.shareFolders.root}: share that folder (or mount that NAS share) on the other PC, so the folders you gave are those two.`}
      </Text>
      {!bundle.savedTo &&
        bundle.files.map((f) => (
          <details key={f.name}>
            <summary>{f.name}</summary>
            {/* The file's own text (keys, image names, commands) is for the other PC's Docker, not prose for the user:
                it is marked like the raw text under "Technical details", which the plain-words rules leave out. */}
            <pre
              className={s.file}
              tabIndex={0}
              aria-label={f.name}
              data-testid={`tdarr-file-${f.name}`}
              data-technical-details=""
            >
              {f.content}
            </pre>
            <CopyButton text={f.content} label={`Copy ${f.name}`} />
          </details>
        ))}
    </div>
  );
}

function AddNodeBody() {
  const [nodeName, setNodeName] = useState('');
  const [mediaPath, setMediaPath] = useState('');
  const [cachePath, setCachePath] = useState('');
  const [serverHost, setServerHost] = useState('');
  const [gpu, setGpu] = useState<TdarrGpu>('none');
  const [saveTo, setSaveTo] = useState('');
  const make = useAction('tdarr.nodeBundle');
  const pick = useAction('folders.pick');
  const [bundle, setBundle] = useState<Bundle>();
  const browse = async () => {
    const r = await pick.run({
      title: 'Choose where to save the node files',
      ...(saveTo ? { defaultPath: saveTo } : {}),
    });
    if (r.ok && r.value.path) setSaveTo(r.value.path);
  };
  const submit = async () => {
    setBundle(undefined);
    const r = await make.run({
      nodeName,
      mediaPath,
      cachePath,
      gpu,
      ...(serverHost.trim() ? { serverHost: serverHost.trim() } : {}),
      ...(saveTo.trim() ? { saveTo: saveTo.trim() } : {}),
    });
    if (r.ok) setBundle(r.value);
  };
  return (
    <>
      <Text block>
        Another PC can take transcoding work from Tdarr. It needs Docker, and the same media library and transcode cache
        as the server. Both are in the stack's data folder (or on the NAS after a move): the media folder and the
        tdarr-cache folder next to it. Share that data folder with the other PC, or mount the same NAS share there.
      </Text>
      <Field label="Node name" hint="How the PC appears in Tdarr, like gaming-pc">
        <Input value={nodeName} onChange={(_, d) => setNodeName(d.value)} data-testid="tdarr-node-name" />
      </Field>
      <Field
        label="Media folder on that PC"
        hint="Where that PC sees the stack's media library, like D:\Media or /mnt/media"
      >
        <Input value={mediaPath} onChange={(_, d) => setMediaPath(d.value)} data-testid="tdarr-media-path" />
      </Field>
      <Field
        label="Transcode cache on that PC"
        hint="Where that PC sees the tdarr-cache folder next to the media folder, like D:\tdarr-cache or /mnt/tdarr-cache"
      >
        <Input value={cachePath} onChange={(_, d) => setCachePath(d.value)} data-testid="tdarr-cache-path" />
      </Field>
      <Field label="Server address (optional)" hint="Leave empty to use this stack's address on your network">
        <Input value={serverHost} onChange={(_, d) => setServerHost(d.value)} data-testid="tdarr-server-host" />
      </Field>
      <Field label="Graphics card on that PC">
        <RadioGroup value={gpu} onChange={(_, d) => setGpu(d.value as TdarrGpu)} data-testid="tdarr-gpu">
          {(Object.keys(gpuLabels) as TdarrGpu[]).map((g) => (
            <Radio key={g} value={g} label={gpuLabels[g]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Save the files to (optional)" hint="Leave empty to see them here and copy them">
        <Input value={saveTo} onChange={(_, d) => setSaveTo(d.value)} data-testid="tdarr-save-to" />
      </Field>
      <div>
        <Button onClick={() => void browse()} disabled={pick.busy}>
          Browse…
        </Button>{' '}
        <Button appearance="primary" onClick={() => void submit()} disabled={make.busy} data-testid="tdarr-make-bundle">
          Create the node files
        </Button>
        {make.busy && <Spinner size="extra-tiny" label="Writing…" />}
      </div>
      {make.error && <ErrorBar title="The node files could not be made" error={make.error} />}
      {bundle && <BundleResult bundle={bundle} />}
    </>
  );
}

export function AddTdarrNodeDialog() {
  return (
    <AppDialog
      trigger={<Button data-testid="open-add-tdarr-node">Add a Tdarr node on another PC</Button>}
      title="Add a Tdarr node on another PC"
    >
      <AddNodeBody />
    </AppDialog>
  );
}

/** The nodes connected to Tdarr right now (Tdarr forgets a node once it disconnects). */
export function TdarrNodesPanel() {
  const [nodes, reload] = useCall('tdarr.nodes');
  return (
    <div data-testid="tdarr-nodes">
      {nodes.phase === 'loading' && <Spinner size="tiny" label="Asking Tdarr for its nodes…" />}
      {nodes.phase === 'error' && <ErrorBar title="Tdarr's nodes cannot be read" error={nodes.error} />}
      {nodes.phase === 'ready' && nodes.status.nodes.length === 0 && (
        <Text block>No node is connected to Tdarr right now.</Text>
      )}
      {nodes.phase === 'ready' && nodes.status.nodes.length > 0 && (
        <Table aria-label="Tdarr nodes" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Node</TableHeaderCell>
              <TableHeaderCell>Address</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell>Workers (transcode / health check)</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {nodes.status.nodes.map((n) => (
              <TableRow key={n.id} data-testid={`tdarr-node-${n.name}`}>
                <TableCell>{n.name}</TableCell>
                <TableCell>{n.address ?? 'unknown'}</TableCell>
                <TableCell>
                  {n.paused ? 'Paused' : n.activeWorkers > 0 ? `Working (${n.activeWorkers})` : 'Idle'}
                </TableCell>
                <TableCell>
                  {n.workerLimits
                    ? `${n.workerLimits.transcodeCpu} CPU + ${n.workerLimits.transcodeGpu} GPU / ${n.workerLimits.healthcheckCpu} CPU + ${n.workerLimits.healthcheckGpu} GPU`
                    : 'not reported'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div>
        <Button onClick={() => void reload()} data-testid="tdarr-nodes-reload">
          Check again
        </Button>{' '}
        <AddTdarrNodeDialog />
      </div>
      <TdarrInternalNode />
    </div>
  );
}
