// @vitest-environment jsdom
// The news server fields under NZBGet: typed server details go into the draft (no password), the password goes only to
// secrets.set nzbget.server.password, a bad host is named on its field, and an empty server is allowed (added later).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpsApi, WizardDraft } from '../../core/contract';
import { initialWizard, useWizardStore } from '../stores/wizard-store';
import { renderWithUps } from '../test-support/render-with-ups';
import { ServicesStep } from './ServicesStep';

function fakeApi() {
  const calls: { channel: string; input: unknown }[] = [];
  const api = {
    async invoke(channel: string, input: unknown) {
      calls.push({ channel, input });
      if (channel === 'secrets.set') return { ok: true, value: { name: (input as { name: string }).name } };
      if (channel === 'wizard.save') return { ok: true, value: { savedAt: 'now' } };
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}".` } };
    },
    subscribe: () => () => undefined,
  } as unknown as UpsApi;
  return { api, of: (c: string) => calls.filter((x) => x.channel === c).map((x) => x.input) };
}

function ui(api: UpsApi) {
  useWizardStore.setState({
    state: {
      ...initialWizard,
      step: 'services',
      completed: ['welcome', 'checks', 'location'],
      draft: { installRoot: 'D:\\UPS', dataRoot: 'D:\\Media', timeZone: 'Europe/Berlin' },
    },
    loaded: true,
  });
  return renderWithUps(api, <ServicesStep />);
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const savedDraft = (saves: unknown[]) => (saves.at(-1) as { draft: WizardDraft }).draft;

afterEach(cleanup);

describe('UsenetServerFields (in the services step)', () => {
  it('appears with NZBGet; the server goes to the draft and the password only to the vault', async () => {
    const { api, of } = fakeApi();
    ui(api);
    expect(screen.queryByTestId('usenet-server')).toBeNull();
    fireEvent.click(screen.getByTestId('toggle-nzbget'));
    type('usenet-host', ' news.example.com ');
    type('usenet-username', 'reader');
    type('usenet-password', 'p@ss-word');
    type('usenet-connections', '20');
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(of('secrets.set')).toEqual([{ name: 'nzbget.server.password', value: 'p@ss-word' }]);
    const draft = savedDraft(of('wizard.save'));
    expect(draft.usenet).toEqual({
      host: 'news.example.com',
      port: 563,
      tls: true,
      username: 'reader',
      connections: 20,
    });
    expect(JSON.stringify(of('wizard.save'))).not.toContain('p@ss-word');
  });

  it('names a bad host on its field and stores nothing', async () => {
    const { api, of } = fakeApi();
    ui(api);
    fireEvent.click(screen.getByTestId('toggle-nzbget'));
    type('usenet-host', 'https://news.example.com:563');
    type('usenet-password', 'secret');
    fireEvent.click(screen.getByTestId('wizard-next'));
    // In plain words under the field's own label: no field path in front.
    expect(await screen.findByText(/^Must be your provider's news server name/)).toBeTruthy();
    expect(screen.queryByText(/usenet\.host/)).toBeNull();
    expect(of('secrets.set')).toEqual([]);
    expect(of('wizard.save')).toEqual([]);
  });

  it('an empty server is allowed: no usenet section, nothing stored', async () => {
    const { api, of } = fakeApi();
    ui(api);
    fireEvent.click(screen.getByTestId('toggle-nzbget'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(savedDraft(of('wizard.save')).usenet).toBeUndefined();
    expect(of('secrets.set')).toEqual([]);
  });

  it('the video quality choice: 1080p by default, the chosen preset saved in the draft', async () => {
    const { api, of } = fakeApi();
    ui(api);
    expect((screen.getByTestId('preset-1080p') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText(/^4K: Ultra HD/));
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(savedDraft(of('wizard.save')).qualityPreset).toBe('4K');
  });
});
