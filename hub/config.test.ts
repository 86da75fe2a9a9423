import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { variablesOf } from '../platform/config.js';
import { connectorConfigSections, hubConfigSections, parseHubConfig } from './config.js';

describe('hub configuration', () => {
  it('.env.example documents exactly the variables the hub reads', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(variablesOf({ ...hubConfigSections, ...connectorConfigSections }));
  });

  it('.env.example, as written, is a valid configuration', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries(
      [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1], match[2]]),
    );
    expect(() => parseHubConfig(env)).not.toThrow();
  });

  it('runs on one machine with no variables set', () => {
    const config = parseHubConfig({});
    expect(config.store.databaseUrl).toBeUndefined();
    expect(config.gateway.port).toBe(4000);
    expect(config.demo.simulators).toBe('embedded');
  });
});
