// @vitest-environment jsdom
// "Move to another engine": the target goes to the check as typed, Move is offered only after a passing check and
// sends its own operation id, and the old stack is removed only after the move is ready and the user confirms.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StackMoveCheck, StackMoveStatus } from '../../core/contract';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { MoveStackDialog } from './MoveStackDialog';

afterEach(cleanup);

const check = (ok: boolean): StackMoveCheck => ({
  ok,
  engine: { label: 'tcp://nas:2376', apiVersion: '1.43', os: 'linux', arch: 'arm64', serviceHost: 'nas' },
  freeBytes: 10 * 2 ** 30,
  neededBytes: 2 ** 20,
  volumes: [{ name: 'radarr-config', service: 'radarr', bytes: 2 ** 20 }],
  images: [],
  problems: ok ? [] : [{ message: 'plex: no arm64 image.', fix: 'Pick another image.' }],
});
const status = (phase: StackMoveStatus['phase']): StackMoveStatus => ({
  phase,
  id: phase === 'none' ? null : 'move-1',
  target: phase === 'none' ? null : 'tcp://nas:2376',
  dataRoot: null,
  volumes: [],
  interrupted: false,
  lastError: null,
  links: [],
});

describe('Move the stack to another engine', () => {
  it('checks the typed engine, moves only after a passing check, removes the old stack only when confirmed', async () => {
    let phase: StackMoveStatus['phase'] = 'none';
    const api = fakeUps({
      'stack.move.status': () => status(phase),
      'stack.move.check': () => check(true),
      'stack.move.run': () => ((phase = 'ready'), status(phase)),
      'stack.move.removeSource': () => ((phase = 'removed'), status(phase)),
    });
    renderWithUps(api, <MoveStackDialog />);
    fireEvent.click(screen.getByTestId('open-move-stack'));
    fireEvent.change(await screen.findByTestId('move-target'), { target: { value: ' tcp://nas:2376 ' } });
    expect(screen.getByTestId('move-run-button')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('move-check-button'));
    expect((await screen.findByTestId('move-check')).textContent).toMatch(/ready for the move/);
    expect(api.inputs('stack.move.check')).toEqual([{ target: { host: 'tcp://nas:2376' } }]);
    await waitFor(() => expect(screen.getByTestId('move-run-button')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('move-run-button'));
    await waitFor(() => expect(api.count('stack.move.run')).toBe(1));
    const [run] = api.inputs('stack.move.run') as [{ target: unknown; operationId: string }];
    expect(run.target).toEqual({ host: 'tcp://nas:2376' });
    expect(run.operationId).toMatch(/^move-/);
    fireEvent.click(await screen.findByTestId('move-remove-button'));
    expect(api.count('stack.move.removeSource')).toBe(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove old stack' }));
    await waitFor(() => expect(api.count('stack.move.removeSource')).toBe(1));
    expect((api.inputs('stack.move.removeSource')[0] as { confirm: boolean }).confirm).toBe(true);
  });

  it('a failing check shows its problems and keeps Move disabled', async () => {
    const api = fakeUps({ 'stack.move.status': () => status('none'), 'stack.move.check': () => check(false) });
    renderWithUps(api, <MoveStackDialog />);
    fireEvent.click(screen.getByTestId('open-move-stack'));
    fireEvent.change(await screen.findByTestId('move-target'), { target: { value: 'tcp://nas:2376' } });
    fireEvent.click(screen.getByTestId('move-check-button'));
    expect((await screen.findByTestId('move-check')).textContent).toMatch(
      /plex: no arm64 image\. Pick another image\./,
    );
    expect(screen.getByTestId('move-run-button')).toHaveProperty('disabled', true);
  });
});
