// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchChecksLines, SwitchChecksView } from './SwitchChecksView';

afterEach(cleanup);

describe('SwitchChecksView', () => {
  it('lists what each app saw after the switch, sorted, and every check that could not run with its reason', () => {
    const checks = {
      counts: { sonarr: 40, 'plex:Movies': 1, radarr: 12 },
      skipped: {
        plex: 'No Plex sign-in is stored, so the Plex libraries were not scanned. Sign in to Plex before the switch.',
      },
    };
    expect(switchChecksLines(checks).checked).toBe(
      'Checked after the switch: plex:Movies sees 1 item, as before; radarr sees 12 items, as before; sonarr sees 40 items, as before.',
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <SwitchChecksView checks={checks} />
      </FluentProvider>,
    );
    expect(screen.getByTestId('migrate-switch-skipped').textContent).toBe(
      'Not checked (plex): No Plex sign-in is stored, so the Plex libraries were not scanned. Sign in to Plex before the switch.',
    );
  });

  it('says nothing about counts when no app was checked', () => {
    expect(switchChecksLines({ counts: {}, skipped: { plex: 'no stack.yml' } })).toEqual({
      skipped: ['Not checked (plex): no stack.yml'],
    });
  });
});
