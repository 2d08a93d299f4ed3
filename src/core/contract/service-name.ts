// A compose service name: a leaf module, because fix actions (imported by the envelope) name services, and the
// engine contract imports the envelope; keeping this here keeps that from being an import cycle.
import * as z from 'zod';

/** Compose service names as the generator writes them (lowercase, digits, dash, underscore). */
export const ServiceNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a compose service name (lowercase letters, digits, - or _)');
