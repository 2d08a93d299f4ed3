// @vitest-environment jsdom
// docs/decisions.md D17 in the wizard: the services step offers "Reach my apps from other devices on my network" (off by
// default) and saves it in the draft; review and done say where the apps answer instead of promising LAN links.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StackConfigSchema, type UpsApi } from '../../core/contract';
import { sampleConfigInput } from '../../core/stack/sample-config';
import { LAN_ACCESS_LABEL } from '../components/LanAccessChoice';
import { initialWizard, useWizardStore } from '../stores/wizard-store';
import { renderWithUps } from '../test-support/render-with-ups';
import { reachText } from './DoneStep';
import { reachableFrom } from './ReviewStep';
import { ServicesStep } from './ServicesStep';
import { candidateConfig, validateDraft } from './validation';

function fakeApi() {
  const saved: unknown[] = [];
  const api = {
    async invoke(channel: string, input: unknown) {
      if (channel === 'wizard.save') {
        saved.push(input);
        return { ok: true, value: { savedAt: 'now' } };
      }
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    },
    subscribe: () => () => undefined,
  } as unknown as UpsApi;
  return { api, saved };
}

beforeEach(() =>
  useWizardStore.setState({
    state: { ...initialWizard, step: 'services', completed: ['welcome', 'checks', 'location'] },
    loaded: true,
  }),
);
afterEach(cleanup);

describe('LAN access in the wizard', () => {
  it('is off by default, says what it means, and the choice is saved with the services', async () => {
    const { api, saved } = fakeApi();
    renderWithUps(api, <ServicesStep />);
    const toggle = screen.getByLabelText(LAN_ACCESS_LABEL) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByTestId('lan-access-text').textContent).toMatch(/^Off: the web apps open only on this PC/);
    fireEvent.click(toggle);
    expect(screen.getByTestId('lan-access-text').textContent).toMatch(/anyone your router forwards these ports to/);
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(useWizardStore.getState().state.draft.lanAccess).toBe(true));
    expect(JSON.stringify(saved.at(-1))).toContain('"lanAccess":true');
  });

  it('the draft becomes StackConfig.lanAccess, false when never answered', () => {
    expect(candidateConfig({}).lanAccess).toBe(false);
    const draft = { installRoot: '/srv/ups', dataRoot: '/srv/data', timeZone: 'Europe/Berlin', lanAccess: true };
    expect(validateDraft(draft).config?.lanAccess).toBe(true);
  });

  it('review and done say where each app answers', () => {
    expect(reachableFrom('radarr', false)).toBe('this PC only');
    expect(reachableFrom('radarr', true)).toBe('this PC and your network');
    expect(reachableFrom('plex', false)).toBe('this PC and your network');
    expect(reachableFrom('vpnControl', true)).toBe('this PC only');
    const cfg = StackConfigSchema.parse(sampleConfigInput());
    expect(reachText(cfg)).toMatch(/work on this PC only.*Plex is also reachable/);
    expect(reachText({ ...cfg, lanAccess: true })).toMatch(/Other devices on your network can open/);
  });
});
