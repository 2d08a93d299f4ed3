// `ups stop [service…]`: stop containers, keeping them for `ups start`.
import type { RegisterCommand } from '../cli-context';
import { lifecycleCommand } from './engine-command';

export const registerStop: RegisterCommand = (program, ctx) =>
  lifecycleCommand(program, ctx, 'stop', 'Stop the stack (or the named services); containers and settings are kept.');
