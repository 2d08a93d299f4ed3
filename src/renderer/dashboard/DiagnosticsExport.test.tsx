// @vitest-environment jsdom
// The dashboard's "Export diagnostics": one diagnostics.export with no path (the core picks where), the path shown
// with Copy, Open folder only where the door can, and a failure shown with its fix.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { DiagnosticsExport } from './DiagnosticsExport';

const written = (canOpenFolder?: boolean) => ({
  path: '/home/me/.config/ups/diagnostics/ups-diagnostics-2026-12-07T10-31-13Z.zip',
  bytes: 48_000,
  entries: [
    { name: 'doctor.json', collected: true },
    { name: 'compose-config.yaml', collected: false },
  ],
  ...(canOpenFolder === undefined ? {} : { canOpenFolder }),
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Export diagnostics', () => {
  it('in browser mode: exports where the core writes, shows the path, copies it; no Open folder', async () => {
    const writeText = vi.fn(async (_: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = fakeUps({ 'diagnostics.export': () => written(false) });
    renderWithUps(api, <DiagnosticsExport />);
    fireEvent.click(screen.getByTestId('diagnostics-export'));
    expect((await screen.findByTestId('diagnostics-path')).textContent).toBe(written().path);
    expect(api.inputs('diagnostics.export')).toEqual([{}]);
    expect(screen.getByTestId('diagnostics-done').textContent).toMatch(/not collected: compose-config\.yaml/);
    expect(screen.queryByTestId('diagnostics-open-folder')).toBeNull();
    fireEvent.click(screen.getByTestId('diagnostics-copy'));
    await waitFor(() => expect(screen.getByTestId('diagnostics-copy').textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith(written().path);
  });

  it('in the desktop app: Open folder asks the core to open its own folder', async () => {
    const api = fakeUps({
      'diagnostics.export': () => written(true),
      'diagnostics.openFolder': () => ({ folder: '/home/me/.config/ups/diagnostics' }),
    });
    renderWithUps(api, <DiagnosticsExport />);
    fireEvent.click(screen.getByTestId('diagnostics-export'));
    fireEvent.click(await screen.findByTestId('diagnostics-open-folder'));
    await waitFor(() => expect(api.count('diagnostics.openFolder')).toBe(1));
    expect(api.inputs('diagnostics.openFolder')).toEqual([{}]);
  });

  it('shows why an export failed and what to do', async () => {
    const api = fakeUps({
      'diagnostics.export': () =>
        failWith({ code: 'INTERNAL', message: 'The disk is full.', fix: 'Free some space, then export again.' }),
    });
    renderWithUps(api, <DiagnosticsExport />);
    fireEvent.click(screen.getByTestId('diagnostics-export'));
    // The core's words show in the bar (they are plain) and again under Technical details.
    expect((await screen.findAllByText(/The disk is full\./)).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Free some space, then export again\./).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('diagnostics-done')).toBeNull();
  });
});
