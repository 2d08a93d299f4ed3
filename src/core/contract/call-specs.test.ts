import { describe, expect, it } from 'vitest';
import { callSpecs, channels, isChannel } from './call-specs';
import { calls, type Channel } from './calls';

describe('call specs loaded per channel', () => {
  it('list exactly the channels of the call map', () => {
    expect([...channels].sort()).toEqual(Object.keys(calls).sort());
    expect(isChannel('stack.status')).toBe(true);
    expect(isChannel('toString')).toBe(false);
  });

  it('load, for every channel, the very input and output schemas the call map holds', async () => {
    for (const channel of Object.keys(calls) as Channel[]) {
      const spec = await callSpecs[channel]();
      expect(spec.input, `${channel} input`).toBe(calls[channel].input);
      expect(spec.output, `${channel} output`).toBe(calls[channel].output);
    }
  });
});
