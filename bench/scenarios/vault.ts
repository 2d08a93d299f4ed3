// Vault/probes metrics: the cost of redaction by value on every log line (vs the same pino logger without it),
// and the core env.check call on this host (all applicable probes, facts gathered once).
import { pino } from 'pino';
import { createAppService } from '../../src/core/app/app-service';
import { defaultAppDeps } from '../../src/core/app/default-deps';
import { createLogger } from '../../src/core/log/logger';
import { createRedactor } from '../../src/core/log/redactor';
import { secretNames } from '../../src/core/contract/secret-names';
import { median, round, type Metric } from '../metric';

const LINES = 20_000;
const sink = { write: (_line: string) => undefined };

function timeLines(log: { info(o: object, m: string): void }): number {
  const t0 = performance.now();
  for (let i = 0; i < LINES; i++)
    log.info({ service: 'radarr', attempt: i, url: 'http://radarr:7878/api/v3/system/status' }, 'link test passed');
  return ((performance.now() - t0) * 1000) / LINES;
}

export async function vaultScenario(): Promise<Metric[]> {
  // As many distinct 32-character values as the registry holds: the worst case for the redaction pattern.
  const redactor = createRedactor();
  for (const n of secretNames) redactor.add(`${n}-${'x'.repeat(8)}-${Math.random().toString(36).slice(2, 14)}`);
  const redacting = createLogger({ destination: sink, redactor });
  const plain = pino({ level: 'info' }, sink);
  timeLines(redacting);
  timeLines(plain);
  const withRedaction = median([timeLines(redacting), timeLines(redacting), timeLines(redacting)]);
  const without = median([timeLines(plain), timeLines(plain), timeLines(plain)]);

  const app = createAppService(defaultAppDeps({ version: 'bench', door: 'cli' }));
  const calls: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await app.call('env.check');
    calls.push(performance.now() - t0);
  }
  return [
    {
      name: 'log.line.redacted',
      value: round(withRedaction, 2),
      unit: 'µs/line',
      baseline: {
        name: 'same pino logger without redaction',
        value: round(without, 2),
        ratio: round(withRedaction / without),
      },
      note: `${secretNames.length} known secret values`,
    },
    {
      name: 'core.env_check.call',
      value: round(median(calls), 1),
      unit: 'ms',
      note: 'median of 7 env.check calls on this host (engine, compose, vault, disk, ports; Windows probes not applicable)',
    },
  ];
}
