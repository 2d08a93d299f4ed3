// Published ports as shown in stack.status: host-published only, IPv4/IPv6 duplicates folded, stable order.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { publishedPorts } from './stack-status';

describe('publishedPorts', () => {
  it('keeps host-published ports and folds duplicates', () => {
    const ports = [
      { IP: '127.0.0.1', PrivatePort: 8080, PublicPort: 32768, Type: 'tcp' },
      { IP: '127.0.0.1', PrivatePort: 8080, PublicPort: 32768, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 8000, PublicPort: 8000, Type: 'tcp' },
      { PrivatePort: 6789, Type: 'tcp' },
    ] as Docker.Port[];
    expect(publishedPorts(ports)).toEqual(['0.0.0.0:8000->8000/tcp', '127.0.0.1:32768->8080/tcp']);
  });
});
