// stack.status: the containers of compose project `ups`, found by labels (docs/decisions.md D8), never by names.
import * as z from 'zod';
import { VpnAlertSchema } from './engine';

export const ContainerStateSchema = z.enum([
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
  'unknown',
]);
export const HealthSchema = z.enum(['healthy', 'unhealthy', 'starting', 'none']);

export const ServiceStatusSchema = z.object({
  service: z.string(),
  containerId: z.string(),
  containerName: z.string(),
  state: ContainerStateSchema,
  health: HealthSchema,
  image: z.string(),
  statusText: z.string(),
  createdAt: z.string(),
  /** The image ID the container runs (what an update records and a rollback restores). */
  imageId: z.string().optional(),
  /** Published ports, e.g. "127.0.0.1:8080->8080/tcp" (download clients' ports appear on `vpn`, docs/decisions.md D6). */
  ports: z.array(z.string()).optional(),
  /** When the running container last started (uptime on the dashboard); from inspect, so only the mirror fills it. */
  startedAt: z.string().optional(),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

export const OverallStateSchema = z.enum(['running', 'degraded', 'stopped', 'not-installed']);
export type OverallState = z.infer<typeof OverallStateSchema>;

export const StackStatusSchema = z.object({
  project: z.string(),
  overall: OverallStateSchema,
  services: z.array(ServiceStatusSchema),
  observedAt: z.string(),
  /** The VPN watch's latest verdict, when a watch runs: doors show it as the VPN line / alert. */
  vpn: VpnAlertSchema.optional(),
});
export type StackStatus = z.infer<typeof StackStatusSchema>;
