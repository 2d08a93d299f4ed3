// The port-name list the fix actions use is exactly the stack config's ports.
import { describe, expect, it } from 'vitest';
import { portNameList } from './port-names';
import { defaultPorts } from './stack-config';

describe('port names', () => {
  it('match the stack config’s default ports', () => {
    expect([...portNameList].sort()).toEqual(Object.keys(defaultPorts).sort());
  });
});
