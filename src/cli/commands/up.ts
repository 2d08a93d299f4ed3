// `ups up [service…]`: create and start the stack, or the named services (and what they need).
import type { RegisterCommand } from '../cli-context';
import { lifecycleCommand } from './engine-command';

export const registerUp: RegisterCommand = (program, ctx) =>
  lifecycleCommand(program, ctx, 'up', 'Create and start the stack (or the named services) with compose.');
