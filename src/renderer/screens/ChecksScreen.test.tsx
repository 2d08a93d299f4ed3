// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnvCheck, UpsApi } from '../../core/contract';
import { ChecksScreen } from './ChecksScreen';

const check = (over: Partial<EnvCheck['checks'][number]>): EnvCheck['checks'][number] => ({ id: 'docker.engine', title: 'Docker engine reachable', state: 'ok', detail: 'Docker 27', fixes: [], ...over });

function fakeApi(answers: EnvCheck[]): UpsApi & { calls: number } {
  const api = {
    calls: 0,
    async invoke(channel: string) {
      if (channel === 'env.check') return { ok: true, value: answers[Math.min(api.calls++, answers.length - 1)] };
      return { ok: true, value: { project: 'ups', overall: 'not-installed', services: [], observedAt: 'now' } };
    },
    subscribe: () => () => undefined,
  };
  return api as unknown as UpsApi & { calls: number };
}

const env = (checks: EnvCheck['checks'], overall: EnvCheck['overall']): EnvCheck => ({ checkedAt: 'now', overall, checks, docker: { reachable: true, endpoint: 'x' }, compose: { available: true }, vault: { usable: true, backend: 'b' } });

afterEach(cleanup);

describe('ChecksScreen', () => {
  it('shows each check, its fix and command, and re-runs on demand', async () => {
    const failing = env([check({ state: 'fail', detail: 'No engine', fixes: [{ kind: 'steps', text: 'Start Docker Desktop.', command: 'docker version' }] })], 'fail');
    const fixed = env([check({})], 'ok');
    const api = fakeApi([failing, fixed]);
    render(
      <FluentProvider theme={webLightTheme}>
        <ChecksScreen api={api} />
      </FluentProvider>,
    );
    await screen.findByText('No engine');
    expect(screen.getByText(/Start Docker Desktop\./)).toBeTruthy();
    expect(screen.getByText('docker version')).toBeTruthy();
    expect(screen.getByTestId('check-docker.engine').getAttribute('data-state')).toBe('fail');
    expect(screen.getByTestId('checks-summary').textContent).toMatch(/follow the fixes/);

    fireEvent.click(screen.getByRole('button', { name: 'Run checks again' }));
    await waitFor(() => expect(screen.getByTestId('check-docker.engine').getAttribute('data-state')).toBe('ok'));
    expect(api.calls).toBe(2);
  });
});
