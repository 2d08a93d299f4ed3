// @vitest-environment jsdom
// The Tdarr panel: the nodes the server reports, and the "Add a Tdarr node on another PC" dialog sending exactly what
// was typed to tdarr.nodeBundle, showing the files to copy or where they were saved, and the core's refusal.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { TdarrNodesPanel } from './TdarrNodesPanel';

afterEach(cleanup);

const node = {
  id: 'n1',
  name: 'gaming-pc',
  address: '192.168.1.11',
  paused: false,
  activeWorkers: 2,
  workerLimits: { transcodeCpu: 2, transcodeGpu: 1, healthcheckCpu: 1, healthcheckGpu: 0 },
};

const bundle = (savedTo: string | null) => ({
  files: [
    { name: 'compose.yaml', content: 'services:\n  tdarr-node: {}\n' },
    { name: 'configs/Tdarr_Node_Config.json', content: '{}' },
    { name: 'README.txt', content: 'readme' },
  ],
  serverIP: '192.168.1.20',
  serverPort: 8266,
  nodeName: 'gaming-pc',
  shareFolders: { root: 'D:\\Data', media: 'D:\\Data\\media', cache: 'D:\\Data\\tdarr-cache' },
  savedTo,
});

const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('TdarrNodesPanel', () => {
  it('lists the nodes Tdarr reports and reads them again on demand', async () => {
    const api = fakeUps({ 'tdarr.nodes': () => ({ nodes: [node] }) });
    renderWithUps(api, <TdarrNodesPanel />);
    const row = await screen.findByTestId('tdarr-node-gaming-pc');
    expect(row.textContent).toContain('192.168.1.11');
    expect(row.textContent).toContain('Working (2)');
    expect(row.textContent).toContain('2 CPU + 1 GPU / 1 CPU + 0 GPU');
    api.answer({ 'tdarr.nodes': () => ({ nodes: [] }) });
    fireEvent.click(screen.getByTestId('tdarr-nodes-reload'));
    await screen.findByText('No node is connected to Tdarr right now.');
    expect(api.count('tdarr.nodes')).toBe(2);
  });

  it('shows why the nodes cannot be read', async () => {
    const api = fakeUps({
      'tdarr.nodes': () =>
        failWith({ code: 'INTERNAL', message: 'Tdarr did not answer.', fix: 'Start Tdarr, then check again.' }),
    });
    renderWithUps(api, <TdarrNodesPanel />);
    expect((await screen.findByTestId('tdarr-nodes')).textContent).toContain("Tdarr's nodes cannot be read");
  });

  it('makes the node files from what was typed and shows them to copy', async () => {
    const api = fakeUps({ 'tdarr.nodes': () => ({ nodes: [] }), 'tdarr.nodeBundle': () => bundle(null) });
    renderWithUps(api, <TdarrNodesPanel />);
    fireEvent.click(await screen.findByTestId('open-add-tdarr-node'));
    type('tdarr-node-name', 'gaming-pc');
    type('tdarr-media-path', 'D:\\Media');
    type('tdarr-cache-path', 'D:\\TdarrCache');
    fireEvent.click(screen.getByLabelText('NVIDIA graphics card'));
    fireEvent.click(screen.getByTestId('tdarr-make-bundle'));
    const result = await screen.findByTestId('tdarr-bundle-result');
    expect(result.textContent).toContain('192.168.1.20:8266');
    // Which share folder holds the cache, as the core answered it.
    expect(screen.getByTestId('tdarr-share-folders').textContent).toContain(
      'the transcode cache is D:\\Data\\tdarr-cache. Both are in D:\\Data',
    );
    expect(screen.getByTestId('tdarr-file-compose.yaml').textContent).toContain('tdarr-node');
    expect(api.inputs('tdarr.nodeBundle')).toEqual([
      { nodeName: 'gaming-pc', mediaPath: 'D:\\Media', cachePath: 'D:\\TdarrCache', gpu: 'nvidia' },
    ]);
  });

  it('says where the files were saved, and shows the core refusal with its fix', async () => {
    const api = fakeUps({
      'tdarr.nodes': () => ({ nodes: [] }),
      'tdarr.nodeBundle': (input) =>
        input.serverHost
          ? bundle('/home/me/node')
          : failWith({
              code: 'BAD_INPUT',
              message: "Tdarr's server port (8266) is only reachable from the stack's own machine.",
              fix: 'Turn on "Reach my apps from other devices on my network" in the stack settings, then add the node.',
              field: 'lanAccess',
            }),
    });
    renderWithUps(api, <TdarrNodesPanel />);
    fireEvent.click(await screen.findByTestId('open-add-tdarr-node'));
    type('tdarr-node-name', 'gaming-pc');
    type('tdarr-media-path', '/mnt/media');
    type('tdarr-cache-path', '/mnt/cache');
    type('tdarr-save-to', '/home/me/node');
    fireEvent.click(screen.getByTestId('tdarr-make-bundle'));
    await waitFor(() => expect(document.body.textContent).toContain('The node files could not be made'));
    expect(screen.queryByTestId('tdarr-bundle-result')).toBeNull();
    type('tdarr-server-host', '192.168.1.20');
    fireEvent.click(screen.getByTestId('tdarr-make-bundle'));
    expect((await screen.findByTestId('tdarr-bundle-result')).textContent).toContain('/home/me/node');
    expect(screen.queryByTestId('tdarr-file-compose.yaml')).toBeNull();
    expect(api.inputs('tdarr.nodeBundle')[1]).toMatchObject({ serverHost: '192.168.1.20', saveTo: '/home/me/node' });
  });
});
