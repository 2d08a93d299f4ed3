// `ups restart [service…]`: restart containers in place.
import type { RegisterCommand } from '../cli-context';
import { lifecycleCommand } from './engine-command';

export const registerRestart: RegisterCommand = (program, ctx) =>
  lifecycleCommand(
    program,
    ctx,
    'restart',
    'Restart the stack (or the named services); a vpn restart re-attaches the download clients.',
  );
