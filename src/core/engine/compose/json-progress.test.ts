// Compose v2 JSON progress lines (format of docker/compose v2.40.3 pkg/progress/json.go) into progress events; the
// whole recorded pull and up are driven through a fake `docker` in tests/integration/engine-compose-v2-progress.test.ts.
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../contract';
import { createJsonPullTracker, createJsonUpTracker, jsonOutputAsText, parseJsonProgressLine } from './json-progress';

const feed = (tracker: (l: string) => void, lines: object[]) => lines.forEach((l) => tracker(JSON.stringify(l)));

describe('parseJsonProgressLine', () => {
  it('keeps event lines and skips text, tail messages, the final error object and wrong types', () => {
    expect(parseJsonProgressLine('{"id":"vpn","text":"Pulling"}')).toEqual({ id: 'vpn', text: 'Pulling' });
    expect(parseJsonProgressLine('time="…" level=warning msg="version is obsolete"')).toBeNull();
    expect(parseJsonProgressLine('{"tail":true,"text":"hint"}')).toBeNull();
    expect(parseJsonProgressLine('{"error":true,"message":"pull access denied"}')).toBeNull();
    expect(parseJsonProgressLine('{"id":"x","current":"12"}')).toBeNull();
    expect(parseJsonProgressLine('{"id":')).toBeNull();
  });
});

describe('createJsonPullTracker', () => {
  it('counts download bytes only: Extracting restarts from zero and must not pull the sum back', () => {
    const events: ProgressEvent[] = [];
    feed(createJsonPullTracker('op', 1, (e) => events.push(e)), [
      { id: 'vpn', text: 'Pulling' },
      { id: 'l1', parent_id: 'vpn', text: 'Downloading', current: 400, total: 1000, percent: 40 },
      { id: 'l1', parent_id: 'vpn', text: 'Download complete', percent: 100 },
      { id: 'l1', parent_id: 'vpn', text: 'Extracting', current: 100, total: 1000, percent: 10 },
      { id: 'l1', parent_id: 'vpn', text: 'Pull complete', percent: 100 },
      { id: 'vpn', text: 'Pulled' },
    ]);
    expect(events.map((e) => [e.current, e.bytes])).toEqual([
      [0, { done: 0, total: 0 }],
      [0, { done: 400, total: 1000 }],
      [0, { done: 1000, total: 1000 }],
      [1, { done: 1000, total: 1000 }],
    ]);
    expect(events.at(-1)?.message).toBe('vpn: pulled');
  });

  it('the same layer id under two images counts twice (each image pulls it)', () => {
    const events: ProgressEvent[] = [];
    feed(createJsonPullTracker('op', 2, (e) => events.push(e)), [
      { id: 'l1', parent_id: 'a', text: 'Downloading', current: 10, total: 50 },
      { id: 'l1', parent_id: 'b', text: 'Downloading', current: 20, total: 50 },
    ]);
    expect(events.at(-1)?.bytes).toEqual({ done: 30, total: 100 });
  });
});

describe('createJsonUpTracker', () => {
  it('ignores networks and layers; with --wait a container is done when healthy, without it when started', () => {
    const lines = [
      { id: 'Network ups_default', status: 'Created' },
      { id: 'Container ups-vpn-1', status: 'Started' },
      { id: 'l1', parent_id: 'vpn', text: 'Downloading', current: 1, total: 2 },
      { id: 'Container ups-vpn-1', status: 'Healthy' },
    ];
    const waited: ProgressEvent[] = [];
    feed(createJsonUpTracker('op', 1, true, (e) => waited.push(e)), lines);
    expect(waited.map((e) => [e.current, e.message])).toEqual([
      [0, 'ups-vpn-1: started'],
      [1, 'ups-vpn-1: healthy done'],
    ]);
    const started: ProgressEvent[] = [];
    feed(createJsonUpTracker('op', 1, false, (e) => started.push(e)), lines);
    expect(started.map((e) => e.current)).toEqual([1, 1]);
  });
});

describe('jsonOutputAsText', () => {
  it('turns the failure, warnings and events back into plain lines for error messages', () => {
    const out = [
      '{"level":"warning","msg":"the attribute `version` is obsolete","time":"2026-12-07T10:00:00Z"}',
      '{"id":"radarr","text":"Error","status":"pull access denied for x/radarr"}',
      '{"error":true,"message":"pull access denied for x/radarr, repository does not exist"}',
      'plain line',
    ].join('\n');
    expect(jsonOutputAsText(out)).toBe(
      [
        'the attribute `version` is obsolete',
        'radarr Error pull access denied for x/radarr',
        'pull access denied for x/radarr, repository does not exist',
        'plain line',
      ].join('\n'),
    );
  });
});
