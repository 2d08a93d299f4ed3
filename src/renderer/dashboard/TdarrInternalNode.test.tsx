// @vitest-environment jsdom
// Tdarr's internal node setting: starts from what stack.settings.get reports (Tdarr's defaults when stack.yml has no
// `tdarr:` block), sends only the tdarr block to stack.settings.update, and shows the core's refusal by field.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPorts, type StackSettings } from '../../core/contract';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { TdarrInternalNode } from './TdarrInternalNode';

afterEach(cleanup);

const settings = (tdarr?: StackSettings['tdarr']): StackSettings => ({
  installRoot: '/srv/ups',
  timeZone: 'UTC',
  ports: { ...defaultPorts },
  lanAccess: true,
  enabledPorts: ['tdarr', 'tdarrServer'],
  tdarrEnabled: true,
  ...(tdarr ? { tdarr } : {}),
});

describe('TdarrInternalNode', () => {
  it("starts from Tdarr's defaults and saves the internal node and its workers", async () => {
    const api = fakeUps({
      'stack.settings.get': () => settings(),
      'stack.settings.update': (input) => ({
        settings: settings(input.tdarr as StackSettings['tdarr']),
        written: ['stack.yml', 'compose.yaml'],
        backup: null,
        applied: true,
      }),
    });
    renderWithUps(api, <TdarrInternalNode />);
    const cpu = (await screen.findByTestId('tdarr-workers-transcodeCpu')) as HTMLInputElement;
    expect(cpu.value).toBe('1');
    fireEvent.change(screen.getByTestId('tdarr-workers-transcodeGpu'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('tdarr-internal-node-save'));
    await screen.findByText('Saved. Tdarr restarts with these settings.');
    expect(api.inputs('stack.settings.update')).toEqual([
      {
        tdarr: {
          internalNode: true,
          workers: { transcodeCpu: 1, transcodeGpu: 2, healthcheckCpu: 1, healthcheckGpu: 0 },
        },
        apply: true,
      },
    ]);
  });

  it('turns the internal node off and shows a refused count by its field', async () => {
    const api = fakeUps({
      'stack.settings.get': () => settings({ internalNode: true }),
      'stack.settings.update': () =>
        failWith({
          code: 'BAD_INPUT',
          message: 'tdarr.workers.transcodeCpu: Too small: expected number to be >=0',
          fix: 'Use 0 or more.',
          field: 'tdarr.workers.transcodeCpu',
        }),
    });
    renderWithUps(api, <TdarrInternalNode />);
    fireEvent.change(await screen.findByTestId('tdarr-workers-transcodeCpu'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('tdarr-internal-node-save'));
    await waitFor(() => expect(document.body.textContent).toContain('could not be changed'));
    expect(api.inputs('stack.settings.update')[0]).toMatchObject({ tdarr: { workers: { transcodeCpu: 'x' } } });
    fireEvent.click(screen.getByLabelText('Also transcode on the Tdarr server itself (its internal node)'));
    expect(screen.queryByTestId('tdarr-workers-transcodeCpu')).toBeNull();
  });
});
