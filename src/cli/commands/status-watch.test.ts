// The VPN line of `ups status`: a record the watch could not save is said under the verdict, with the command that
// fixes it, so a damaged record is never a silent loss in the CLI either.
import { describe, expect, it } from 'vitest';
import type { StackStatus } from '../../core/contract';
import { renderVpnLine } from './status-watch';

const status = (vpn: StackStatus['vpn']): StackStatus =>
  ({ project: 'ups', overall: 'running', services: [], observedAt: 'now', vpn }) as StackStatus;

describe('renderVpnLine', () => {
  it('prints the verdict alone when the record was saved', () => {
    expect(renderVpnLine(status({ verdict: 'safe', reason: 'tunnel up', stopped: [], at: 't' }))).toBe(
      'VPN: SAFE — tunnel up (checked t)',
    );
  });
  it('adds the unsaved record and its exact fix command', () => {
    const out = renderVpnLine(
      status({
        verdict: 'leak',
        reason: 'egress is the host',
        stopped: ['qbittorrent'],
        at: 't',
        recordError: {
          code: 'BAD_INPUT',
          message: 'The record of the VPN watch (/s/state/vpn-watch.json) is damaged: it is empty.',
          fix: 'Set the damaged record aside.',
          action: { action: 'file.setAside', input: { file: 'vpnWatch' }, label: 'Set aside' },
        },
      }),
    ).split('\n');
    expect(out[0]).toBe('VPN: LEAK — egress is the host; stopped qbittorrent (checked t)');
    expect(out.slice(1)).toEqual([
      '  not recorded: The record of the VPN watch (/s/state/vpn-watch.json) is damaged: it is empty.',
      '  fix: Set the damaged record aside.',
      '  run: ups repair set-aside vpn-watch',
    ]);
  });
});
