// Test helpers for the tray: stack.status values shaped exactly like the contract's StackStatusSchema.
import { StackStatusSchema, type ServiceStatus, type StackStatus } from '../contract';

export function service(
  name: string,
  state: ServiceStatus['state'] = 'running',
  health: ServiceStatus['health'] = 'healthy',
): ServiceStatus {
  return {
    service: name,
    containerId: `id-${name}`,
    containerName: `ups-${name}-1`,
    state,
    health,
    image: `img/${name}:1`,
    statusText: state,
    createdAt: '2026-01-01T00:00:00Z',
  };
}

export function stack(overall: StackStatus['overall'], services: ServiceStatus[]): StackStatus {
  // Parsed so a fixture can never drift from the contract.
  return StackStatusSchema.parse({ project: 'ups', overall, services, observedAt: '2026-01-01T00:00:00Z' });
}
