// Progress parsing on recorded compose output: v1 lines recorded from docker-compose 1.29.2 on this project's
// fixture stack (`up -d`, `--ansi never`); v2 lines in the plain format of `docker compose --ansi never` 2.x.
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../contract';
import { createProgressTracker, parseProgressLine } from './progress-parser';

const v1Up = `Creating network "ups-t-manual_default" with the default driver
Creating ups-t-manual_vpn_1 ... 
Creating ups-t-manual_radarr_1 ... 
Creating ups-t-manual_sonarr_1 ... 
Creating ups-t-manual_sonarr_1 ... done
Creating ups-t-manual_radarr_1 ... done
Creating ups-t-manual_vpn_1    ... done
Creating ups-t-manual_nzbget_1 ... 
Creating ups-t-manual_qbittorrent_1 ... 
Creating ups-t-manual_qbittorrent_1 ... done
Creating ups-t-manual_nzbget_1      ... done`;

const v2Up = ` Network ups_default  Creating
 Network ups_default  Created
 Container ups-vpn-1  Creating
 Container ups-radarr-1  Creating
 Container ups-vpn-1  Created
 Container ups-radarr-1  Created
 Container ups-vpn-1  Starting
 Container ups-radarr-1  Starting
 Container ups-radarr-1  Started
 Container ups-vpn-1  Started`;

describe('parseProgressLine', () => {
  it('reads v1 begin and done lines and ignores the network line', () => {
    expect(parseProgressLine('Creating ups-t-manual_vpn_1 ... ')).toEqual({ action: 'creating', target: 'ups-t-manual_vpn_1', done: false });
    expect(parseProgressLine('Creating ups-t-manual_vpn_1    ... done')).toEqual({ action: 'creating', target: 'ups-t-manual_vpn_1', done: true });
    expect(parseProgressLine('Pulling radarr ... done')).toEqual({ action: 'pulling', target: 'radarr', done: true });
    expect(parseProgressLine('Creating network "ups-t-manual_default" with the default driver')).toBeNull();
  });

  it('reads v2 container lines and ignores networks', () => {
    expect(parseProgressLine(' Container ups-vpn-1  Started')).toEqual({ action: 'started', target: 'ups-vpn-1', done: true });
    expect(parseProgressLine(' Container ups-vpn-1  Creating')).toEqual({ action: 'creating', target: 'ups-vpn-1', done: false });
    expect(parseProgressLine(' radarr Pulled')).toEqual({ action: 'pulled', target: 'radarr', done: true });
    expect(parseProgressLine(' Network ups_default  Created')).toBeNull();
  });
});

describe('createProgressTracker', () => {
  const run = (text: string, expected: number) => {
    const events: ProgressEvent[] = [];
    const feed = createProgressTracker('op-1', 'up', expected, (e) => events.push(e));
    for (const l of text.split('\n')) feed(l);
    return events;
  };

  it('counts finished containers of a v1 run up to the total', () => {
    const events = run(v1Up, 5);
    expect(events.at(-1)).toMatchObject({ operationId: 'op-1', step: 'up', current: 5, total: 5 });
    expect(events.map((e) => e.current)).toEqual([0, 0, 0, 1, 2, 3, 3, 3, 4, 5]);
  });

  it('ends a v2 run with every container finished (started counts once per container)', () => {
    const events = run(v2Up, 2);
    expect(events.at(-1)).toMatchObject({ current: 2, total: 2, message: 'ups-vpn-1: started done' });
  });

  it('grows the total when compose names more targets than expected', () => {
    expect(run(v1Up, 0).at(-1)).toMatchObject({ current: 5, total: 5 });
  });
});
