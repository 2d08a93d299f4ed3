// @vitest-environment jsdom
// The install checklist from fake progress pushes: plain steps with ✓ / spinner / ✗, never internal step ids or
// per-step percentages; one overall bar that shows GB and time left when pulls carry byte counts, counts otherwise.
import { act, cleanup, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../../core/contract';
import { InstallChecklist } from './InstallChecklist';
import { buildChecklist, downloadText, timeLeft } from './install-checklist';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ev = (step: string, current: number, total: number, message: string, bytes?: ProgressEvent['bytes']) => ({
  operationId: 'install-1',
  step,
  current,
  total,
  message,
  ...(bytes ? { bytes } : {}),
});
const GB = 1e9;

const ui = (steps: ProgressEvent[], outcome: 'running' | 'failed' | 'done' = 'running') => (
  <FluentProvider theme={webLightTheme}>
    <InstallChecklist steps={steps} outcome={outcome} />
  </FluentProvider>
);
const states = () =>
  [...screen.getByTestId('install-checklist').querySelectorAll('li')].map((li) => li.getAttribute('data-state'));

describe('install checklist', () => {
  it('wiring in progress: earlier steps ticked (a skipped download too), no internal ids or percentages shown', () => {
    render(
      ui([
        ev('data', 0, 12, 'Creating the /data folders and testing hardlinks'),
        ev('seed', 1, 12, 'Writing first-start settings into the app volumes'),
        ev('healthy', 12, 12, '9 of 9 services healthy'),
        ev('nzbget.config', 3, 20, 'nzbget.config: reading current state'),
      ]),
    );
    expect(states()).toEqual(['done', 'done', 'done', 'done', 'active']);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Connect the apps to each other');
    expect(text).not.toMatch(/nzbget\.config|seed|healthy|%/);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.8');
  });

  it('a failed install marks the step it stopped at with ✗', () => {
    render(ui([ev('pull', 2, 9, 'Downloading'), ev('data', 0, 12, 'Creating')], 'failed'));
    expect(states()).toEqual(['done', 'failed', 'pending', 'pending', 'pending']);
    expect(screen.getByTestId('install-step-folders').textContent).toContain('✗');
  });

  it('during pulls with byte counts: GB downloaded and, from the measured rate, the time left', () => {
    vi.useFakeTimers({ now: 0 });
    const { rerender } = render(ui([ev('pull', 0, 9, 'Downloading', { done: 1 * GB, total: 11 * GB })]));
    expect(screen.getByTestId('install-overall').textContent).toContain('1.0 of 11.0 GB downloaded');
    vi.setSystemTime(100_000);
    act(() => rerender(ui([ev('pull', 1, 9, 'Downloading', { done: 3 * GB, total: 11 * GB })])));
    // 2 GB in 100 s is 20 MB/s: 8 GB left is 400 s, about 7 min.
    expect(screen.getByTestId('install-overall').textContent).toContain('3.0 of 11.0 GB downloaded · about 7 min left');
    expect(screen.getByTestId('install-step-download').getAttribute('data-state')).toBe('active');
  });

  it('without byte counts (Compose v1) the download counts images', () => {
    render(ui([ev('pull', 3, 9, 'Downloading')]));
    expect(screen.getByTestId('install-overall').textContent).toContain('3 of 9 apps downloaded');
    expect(buildChecklist([ev('pull', 3, 9, 'x')], 'running').overall).toBeCloseTo(3 / 9 / 5);
  });

  it('words for the time left', () => {
    expect(timeLeft(30)).toBe('less than a minute left');
    expect(timeLeft(3 * 3600 + 600)).toBe('about 3 h 10 min left');
    expect(downloadText(ev('pull', 0, 0, 'x'))).toBe('Downloading the apps…');
  });
});
