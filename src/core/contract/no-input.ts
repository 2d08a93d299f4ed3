// The input of every call that takes none: an empty object, nothing else accepted.
import * as z from 'zod';

export const NoInputSchema = z.object({}).strict();
