// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StackSettings, UpsApi } from '../../core/contract';
import { LAN_ACCESS_LABEL } from '../components/LanAccessChoice';
import { settingsChanges, StackSettingsForm } from './StackSettingsForm';

const saved: StackSettings = { installRoot: '/srv/ups', timeZone: 'Europe/Berlin', ports: { radarr: 7878, sonarr: 8989 } as StackSettings['ports'], lanAccess: false, enabledPorts: ['radarr', 'sonarr'] };

afterEach(cleanup);

describe('settingsChanges', () => {
  it('sends only what changed, and non-numbers as typed so the core names the field', () => {
    expect(settingsChanges(saved, 'Europe/Berlin', { radarr: '7878', sonarr: '8989' })).toEqual({});
    expect(settingsChanges(saved, 'America/New_York', { radarr: ' 7900 ', sonarr: '8989' })).toEqual({ timeZone: 'America/New_York', ports: { radarr: 7900 } });
    expect(settingsChanges(saved, 'Europe/Berlin', { radarr: 'abc', sonarr: '8989' })).toEqual({ ports: { radarr: 'abc' } });
    expect(settingsChanges(saved, 'Europe/Berlin', { radarr: '7878', sonarr: '8989' }, true)).toEqual({ lanAccess: true });
    expect(settingsChanges({ ...saved, lanAccess: true }, 'Europe/Berlin', { radarr: '7878', sonarr: '8989' }, true)).toEqual({});
  });
});

describe('StackSettingsForm', () => {
  it('shows a refused port next to its field with the fix, and a saved change', async () => {
    const sent: unknown[] = [];
    const api = {
      async invoke(channel: string, input: unknown) {
        if (channel === 'stack.settings.get') return { ok: true, value: saved };
        sent.push(input);
        const ports = (input as { ports?: { radarr?: number } }).ports;
        if (ports?.radarr === 8989) return { ok: false, error: { code: 'BAD_INPUT', field: 'ports.radarr', message: 'ports.radarr: port 8989 is already used by ports.sonarr', fix: 'Pick a different host port.' } };
        return { ok: true, value: { settings: { ...saved, ports: { ...saved.ports, ...ports } }, written: ['stack.yml', 'compose.yaml'], backup: '.backups/x', applied: true } };
      },
      subscribe: () => () => undefined,
    } as unknown as UpsApi;
    render(
      <FluentProvider theme={webLightTheme}>
        <StackSettingsForm api={api} />
      </FluentProvider>,
    );
    const radarr = (await screen.findByTestId('setting-port-radarr')) as HTMLInputElement;
    fireEvent.change(radarr, { target: { value: '8989' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    await screen.findByText(/already used by ports\.sonarr/);
    expect(screen.queryByTestId('stack-settings-error')).toBeNull();
    fireEvent.change(radarr, { target: { value: '7900' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    await waitFor(() => expect(screen.getByTestId('stack-settings-saved').textContent).toContain('stack.yml'));
    expect(sent.at(-1)).toEqual({ ports: { radarr: 7900 }, apply: true });
  });
});

describe('StackSettingsForm LAN access', () => {
  it('shows what each position means and sends only the switch when it alone changed', async () => {
    const sent: unknown[] = [];
    const api = {
      async invoke(channel: string, input: unknown) {
        if (channel === 'stack.settings.get') return { ok: true, value: saved };
        sent.push(input);
        return { ok: true, value: { settings: { ...saved, lanAccess: true }, written: ['stack.yml', 'compose.yaml'], backup: '.backups/x', applied: true } };
      },
      subscribe: () => () => undefined,
    } as unknown as UpsApi;
    render(
      <FluentProvider theme={webLightTheme}>
        <StackSettingsForm api={api} />
      </FluentProvider>,
    );
    const toggle = (await screen.findByLabelText(LAN_ACCESS_LABEL)) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByTestId('lan-access-text').textContent).toMatch(/only on this PC.*Plex stays reachable/);
    fireEvent.click(toggle);
    expect(screen.getByTestId('lan-access-text').textContent).toMatch(/Any device on your network.*still asks for its password/);
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    await waitFor(() => expect(screen.getByTestId('stack-settings-saved').textContent).toContain('compose.yaml'));
    expect(sent).toEqual([{ lanAccess: true, apply: true }]);
  });
});
