// stack.yml round trip: what we write reads back to the same config, and bad files name the line or field.
import { describe, expect, it } from 'vitest';
import { StackConfigSchema } from '../contract';
import { sampleConfigInput } from '../stack/sample-config';
import { parseStackFile, serializeStackConfig } from './stack-file';

describe('stack.yml', () => {
  it('round-trips through the schema and re-serialises to the same bytes', () => {
    const cfg = StackConfigSchema.parse(
      sampleConfigInput({
        services: {
          qbittorrent: true,
          nzbget: false,
          tdarr: true,
          proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' },
        },
      }),
    );
    const text = serializeStackConfig(cfg);
    const back = parseStackFile(text);
    expect(back.ok && back.value).toEqual(cfg);
    if (back.ok) expect(serializeStackConfig(back.value)).toBe(text);
  });

  it('reports YAML syntax errors with the line', () => {
    const r = parseStackFile('installRoot: /srv/ups\n  dataRoot: [\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/stack\.yml line \d+/);
  });

  it('reports a wrong type with the field', () => {
    const cfg = StackConfigSchema.parse(sampleConfigInput());
    const r = parseStackFile(serializeStackConfig(cfg).replace('puid: 1000', 'puid: "x"'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain('puid');
  });
});
