// Which Compose gets `--progress json` and `up --wait`, by version (sources cited in compose-features.ts).
import { describe, expect, it } from 'vitest';
import { composeFeatures, parseVersion } from './compose-features';

describe('composeFeatures', () => {
  it.each([
    ['v1', '1.29.2', false, false],
    ['v2', '2.0.1', false, false],
    ['v2', '2.1.0', false, false],
    ['v2', '2.1.1', false, true],
    ['v2', '2.28.1', false, true],
    ['v2', '2.29.0', false, true],
    ['v2', '2.29.1', true, true],
    ['v2', '2.40.3-desktop.1', true, true],
    ['v2', 'v2.35.0', true, true],
    ['v2', '5.0.0', false, true],
    ['v2', 'dev', false, false],
    [undefined, '2.40.3', false, false],
  ] as const)('%s %s: json %s, wait %s', (variant, version, jsonProgress, wait) => {
    expect(composeFeatures({ variant, version })).toEqual({ jsonProgress, wait });
  });

  it('reads the numeric part of a version only', () => {
    expect(parseVersion('2.40.3-desktop.1')).toEqual([2, 40, 3]);
    expect(parseVersion(undefined)).toBeNull();
  });
});
