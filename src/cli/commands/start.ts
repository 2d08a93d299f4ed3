// `ups start [service…]`: start existing containers of the stack.
import type { RegisterCommand } from '../cli-context';
import { lifecycleCommand } from './engine-command';

export const registerStart: RegisterCommand = (program, ctx) =>
  lifecycleCommand(program, ctx, 'start', 'Start the stopped containers of the stack (or the named services).');
