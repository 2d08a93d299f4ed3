// Main's tray state: pushes fold in, every change renders, transitions notify once.
import { describe, expect, it, vi } from 'vitest';
import { service, stack } from '../core/tray/tray-fixtures';
import { createShellState } from './shell-state';

describe('createShellState', () => {
  it('folds stack.status and progress pushes, rendering each change', () => {
    const render = vi.fn();
    const notify = vi.fn();
    const s = createShellState(render, notify);
    const status = stack('running', [service('vpn')]);
    s.onPush({ type: 'stack.status', status });
    expect(s.current().stack).toEqual(status);
    s.onPush({
      type: 'progress',
      progress: { operationId: 'up-1', step: 'Starting', current: 1, total: 3, message: '' },
    });
    expect(s.current().operation?.step).toBe('Starting');
    s.onPush({ type: 'progress', progress: { operationId: 'up-1', step: 'Done', current: 3, total: 3, message: '' } });
    expect(s.current().operation).toBeNull();
    expect(render).toHaveBeenCalledTimes(3);
    expect(notify).not.toHaveBeenCalled();
  });

  it('notifies on a VPN drop, on an offered update and when a migration finishes', () => {
    const notify = vi.fn();
    const s = createShellState(vi.fn(), notify);
    s.onPush({ type: 'stack.status', status: stack('running', [service('vpn')]) });
    s.onPush({ type: 'stack.status', status: stack('degraded', [service('vpn', 'exited', 'none')]) });
    s.onPush({ type: 'app.update', update: { kind: 'available', version: '1.4.0' } });
    s.onPush({
      type: 'progress',
      progress: { operationId: 'migrate-7', step: 'Verified', current: 5, total: 5, message: '' },
    });
    expect(notify.mock.calls.map((c) => c[0].id)).toEqual(['vpn-down', 'update-available', 'migration-done']);
  });

  it('folds the engine VPN watch push (vpn.alert) into the alert', () => {
    const notify = vi.fn();
    const s = createShellState(vi.fn(), notify);
    s.onPush({ type: 'stack.status', status: stack('running', [service('vpn')]) });
    s.onPush({
      type: 'vpn.alert',
      alert: {
        verdict: 'tunnel-down',
        reason: 'gluetun reports stopped.',
        stopped: ['qbittorrent'],
        at: '2026-01-01T00:00:00Z',
      },
    } as never);
    expect(s.current().vpnAlert).toBe('gluetun reports stopped.');
    expect(notify.mock.calls.map((c) => c[0].id)).toEqual(['vpn-down']);
  });

  it('an engine error shows until the next status arrives', () => {
    const s = createShellState(vi.fn(), vi.fn());
    s.setEngineError('Docker engine did not answer');
    expect(s.current().engineError).toBe('Docker engine did not answer');
    s.onPush({ type: 'stack.status', status: stack('stopped', []) });
    expect(s.current().engineError).toBeNull();
  });

  it('keeps the login-item setting', () => {
    const s = createShellState(vi.fn(), vi.fn());
    s.setStartAtLogin(true);
    expect(s.current().startAtLogin).toBe(true);
  });

  it('a finished stack update ends its own progress line and notifies how it ended', () => {
    const notify = vi.fn();
    const s = createShellState(vi.fn(), notify);
    s.setStackUpdate({ kind: 'applying', operationId: 'stack-update-1' });
    s.onPush({
      type: 'progress',
      progress: { operationId: 'stack-update-1', step: 'update', current: 2, total: 5, message: 'radarr' },
    });
    expect(s.current().operation?.operationId).toBe('stack-update-1');
    s.setStackUpdate({ kind: 'done', outcome: 'rolled-back', message: 'radarr unhealthy: rolled back' });
    expect(s.current().operation).toBeNull();
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ id: 'stack-update-rolled-back' }));
  });
});
